import Foundation
import LienthongCrypto
import Testing
@testable import LienthongGateway

@Suite("Gateway identity files")
struct GatewayIdentityTests {
    @Test("an encrypted key is read with its passphrase; a wrong or missing one is a clear start error")
    func encryptedKey() throws {
        let pki = try TestPKI()
        let directory = NSTemporaryDirectory() + "lienthong-identity-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let chain = directory + "/chain.pem", key = directory + "/key.pem", ca = directory + "/ca.pem"
        try Data(pki.province.certificateChain.map(\.pemEncoded).joined().utf8).write(to: URL(fileURLWithPath: chain))
        try Data(try pki.province.privateKey.pemEncoded(passphrase: "correct horse").utf8).write(to: URL(fileURLWithPath: key))
        try Data(pki.ca.certificate.pemEncoded.utf8).write(to: URL(fileURLWithPath: ca))

        func settings(_ passphrase: String?) -> GatewayConfiguration.ExchangeListener {
            GatewayConfiguration.ExchangeListener(
                listener: .init(host: "127.0.0.1", port: 0), certificateChainFile: chain, privateKeyFile: key,
                keyPassphrase: passphrase, trustedCAFiles: [ca])
        }
        let identity = try GatewayIdentity.load(from: settings("correct horse"))
        #expect(identity.certificateChain == pki.province.certificateChain)
        #expect(identity.privateKey.publicKey == pki.province.privateKey.publicKey)
        #expect(identity.trustedCAs == [pki.ca.certificate])

        for passphrase in ["wrong", nil] as [String?] {
            do {
                _ = try GatewayIdentity.load(from: settings(passphrase))
                Issue.record("loaded the key with passphrase \(passphrase ?? "nil")")
            } catch {
                #expect(error.description.hasPrefix(key + ": "))
            }
        }
    }
}
