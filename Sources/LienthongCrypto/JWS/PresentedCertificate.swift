/// A signer certificate that arrives beside a JWS rather than inside it, such as the TLS client
/// certificate of the connection a message came on. A JWS names it by `x5t#S256`.
public struct PresentedCertificate: Sendable {
    /// The certificate first, then any intermediates that came with it.
    public let chain: [Certificate]
    /// The `x5t#S256` value that names it: base64url SHA-256 of the certificate's DER.
    public let thumbprint: String

    /// - Parameter chain: the certificate first, then any intermediates (not empty).
    public init?(chain: [Certificate]) {
        guard let leaf = chain.first else { return nil }
        self.chain = chain
        self.thumbprint = leaf.thumbprint
    }
}

extension Certificate {
    /// The `x5t#S256` thumbprint (RFC 7515 §4.1.8): base64url SHA-256 of the DER encoding.
    public var thumbprint: String { Base64URL.encode(sha256Fingerprint) }
}
