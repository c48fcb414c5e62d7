import Foundation
import LienthongCore
import Testing
@testable import LienthongGateway

/// `plugins.manifests` in the gateway configuration: manifests read with the configuration, their
/// adapters usable by services, their problems reported at their place in the manifest.
@Suite("Configuration: plugins.manifests")
struct ManifestConfigurationTests {
    static func yaml(manifests: String) -> String {
        """
        agency: 000.00.00.G01
        exchange:
          certificateChain: chain.pem
          privateKey: key.pem
          trustedCAs: [ca.pem]
        plugins:
          manifests: [\(manifests)]
        services:
          test.card.lookup/v1:
            adapter: test-cards
            settings:
              baseURL: http://cards.internal:8080
        """
    }

    func issues(_ yaml: String, files: ConfigurationLoaderTests.Files) -> [String] {
        do {
            _ = try ConfigurationLoader(environment: [:]).load(yaml: yaml, file: "ministry.yaml", baseDirectory: files.directory)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test("a manifest's adapter serves a configured service, its schemas count as known")
    func manifestAdapter() throws {
        let files = try ConfigurationLoaderTests.Files()
        defer { files.remove() }
        let cards = try CardManifest()
        defer { cards.remove() }
        let configuration = try ConfigurationLoader(environment: [:])
            .load(yaml: Self.yaml(manifests: cards.directory), file: "ministry.yaml", baseDirectory: files.directory)
        #expect(configuration.plugins.manifestPaths == [cards.directory])
        #expect(configuration.plugins.manifests.map(\.id) == ["test-cards"])
        #expect(configuration.services[try ServiceID(parsing: CardManifest.service)]?.adapter == "test-cards")
        let inventory = AdapterInventory(configuration: configuration)
        #expect(inventory.entries.map(\.id) == ["test-cards"])
        #expect(inventory.entries.first?.kind == .manifest)
        #expect(inventory.entries.first?.usedFor == [try ServiceID(parsing: CardManifest.service)])
    }

    @Test("a broken manifest is reported in its own file with line and column; settings are checked against its schema")
    func brokenManifest() throws {
        let files = try ConfigurationLoaderTests.Files()
        defer { files.remove() }
        let cards = try CardManifest()
        defer { cards.remove() }
        try cards.writeBrokenManifest()
        #expect(issues(Self.yaml(manifests: cards.directory), files: files) == [
            "\(cards.file):7:12: upstream.retries: 99 is outside 0...5",
            "ministry.yaml:10:14: services.\"test.card.lookup/v1\".adapter: no adapter \"test-cards\" (known: business-registry, document-axis, land, population)",
        ])
        try cards.writeManifest(version: "1.0.0")
        let badSettings = Self.yaml(manifests: cards.directory).replacingOccurrences(
            of: "      baseURL: http://cards.internal:8080", with: "      baseURL: http://cards.internal:8080\n      apiKey: inline")
        let settingsIssues = issues(badSettings, files: files)
        #expect(settingsIssues == ["ministry.yaml:13:15: services.\"test.card.lookup/v1\".settings: /apiKey: property 'apiKey' is not allowed"])
    }

    @Test("a manifest path that does not exist, and unknown keys under plugins, are reported")
    func missingPath() throws {
        let files = try ConfigurationLoaderTests.Files()
        defer { files.remove() }
        let yaml = Self.yaml(manifests: "adapters/none.yaml").replacingOccurrences(of: "plugins:\n", with: "plugins:\n  extrnal: {}\n")
        let found = issues(yaml, files: files)
        #expect(found.contains("ministry.yaml:8:15: plugins.manifests: file or directory \(files.directory)/adapters/none.yaml does not exist"), "\(found)")
        #expect(found.contains { $0.hasPrefix("ministry.yaml:7:3: plugins: unknown setting \"extrnal\"") }, "\(found)")
    }
}

@Suite("Configuration: manifests naming bundled schemas")
struct ManifestCatalogSchemasTests {
    @Test("a manifest may serve a bundled service with its bundled schemas, but not with other $ids")
    func bundledSchemas() throws {
        let files = try ConfigurationLoaderTests.Files()
        defer { files.remove() }
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/adapters/land/land.yaml").path
        let yaml = """
            agency: 000.00.00.G01
            exchange: {certificateChain: chain.pem, privateKey: key.pem, trustedCAs: [ca.pem]}
            plugins:
              manifests: [\(example)]
            services:
              land.parcel.lookup/v1: {adapter: land-rest, settings: {baseURL: "http://land.internal"}}
            """
        let configuration = try ConfigurationLoader(environment: [:]).load(yaml: yaml, file: "ministry.yaml", baseDirectory: files.directory)
        #expect(configuration.plugins.manifests.first?.services.first?.schemasFromCatalog == true)

        let text = try String(contentsOfFile: example, encoding: .utf8)
        let wrong = files.directory + "/land.yaml"
        try Data(text.replacingOccurrences(of: "land/parcel.lookup.response.v1.json", with: "population/citizen.lookup.response.v1.json").utf8)
            .write(to: URL(fileURLWithPath: wrong))
        do {
            _ = try ConfigurationLoader(environment: [:]).load(
                yaml: yaml.replacingOccurrences(of: example, with: wrong), file: "ministry.yaml", baseDirectory: files.directory)
            Issue.record("a manifest naming other schemas for a bundled service was accepted")
        } catch {
            #expect(error.issues.map(\.description) == [
                "ministry.yaml:4:14: plugins.manifests: \(wrong): land.parcel.lookup/v1 names "
                    + "https://schemas.lienthong.vn/land/parcel.lookup.request.v1.json and https://schemas.lienthong.vn/population/citizen.lookup.response.v1.json, "
                    + "but the gateway serves it with https://schemas.lienthong.vn/land/parcel.lookup.request.v1.json and https://schemas.lienthong.vn/land/parcel.lookup.response.v1.json",
            ])
        }
    }
}
