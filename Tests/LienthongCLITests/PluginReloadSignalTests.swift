import Foundation
import Synchronization
import Testing

/// A real `lienthong serve` process reloads its adapter manifests on SIGHUP, refuses a broken
/// manifest with its file and line, keeps serving, and still stops cleanly on SIGTERM.
@Suite("lienthong serve: SIGHUP reloads manifests")
struct PluginReloadSignalTests {
    @Test func sighupReloadsAndABrokenManifestIsRefused() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tls = directory.appendingPathComponent("tls").path
        try makeDevelopmentPKI(in: tls)

        let examples = CLI.packageRoot.appendingPathComponent("examples/adapters/health-insurance")
        let manifests = directory.appendingPathComponent("adapters")
        try FileManager.default.copyItem(at: examples, to: manifests)
        let manifest = manifests.appendingPathComponent("health-insurance.yaml").path
        let config = directory.appendingPathComponent("ministry.yaml").path
        try Data("""
            agency: 000.00.00.G01
            dataDirectory: \(directory.appendingPathComponent("data").path)
            localAPI: {host: 127.0.0.1, port: 0}
            exchange:
              host: 127.0.0.1
              port: 0
              certificateChain: \(tls)/g01-chain.pem
              privateKey: \(tls)/g01-key.pem
              trustedCAs: [\(tls)/government-ca.pem]
            plugins:
              manifests: [\(manifests.path)]
            services:
              health-insurance.card.lookup/v1:
                adapter: health-insurance
                settings: {baseURL: "http://127.0.0.1:9"}
            """.utf8).write(to: URL(fileURLWithPath: config))

        let server = try RunningCommand.launch(["serve", "--config", config], environment: ["BHYT_API_TOKEN": "test-token"])
        defer { server.kill() }
        #expect(try await server.waitForLog(containing: "serving: local API"), "\(server.errorOutput)")

        let original = try String(contentsOfFile: manifest, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0").utf8)
            .write(to: URL(fileURLWithPath: manifest))
        server.signal(SIGHUP)
        #expect(try await server.waitForLog(containing: "plugins reloaded: generation 2 in service (health-insurance 1.1.0)"),
                "\(server.errorOutput)")

        try Data(original.replacingOccurrences(of: "  retries: 2 ", with: "  retries: 20").utf8)
            .write(to: URL(fileURLWithPath: manifest))
        server.signal(SIGHUP)
        #expect(try await server.waitForLog(containing: "generation 2 stays in service"), "\(server.errorOutput)")
        let line = try #require(original.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("  retries: 2 ") }) + 1
        #expect(server.errorOutput.contains("manifest reload refused: \(manifest):\(line):12: upstream.retries: 20 is outside 0...5"),
                "\(server.errorOutput)")
        #expect(server.isRunning)

        #expect(try await server.terminate() == 0, "\(server.errorOutput)")
    }

    private func makeDevelopmentPKI(in tls: String) throws {
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/bin/bash")
        script.arguments = [CLI.packageRoot.appendingPathComponent("deploy/make-dev-pki.sh").path, tls]
        script.environment = ProcessInfo.processInfo.environment.merging(["LIENTHONG": CLI.executable.path]) { $1 }
        script.standardOutput = FileHandle.nullDevice
        try script.run()
        script.waitUntilExit()
        #expect(script.terminationStatus == 0)
    }
}
