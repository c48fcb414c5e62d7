import COpenSSL

/// A public key (P-256, Ed25519 or RSA ≥ 2048) that verifies signatures.
///
/// Safe to share between tasks: the wrapped `EVP_PKEY` is read-only after creation and each
/// verification runs on its own copy of a context prepared once per algorithm.
public final class PublicKey: Sendable, Equatable, CustomStringConvertible {
    let key: EVPKey
    /// The SubjectPublicKeyInfo DER, computed once (it is also the identity for `==`).
    public let derEncoded: [UInt8]
    private let verifiers: [SignatureAlgorithm: PreparedDigestContext]

    init(_ key: EVPKey) throws(KeyError) {
        self.key = key
        self.derEncoded = try key.subjectPublicKeyInfo()
        var verifiers: [SignatureAlgorithm: PreparedDigestContext] = [:]
        for algorithm in key.type.signatureAlgorithms {
            do {
                verifiers[algorithm] = try PreparedDigestContext(key: key, algorithm: algorithm, operation: .verify)
            } catch {
                throw .openSSL(OpenSSLError(operation: "preparing \(algorithm) verification", messages: [error.description], codes: []))
            }
        }
        self.verifiers = verifiers
    }

    /// Loads a SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`).
    ///
    /// - Throws: `KeyError.malformedPEM`, `.unexpectedPEMLabel`, `.malformedDER`,
    ///   `.unsupportedKeyType` or `.rsaKeyTooSmall`.
    public convenience init(pemEncoded: String) throws(KeyError) {
        let block: PEMBlock
        do { block = try PEMBlock.parseSingle(Array(pemEncoded.utf8)) } catch {
            throw .malformedPEM(reason: error.description)
        }
        guard block.label == "PUBLIC KEY" else {
            throw .unexpectedPEMLabel(found: block.label, expected: ["PUBLIC KEY"])
        }
        try self.init(derEncoded: block.der)
    }

    /// Loads a DER SubjectPublicKeyInfo.
    ///
    /// - Throws: `KeyError.malformedDER`, `.unsupportedKeyType` or `.rsaKeyTooSmall`.
    public convenience init(derEncoded der: [UInt8]) throws(KeyError) {
        OpenSSLError.clearQueue()
        guard let pointer = decodeDERFully(der, free: { EVP_PKEY_free($0) }, { d2i_PUBKEY(nil, $0, $1) }) else {
            let error = OpenSSLError.drain("d2i_PUBKEY")
            throw .malformedDER(reason: "not a SubjectPublicKeyInfo: \(error.messages.joined(separator: "; "))")
        }
        try self.init(EVPKey(taking: pointer))
    }

    /// The key type (curve or RSA size).
    public var type: KeyType { key.type }

    /// The algorithms this key verifies.
    public var supportedAlgorithms: [SignatureAlgorithm] { key.type.signatureAlgorithms }

    /// The key as `-----BEGIN PUBLIC KEY-----` PEM.
    public var pemEncoded: String { PEMBlock.encode(label: "PUBLIC KEY", der: derEncoded) }

    /// Checks a JOSE-form signature (`R || S` for ES256) over `data`.
    ///
    /// - Returns: whether the signature is valid.
    /// - Throws: `SignatureError.algorithmDoesNotMatchKey` when `algorithm` needs another key type
    ///   and `.invalidSignatureLength` when the signature cannot be of this algorithm and key.
    public func isValidSignature(
        _ signature: [UInt8], for data: [UInt8], algorithm: SignatureAlgorithm
    ) throws(SignatureError) -> Bool {
        guard let verifier = verifiers[algorithm] else {
            throw .algorithmDoesNotMatchKey(algorithm: algorithm, keyType: type)
        }
        let expected = algorithm.signatureLength(for: type)
        guard signature.count == expected else {
            throw .invalidSignatureLength(algorithm: algorithm, expected: expected, actual: signature.count)
        }
        let native = algorithm == .es256 ? try ECDSASignatureEncoding.der(fromRaw: signature) : signature
        return try verifier.verify(native, of: data)
    }

    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool { lhs.derEncoded == rhs.derEncoded }

    public var description: String { "PublicKey(\(type))" }
}
