import COpenSSL

/// Owns one OpenSSL `EVP_PKEY` whose type the gateway supports, and frees it on deinit.
///
/// `@unchecked Sendable` is safe because the `EVP_PKEY` is never modified after `init`: OpenSSL 3
/// allows a fully constructed `EVP_PKEY` to be used concurrently for read-only operations
/// (openssl-threads(7)); its internal caches are guarded by the key's own lock.
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer
    let type: KeyType

    /// Takes ownership of `pointer` (freeing it if the key type is refused).
    init(taking pointer: OpaquePointer) throws(KeyError) {
        do {
            type = try Self.classify(pointer)
        } catch {
            EVP_PKEY_free(pointer)
            throw error
        }
        self.pointer = pointer
    }

    deinit { EVP_PKEY_free(pointer) }

    /// The SubjectPublicKeyInfo DER of the key.
    func subjectPublicKeyInfo() throws(KeyError) -> [UInt8] {
        do {
            return try encodeDER("i2d_PUBKEY") { i2d_PUBKEY(pointer, $0) }
        } catch {
            throw .openSSL(error)
        }
    }

    /// Maps an `EVP_PKEY` to a `KeyType`, refusing other curves, other algorithms and small RSA keys.
    static func classify(_ key: OpaquePointer) throws(KeyError) -> KeyType {
        let id = EVP_PKEY_get_base_id(key)
        switch id {
        case EVP_PKEY_EC:
            let curve = groupName(of: key) ?? "unknown"
            guard curve == "prime256v1" || curve == "P-256" else {
                throw .unsupportedKeyType("EC on curve \(curve)")
            }
            return .p256
        case EVP_PKEY_ED25519:
            return .ed25519
        case EVP_PKEY_RSA:
            let bits = Int(EVP_PKEY_get_bits(key))
            guard bits >= KeyType.minimumRSABits else { throw .rsaKeyTooSmall(bits: bits) }
            return .rsa(bits: bits)
        default:
            let name = EVP_PKEY_get0_type_name(key).map { String(cString: $0) }
            throw .unsupportedKeyType(name ?? "with OpenSSL id \(id)")
        }
    }

    private static func groupName(of key: OpaquePointer) -> String? {
        var buffer = [CChar](repeating: 0, count: 80)
        var length = 0
        guard EVP_PKEY_get_group_name(key, &buffer, buffer.count, &length) == 1 else {
            OpenSSLError.clearQueue()
            return nil
        }
        let bytes = buffer.prefix(length).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
