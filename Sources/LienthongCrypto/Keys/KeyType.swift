/// The kinds of key the gateway accepts: P-256, Ed25519 and RSA of at least 2048 bits.
public enum KeyType: Sendable, Hashable, CustomStringConvertible {
    /// ECDSA on NIST P-256 (`prime256v1`).
    case p256
    /// Ed25519.
    case ed25519
    /// RSA with a modulus of `bits` bits (always at least `minimumRSABits`).
    case rsa(bits: Int)

    /// RSA keys below this size are refused everywhere.
    public static let minimumRSABits = 2048

    /// RSA sizes `PrivateKey.generate` offers.
    public static let generatableRSABits = [2048, 3072, 4096]

    /// The signature algorithms a key of this type can sign and verify with.
    public var signatureAlgorithms: [SignatureAlgorithm] {
        SignatureAlgorithm.allCases.filter { $0.accepts(self) }
    }

    /// The default algorithm for this key type: ES256, EdDSA or PS256.
    public var defaultSignatureAlgorithm: SignatureAlgorithm {
        switch self {
        case .p256: .es256
        case .ed25519: .edDSA
        case .rsa: .ps256
        }
    }

    public var description: String {
        switch self {
        case .p256: "P-256"
        case .ed25519: "Ed25519"
        case .rsa(let bits): "RSA \(bits)"
        }
    }
}
