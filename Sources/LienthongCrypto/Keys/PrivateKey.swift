import COpenSSL

/// A private key (P-256, Ed25519 or RSA ≥ 2048) that signs with the JOSE algorithms its type allows.
///
/// Safe to share between tasks: the wrapped `EVP_PKEY` is read-only after creation and each
/// signature is made on its own copy of a context prepared once per algorithm (see
/// `PreparedDigestContext`), so no OpenSSL context is ever used by two threads at once.
public final class PrivateKey: Sendable, CustomStringConvertible {
    let key: EVPKey
    /// The matching public key.
    public let publicKey: PublicKey
    private let signers: [SignatureAlgorithm: PreparedDigestContext]

    init(_ key: EVPKey) throws(KeyError) {
        self.key = key
        let spki = try key.subjectPublicKeyInfo()
        self.publicKey = try PublicKey(derEncoded: spki)
        var signers: [SignatureAlgorithm: PreparedDigestContext] = [:]
        for algorithm in key.type.signatureAlgorithms {
            do {
                signers[algorithm] = try PreparedDigestContext(key: key, algorithm: algorithm, operation: .sign)
            } catch {
                throw .openSSL(OpenSSLError(operation: "preparing \(algorithm) signing", messages: [error.description], codes: []))
            }
        }
        self.signers = signers
    }

    /// The key type (curve or RSA size).
    public var type: KeyType { key.type }

    /// The algorithms this key signs with.
    public var supportedAlgorithms: [SignatureAlgorithm] { key.type.signatureAlgorithms }

    /// Signs `data`, returning the JOSE form of the signature (`R || S` for ES256).
    ///
    /// - Throws: `SignatureError.algorithmDoesNotMatchKey` when `algorithm` needs another key type.
    public func signature(for data: [UInt8], algorithm: SignatureAlgorithm) throws(SignatureError) -> [UInt8] {
        guard let signer = signers[algorithm] else {
            throw .algorithmDoesNotMatchKey(algorithm: algorithm, keyType: type)
        }
        let native = try signer.sign(data)
        return algorithm == .es256 ? try ECDSASignatureEncoding.raw(fromDER: native) : native
    }

    /// Never prints key material.
    public var description: String { "PrivateKey(\(type))" }
}
