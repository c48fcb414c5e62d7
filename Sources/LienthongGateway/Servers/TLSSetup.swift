import LienthongCrypto
import NIOSSL

/// The NIOSSL configurations of a gateway: one identity (certificate chain + key) and one set of
/// trusted CAs, used both by the mTLS server and by the client that calls peers.
public struct TLSSetup: Sendable {
    public let certificateChain: [Certificate]
    public let privateKey: PrivateKey
    public let trustedCAs: [Certificate]

    public init(certificateChain: [Certificate], privateKey: PrivateKey, trustedCAs: [Certificate]) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
        self.trustedCAs = trustedCAs
    }

    /// Server side: a client certificate is required and must chain to the trusted CAs.
    /// Hostnames are not checked (clients are identified by the agency in their certificate).
    public func serverConfiguration() throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try niosslChain(), privateKey: .privateKey(try niosslKey()))
        configuration.certificateVerification = .noHostnameVerification
        configuration.trustRoots = .certificates(try trustedCAs.map(Self.niosslCertificate))
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }

    /// Client side: presents our certificate and verifies the peer's chain and hostname.
    public func clientConfiguration() throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateChain = try niosslChain()
        configuration.privateKey = .privateKey(try niosslKey())
        configuration.trustRoots = .certificates(try trustedCAs.map(Self.niosslCertificate))
        configuration.certificateVerification = .fullVerification
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }

    private func niosslChain() throws -> [NIOSSLCertificateSource] {
        try certificateChain.map { .certificate(try Self.niosslCertificate($0)) }
    }

    private func niosslKey() throws -> NIOSSLPrivateKey {
        // The key is handed over unencrypted in memory only; the file on disk may stay encrypted.
        try NIOSSLPrivateKey(bytes: Array(try privateKey.pemEncoded().utf8), format: .pem)
    }

    private static func niosslCertificate(_ certificate: Certificate) throws -> NIOSSLCertificate {
        try NIOSSLCertificate(bytes: certificate.derEncoded, format: .der)
    }
}
