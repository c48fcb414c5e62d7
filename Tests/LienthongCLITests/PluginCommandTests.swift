import Foundation
import Testing

/// `lienthong plugin check` and `plugin list`, run as an operator would.
@Suite("lienthong plugin")
struct PluginCommandTests {
    static let examples = CLI.packageRoot.appendingPathComponent("examples/adapters").path

    @Test("the example manifests pass the check, with a summary")
    func examplesPass() async throws {
        let result = try await CLI.run(["plugin", "check", "\(Self.examples)/health-insurance/health-insurance.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("health-insurance 1.0.0"))
        #expect(result.stdout.contains("health-insurance.card.lookup/v1: GET /v2/the-bhyt/{/maThe} → json answer, retries 2"))
        #expect(result.stdout.hasSuffix("manifest OK\n"))
        let soap = try await CLI.run(["plugin", "check", "\(Self.examples)/civil-status"])
        #expect(soap.status == 0, "\(soap.stderr)")
        #expect(soap.stdout.contains("civil-status.birth.lookup/v1: POST /HoTichService.svc → xml answer, retries 1"))
    }

    @Test("a broken manifest: every problem with its location, exit 1")
    func brokenManifest() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.yaml").path
        try Data("""
            id: bad
            version: one
            summary: broken
            upstream:
              baseURL: http://x
            services:
              bad.thing.lookup/v1:
                requestSchema: nothing.json
                responseSchema: nothing.json
                request: {method: GET, path: "/x/{/a"}
                response: {body: {}}
            """.utf8).write(to: URL(fileURLWithPath: file))
        let result = try await CLI.run(["plugin", "check", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("lienthong: 4 problems in \(file):"), "\(result.stderr)")
        #expect(result.stderr.contains("\(file):2:10: version: expected a semantic version such as 1.0.0, found \"one\""))
        #expect(result.stderr.contains("\(file):8:20: services.\"bad.thing.lookup/v1\".requestSchema: schema file \(directory.path)/nothing.json cannot be read"))
        #expect(result.stderr.contains("\(file):10:34: services.\"bad.thing.lookup/v1\".request.path: \"{\" without a closing \"}\""))
        #expect(result.stdout.isEmpty)
    }

    /// A file that is neither `.yaml`/`.yml` nor a directory is taken for an external plugin's
    /// program, and refused as one.
    @Test("a path that is no manifest is checked as a program and refused, exit 1")
    func notAManifest() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("plugin.txt").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let result = try await CLI.run(["plugin", "check", file])
        #expect(result.status == 1)
        #expect(result.stdout.contains("is not executable"), "\(result.stdout)")
        let missing = try await CLI.run(["plugin", "check", directory.appendingPathComponent("none.yaml").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("none.yaml: no such file or directory"), "\(missing.stderr)")
    }

    @Test("plugin list names built-in and manifest adapters, versions and services, marking the used ones")
    func list() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["chain.pem", "key.pem", "ca.pem"] {
            try Data("placeholder".utf8).write(to: directory.appendingPathComponent(name))
        }
        let config = directory.appendingPathComponent("ministry.yaml").path
        try Data("""
            agency: 000.00.00.G01
            exchange: {certificateChain: chain.pem, privateKey: key.pem, trustedCAs: [ca.pem]}
            plugins:
              manifests: [\(Self.examples)/health-insurance, \(Self.examples)/civil-status/civil-status.yaml]
            services:
              health-insurance.card.lookup/v1: {adapter: health-insurance}
              population.citizen.lookup/v1:
                adapter: population
                settings: {baseURL: "http://c06:9000", clientId: g01, clientSecretEnv: C06_SECRET}
            """.utf8).write(to: URL(fileURLWithPath: config))
        let result = try await CLI.run(["plugin", "list", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("civil-status 1.0.0 [manifest] \(Self.examples)/civil-status/civil-status.yaml: ") })
        #expect(lines.contains("  civil-status.birth.lookup/v1"))
        #expect(lines.contains { $0.hasPrefix("health-insurance 1.0.0 [manifest]") })
        #expect(lines.contains("  health-insurance.card.lookup/v1 (used)"))
        #expect(lines.contains { $0.hasPrefix("population 1.0.0 [built-in]: ") })
        #expect(lines.contains("  population.citizen.lookup/v1 (used)"))
        #expect(lines.contains("  population.citizen.verify/v1"))
        #expect(!lines.contains { $0.hasPrefix("land ") })
    }
}
