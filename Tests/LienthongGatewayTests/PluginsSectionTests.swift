import Foundation
import LienthongCore
import Testing
@testable import LienthongGateway

/// The `plugins:` section with both kinds at once: manifests and external plugins side by side,
/// their ids reserved across kinds, both listed by `AdapterInventory` (`lienthong plugin list`).
@Suite("Configuration: manifests and external plugins together")
struct PluginsSectionTests {
    static func yaml(manifests: String, externalID: String) -> String {
        """
        agency: 000.00.00.G01
        exchange:
          certificateChain: chain.pem
          privateKey: key.pem
          trustedCAs: [ca.pem]
        plugins:
          manifests: [\(manifests)]
          external:
            \(externalID):
              command: [/bin/cat]
        services:
          test.card.lookup/v1:
            adapter: test-cards
            settings:
              baseURL: http://cards.internal:8080
          land.parcel.lookup/v1:
            adapter: \(externalID)
        """
    }

    @Test("both kinds load from one section, and the inventory lists each with its kind and services")
    func bothKinds() throws {
        let files = try ConfigurationLoaderTests.Files()
        defer { files.remove() }
        let cards = try CardManifest()
        defer { cards.remove() }
        let configuration = try ConfigurationLoader(environment: ["PATH": "/usr/bin:/bin"])
            .load(yaml: Self.yaml(manifests: cards.directory, externalID: "land-office"), file: "ministry.yaml", baseDirectory: files.directory)
        #expect(configuration.plugins.manifests.map(\.id) == ["test-cards"])
        #expect(configuration.externalPlugins.map(\.id) == ["land-office"])

        let entries = AdapterInventory(configuration: configuration).entries
        #expect(entries.map(\.id) == ["land-office", "test-cards"])
        let external = try #require(entries.first)
        #expect(external.kind == .external)
        #expect(external.source == "/bin/cat")
        #expect(external.services == [try ServiceID(parsing: "land.parcel.lookup/v1")])
        #expect(external.usedFor == [try ServiceID(parsing: "land.parcel.lookup/v1")])
        #expect(entries.last?.kind == .manifest)
    }

    @Test("a manifest may not take an external plugin's id")
    func idsReservedAcrossKinds() throws {
        let files = try ConfigurationLoaderTests.Files()
        defer { files.remove() }
        let cards = try CardManifest()
        defer { cards.remove() }
        do {
            _ = try ConfigurationLoader(environment: ["PATH": "/usr/bin:/bin"])
                .load(yaml: Self.yaml(manifests: cards.directory, externalID: "test-cards"), file: "ministry.yaml", baseDirectory: files.directory)
            Issue.record("a manifest with an external plugin's id was accepted")
        } catch {
            let messages = error.issues.map(\.description)
            #expect(messages.contains { $0.hasPrefix(cards.file) && $0.contains("test-cards") }, "\(messages)")
        }
    }
}
