/// Why a signature could not be made or checked (a signature that simply does not match is not an
/// error: `PublicKey.isValidSignature` returns `false`).
public enum SignatureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An `alg` name that is not one of `SignatureAlgorithm.allCases`.
    case unknownAlgorithm(name: String)
    /// The algorithm needs another key type (e.g. `RS256` with a P-256 key).
    case algorithmDoesNotMatchKey(algorithm: SignatureAlgorithm, keyType: KeyType)
    /// A signature whose length cannot be right for this algorithm and key.
    case invalidSignatureLength(algorithm: SignatureAlgorithm, expected: Int, actual: Int)
    /// OpenSSL failed unexpectedly.
    case openSSL(OpenSSLError)

    public var description: String {
        switch self {
        case .unknownAlgorithm(let name):
            "unknown signature algorithm '\(name)'; supported: "
                + SignatureAlgorithm.allCases.map(\.name).joined(separator: ", ")
        case .algorithmDoesNotMatchKey(let algorithm, let keyType):
            "algorithm \(algorithm) cannot be used with a \(keyType) key; it supports "
                + keyType.signatureAlgorithms.map(\.name).joined(separator: ", ")
        case .invalidSignatureLength(let algorithm, let expected, let actual):
            "\(algorithm) signature must be \(expected) bytes, got \(actual)"
        case .openSSL(let error):
            "signature operation failed: \(error)"
        }
    }
}
