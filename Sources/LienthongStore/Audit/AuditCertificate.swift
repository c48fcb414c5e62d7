import LienthongCrypto

/// How the audit trail names a kept certificate: as a JWS names it in `x5t#S256`.
public enum AuditCertificate {
    /// Base64url SHA-256 of the DER bytes.
    public static func thumbprint(of der: [UInt8]) throws(OpenSSLError) -> String {
        Base64URL.encode(try Digest.sha256(der))
    }
}
