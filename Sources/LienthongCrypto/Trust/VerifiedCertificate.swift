import LienthongCore

/// A leaf certificate that a `TrustStore` verified, with the agency it belongs to.
public struct VerifiedCertificate: Sendable {
    /// The verified end-entity certificate.
    public let leaf: Certificate
    /// The agency named by the leaf's subjectAltName URI.
    public let agency: AgencyCode
    /// The chain OpenSSL built, leaf first, ending with the trust anchor.
    public let chain: [Certificate]
}
