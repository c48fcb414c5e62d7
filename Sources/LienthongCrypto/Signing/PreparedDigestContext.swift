import COpenSSL

/// A digest-sign or digest-verify context initialised once for one key and algorithm.
///
/// `EVP_DigestSignInit`/`EVP_DigestVerifyInit` cost a noticeable share of each operation, so the
/// gateway initialises them once per key and algorithm and copies the prepared context
/// (`EVP_MD_CTX_copy_ex`) for every signature. `@unchecked Sendable` is safe because, after `init`,
/// the prepared context is only ever read as the source of a copy; each operation runs on its own
/// copy, so no live context is ever shared between threads.
final class PreparedDigestContext: @unchecked Sendable {
    enum Operation: Sendable { case sign, verify }

    private let pointer: OpaquePointer
    /// Keeps the key alive for as long as the context refers to it.
    let key: EVPKey
    let algorithm: SignatureAlgorithm

    init(key: EVPKey, algorithm: SignatureAlgorithm, operation: Operation) throws(SignatureError) {
        guard algorithm.accepts(key.type) else {
            throw .algorithmDoesNotMatchKey(algorithm: algorithm, keyType: key.type)
        }
        OpenSSLError.clearQueue()
        guard let context = EVP_MD_CTX_new() else { throw .openSSL(.drain("EVP_MD_CTX_new")) }
        // Ed25519 hashes internally ("pure" EdDSA): OpenSSL wants no digest for it.
        let digest: OpaquePointer? = algorithm == .edDSA ? nil : EVP_sha256()
        var keyContext: OpaquePointer?
        let initialised = switch operation {
        case .sign: EVP_DigestSignInit(context, &keyContext, digest, nil, key.pointer)
        case .verify: EVP_DigestVerifyInit(context, &keyContext, digest, nil, key.pointer)
        }
        guard initialised == 1 else {
            EVP_MD_CTX_free(context)
            throw .openSSL(.drain(operation == .sign ? "EVP_DigestSignInit" : "EVP_DigestVerifyInit"))
        }
        if algorithm == .ps256 {
            // RFC 7518 §3.5: MGF1 with the same SHA-256 and a salt as long as the hash.
            guard let keyContext,
                  lt_EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) == 1,
                  EVP_PKEY_CTX_set_rsa_mgf1_md(keyContext, EVP_sha256()) == 1,
                  lt_EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, 32) == 1
            else {
                EVP_MD_CTX_free(context)
                throw .openSSL(.drain("configuring RSASSA-PSS"))
            }
        }
        self.pointer = context
        self.key = key
        self.algorithm = algorithm
    }

    deinit { EVP_MD_CTX_free(pointer) }

    /// Signs `data`, returning OpenSSL's native signature (DER for ECDSA).
    func sign(_ data: [UInt8]) throws(SignatureError) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: Int(lt_EVP_PKEY_size(key.pointer)))
        var length = signature.count
        let result = try withCopy { context in
            signature.withUnsafeMutableBufferPointer { output in
                withNonNullBytes(data) { input, count in
                    EVP_DigestSign(context, output.baseAddress, &length, input, count)
                }
            }
        }
        guard result == 1, length <= signature.count else { throw .openSSL(.drain("EVP_DigestSign")) }
        signature.removeSubrange(length...)
        return signature
    }

    /// Checks OpenSSL's native signature (DER for ECDSA) over `data`.
    func verify(_ signature: [UInt8], of data: [UInt8]) throws(SignatureError) -> Bool {
        let result = try withCopy { context in
            withNonNullBytes(signature) { signatureBytes, signatureCount in
                withNonNullBytes(data) { input, count in
                    EVP_DigestVerify(context, signatureBytes, signatureCount, input, count)
                }
            }
        }
        // A mismatch may leave reasons on the queue; it is an answer, not a failure.
        OpenSSLError.clearQueue()
        return result == 1
    }

    /// Runs `body` on a fresh copy of the prepared context, freed afterwards.
    private func withCopy<R>(_ body: (OpaquePointer) -> R) throws(SignatureError) -> R {
        OpenSSLError.clearQueue()
        guard let copy = EVP_MD_CTX_new() else { throw .openSSL(.drain("EVP_MD_CTX_new")) }
        defer { EVP_MD_CTX_free(copy) }
        guard EVP_MD_CTX_copy_ex(copy, pointer) == 1 else { throw .openSSL(.drain("EVP_MD_CTX_copy_ex")) }
        return body(copy)
    }
}

/// Calls `body` with a pointer that is never null, even for empty input (some OpenSSL paths
/// treat a null buffer as an error even when its length is zero).
func withNonNullBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
    bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress, !buffer.isEmpty else {
            var placeholder: UInt8 = 0
            return body(&placeholder, 0)
        }
        return body(base, buffer.count)
    }
}
