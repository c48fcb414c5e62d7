import Foundation
import Testing

/// The example configurations in deploy/ must stay valid: made with the development PKI that
/// deploy/make-dev-pki.sh builds, `lienthong config check` accepts both.
@Suite("deploy/: example configurations and the development PKI")
struct DeployConfigTests {
    @Test(arguments: [("province", "h41"), ("ministry", "g01")])
    func exampleConfigurationPassesConfigCheck(_ config: String, _ agency: String) async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tls = directory.appendingPathComponent("tls").path

        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/bin/bash")
        script.arguments = [CLI.packageRoot.appendingPathComponent("deploy/make-dev-pki.sh").path, tls]
        script.environment = ProcessInfo.processInfo.environment.merging(["LIENTHONG": CLI.executable.path]) { $1 }
        script.standardOutput = FileHandle.nullDevice
        try script.run()
        script.waitUntilExit()
        #expect(script.terminationStatus == 0)

        let configFile = CLI.packageRoot.appendingPathComponent("deploy/\(config).yaml").path
        let result = try await CLI.run(["config", "check", configFile], environment: [
            "LIENTHONG_TLS_CERTIFICATE_CHAIN": "\(tls)/\(agency)-chain.pem",
            "LIENTHONG_TLS_PRIVATE_KEY": "\(tls)/\(agency)-key.pem",
            "LIENTHONG_TRUSTED_CA_FILES": "\(tls)/government-ca.pem",
            "LIENTHONG_DATA_DIR": directory.appendingPathComponent("data").path,
            "C06_CLIENT_SECRET": "development-secret",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("configuration OK"))
    }

    @Test func missingCertificatesAreNamedWithTheirLocation() async throws {
        let configFile = CLI.packageRoot.appendingPathComponent("deploy/province.yaml").path
        let result = try await CLI.run(["config", "check", configFile], environment: [
            "LIENTHONG_TLS_CERTIFICATE_CHAIN": "/nonexistent/h41-chain.pem",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("exchange.certificateChain: file /nonexistent/h41-chain.pem does not exist"))
    }
}
