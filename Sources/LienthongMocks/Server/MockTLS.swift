import Foundation
import NIOSSL

/// The certificate and key a mock serves https with, so that adapters can be tried against an
/// upstream the way most national systems are reached. No client certificate is asked for.
public struct MockTLS: Sendable {
    /// The server configuration built from the files.
    public let configuration: TLSConfiguration

    /// Reads a PEM certificate chain (leaf first) and its PEM private key.
    public init(certificateFile: String, keyFile: String) throws(MockTLSError) {
        guard FileManager.default.isReadableFile(atPath: certificateFile) else {
            throw MockTLSError("cannot read the TLS certificate \(certificateFile)")
        }
        guard FileManager.default.isReadableFile(atPath: keyFile) else {
            throw MockTLSError("cannot read the TLS key \(keyFile)")
        }
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificateFile) } catch {
            throw MockTLSError("\(certificateFile) holds no readable PEM certificate: \(error)")
        }
        guard !chain.isEmpty else { throw MockTLSError("\(certificateFile) holds no PEM certificate") }
        let key: NIOSSLPrivateKey
        do { key = try NIOSSLPrivateKey(file: keyFile, format: .pem) } catch {
            throw MockTLSError("\(keyFile) holds no readable unencrypted PEM private key: \(error)")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        self.configuration = configuration
    }
}

/// TLS files a mock cannot use, with the reason.
public struct MockTLSError: Error, Sendable, Hashable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
