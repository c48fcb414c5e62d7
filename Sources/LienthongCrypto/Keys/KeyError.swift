/// Why a key could not be generated, loaded or exported.
public enum KeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not PEM, or a PEM block is damaged (bad base64, missing END line, bad DER).
    case malformedPEM(reason: String)
    /// DER bytes that do not hold the expected structure.
    case malformedDER(reason: String)
    /// The PEM block is of another kind, e.g. a certificate where a private key was expected.
    case unexpectedPEMLabel(found: String, expected: [String])
    /// The key is encrypted and no passphrase was given.
    case passphraseRequired
    /// The key is encrypted and the passphrase did not decrypt it.
    case wrongPassphrase
    /// A passphrase that cannot protect a key: empty, or absurdly long.
    case unusablePassphrase(reason: String)
    /// A key of a type or curve the gateway does not use (e.g. P-384, Ed448, DSA).
    case unsupportedKeyType(String)
    /// An RSA key smaller than `KeyType.minimumRSABits`.
    case rsaKeyTooSmall(bits: Int)
    /// An RSA size `PrivateKey.generate` does not offer.
    case unsupportedRSAKeySize(bits: Int)
    /// OpenSSL failed unexpectedly.
    case openSSL(OpenSSLError)

    public var description: String {
        switch self {
        case .malformedPEM(let reason):
            "malformed PEM key: \(reason)"
        case .malformedDER(let reason):
            "malformed DER key: \(reason)"
        case .unexpectedPEMLabel(let found, let expected):
            "the PEM block is '\(found)', expected \(expected.map { "'\($0)'" }.joined(separator: " or "))"
        case .passphraseRequired:
            "the private key is encrypted: a passphrase is required"
        case .wrongPassphrase:
            "the passphrase does not decrypt the private key (wrong passphrase or damaged key)"
        case .unusablePassphrase(let reason):
            "refusing to encrypt the private key: \(reason)"
        case .unsupportedKeyType(let type):
            "unsupported key type \(type); supported: P-256, Ed25519, RSA (at least \(KeyType.minimumRSABits) bits)"
        case .rsaKeyTooSmall(let bits):
            "RSA key of \(bits) bits is too small; at least \(KeyType.minimumRSABits) bits are required"
        case .unsupportedRSAKeySize(let bits):
            "cannot generate an RSA key of \(bits) bits; choose one of "
                + KeyType.generatableRSABits.map(String.init).joined(separator: ", ")
        case .openSSL(let error):
            "key operation failed: \(error)"
        }
    }
}
