import Foundation
import Testing

/// `lienthong mock … --tls-certificate FILE --tls-key FILE`: the refusals that come before any
/// port is opened (serving https is proved by the end-to-end tests).
@Suite("Command line: mock over https")
struct MockTLSOptionsTests {
    @Test func certificateWithoutKeyIsAUsageError() throws {
        let result = try CLI.run(["mock", "land", "--port", "0", "--tls-certificate", "/nonexistent/chain.pem"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--tls-certificate and --tls-key go together"))
    }

    @Test func unreadableFilesAreNamed() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try CLI.run([
            "mock", "land", "--port", "0", "--tls-certificate", directory.appendingPathComponent("chain.pem").path,
            "--tls-key", directory.appendingPathComponent("key.pem").path,
        ])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read the TLS certificate \(directory.appendingPathComponent("chain.pem").path)"))

        // A key where the certificate should be.
        let key = directory.appendingPathComponent("key.pem")
        try CLI.run(["keys", "generate", "--alg", "ES256", "--out", key.path])
        let swapped = try CLI.run(["mock", "land", "--port", "0", "--tls-certificate", key.path, "--tls-key", key.path])
        #expect(swapped.status == 1)
        #expect(swapped.stderr.contains("\(key.path) holds no"), "\(swapped.stderr)")
    }
}
