import COpenSSL

extension PrivateKey {
    /// Generates a new key: P-256, Ed25519, or RSA of 2048, 3072 or 4096 bits.
    ///
    /// - Throws: `KeyError.unsupportedRSAKeySize` for other RSA sizes, `.openSSL` if generation fails.
    public static func generate(_ type: KeyType) throws(KeyError) -> PrivateKey {
        let algorithmName: String
        switch type {
        case .p256: algorithmName = "EC"
        case .ed25519: algorithmName = "ED25519"
        case .rsa(let bits):
            guard KeyType.generatableRSABits.contains(bits) else { throw .unsupportedRSAKeySize(bits: bits) }
            algorithmName = "RSA"
        }
        OpenSSLError.clearQueue()
        guard let context = EVP_PKEY_CTX_new_from_name(nil, algorithmName, nil) else {
            throw .openSSL(.drain("EVP_PKEY_CTX_new_from_name(\(algorithmName))"))
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else { throw .openSSL(.drain("EVP_PKEY_keygen_init")) }
        switch type {
        case .p256:
            guard EVP_PKEY_CTX_set_group_name(context, "P-256") == 1 else {
                throw .openSSL(.drain("EVP_PKEY_CTX_set_group_name"))
            }
        case .rsa(let bits):
            guard lt_EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) == 1 else {
                throw .openSSL(.drain("EVP_PKEY_CTX_set_rsa_keygen_bits"))
            }
        case .ed25519:
            break
        }
        var generated: OpaquePointer?
        guard EVP_PKEY_generate(context, &generated) == 1, let generated else {
            throw .openSSL(.drain("EVP_PKEY_generate"))
        }
        return try PrivateKey(EVPKey(taking: generated))
    }
}
