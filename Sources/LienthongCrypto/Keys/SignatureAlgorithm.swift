/// The JOSE signature algorithms a gateway signs and verifies with (RFC 7518, RFC 8037).
///
/// `ES256` is the default; `RS256` and `PS256` exist because the government CA issues RSA
/// certificates. The raw value is the JOSE `alg` name.
public enum SignatureAlgorithm: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// ECDSA on P-256 with SHA-256; the JOSE signature is `R || S`, 64 bytes (not DER).
    case es256 = "ES256"
    /// Ed25519 (RFC 8037); the signature is 64 bytes.
    case edDSA = "EdDSA"
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    case rs256 = "RS256"
    /// RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt.
    case ps256 = "PS256"

    /// Parses a JOSE `alg` name (case-sensitive, as JOSE requires).
    ///
    /// - Throws: `SignatureError.unknownAlgorithm`, whose message lists the supported names.
    public init(name: String) throws(SignatureError) {
        guard let algorithm = SignatureAlgorithm(rawValue: name) else {
            throw .unknownAlgorithm(name: name)
        }
        self = algorithm
    }

    /// The JOSE `alg` name.
    public var name: String { rawValue }

    public var description: String { rawValue }

    /// The key type this algorithm needs: the `alg` must match the key, never the other way round.
    func accepts(_ keyType: KeyType) -> Bool {
        switch (self, keyType) {
        case (.es256, .p256), (.edDSA, .ed25519), (.rs256, .rsa), (.ps256, .rsa): true
        default: false
        }
    }

    /// The exact JOSE signature length for a key of `keyType` (RSA: the modulus length).
    func signatureLength(for keyType: KeyType) -> Int {
        switch keyType {
        case .p256, .ed25519: 64
        case .rsa(let bits): (bits + 7) / 8
        }
    }
}
