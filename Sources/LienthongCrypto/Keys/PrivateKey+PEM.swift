import COpenSSL

extension PrivateKey {
    /// PEM labels of the private key forms `init(pemEncoded:passphrase:)` reads.
    static let privateKeyLabels = ["PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY"]

    /// Loads a PEM private key: PKCS#8 (`PRIVATE KEY`), encrypted PKCS#8
    /// (`ENCRYPTED PRIVATE KEY`), or the traditional `EC PRIVATE KEY` / `RSA PRIVATE KEY`
    /// (optionally encrypted with `Proc-Type: 4,ENCRYPTED`). An `EC PARAMETERS` block next to the key,
    /// as `openssl ecparam -genkey` writes, is ignored.
    ///
    /// - Parameter passphrase: needed only for encrypted keys; ignored for plain ones.
    /// - Throws: `KeyError.malformedPEM`, `.unexpectedPEMLabel`, `.passphraseRequired`,
    ///   `.wrongPassphrase`, `.malformedDER`, `.unsupportedKeyType` or `.rsaKeyTooSmall`.
    public convenience init(pemEncoded: String, passphrase: String? = nil) throws(KeyError) {
        let blocks: [PEMBlock]
        do { blocks = try PEMBlock.parseAll(Array(pemEncoded.utf8)) } catch {
            throw .malformedPEM(reason: error.description)
        }
        let keyBlocks = blocks.filter { $0.label != "EC PARAMETERS" }
        guard keyBlocks.count == 1, let block = keyBlocks.first else {
            throw .malformedPEM(reason: "expected one private key block, found \(keyBlocks.count)")
        }
        let pointer: OpaquePointer
        switch block.label {
        case "PRIVATE KEY":
            pointer = try Self.decodePKCS8(block.der)
        case "ENCRYPTED PRIVATE KEY":
            guard let passphrase else { throw .passphraseRequired }
            pointer = try Self.decodeEncryptedPKCS8(block.der, passphrase: passphrase)
        case "EC PRIVATE KEY", "RSA PRIVATE KEY":
            pointer = try Self.decodeTraditional(block, passphrase: passphrase)
        default:
            throw .unexpectedPEMLabel(found: block.label, expected: Self.privateKeyLabels)
        }
        try self.init(EVPKey(taking: pointer))
    }

    /// Writes the key as PKCS#8 PEM; with a passphrase, as encrypted PKCS#8 (PBES2, PBKDF2 with
    /// HMAC-SHA-256, AES-256-CBC), which OpenSSL, Python `cryptography` and Java all read.
    ///
    /// - Throws: `KeyError.unusablePassphrase` for `""`, `.openSSL` if encoding fails.
    public func pemEncoded(passphrase: String? = nil) throws(KeyError) -> String {
        let bio: MemoryBIO
        do { bio = try MemoryBIO() } catch { throw .openSSL(error) }
        OpenSSLError.clearQueue()
        let written: Int32
        if let passphrase {
            let secret = Array(passphrase.utf8)
            guard !secret.isEmpty else { throw .unusablePassphrase(reason: "the passphrase is empty") }
            guard secret.count <= 1 << 20 else { throw .unusablePassphrase(reason: "the passphrase is longer than 1 MiB") }
            written = secret.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    PEM_write_bio_PKCS8PrivateKey(
                        bio.pointer, key.pointer, EVP_aes_256_cbc(), $0.baseAddress, Int32($0.count), nil, nil)
                }
            }
        } else {
            written = PEM_write_bio_PKCS8PrivateKey(bio.pointer, key.pointer, nil, nil, 0, nil, nil)
        }
        guard written == 1 else { throw .openSSL(.drain("PEM_write_bio_PKCS8PrivateKey")) }
        return bio.text
    }

    // MARK: - Decoding the individual forms

    private static func decodePKCS8(_ der: [UInt8]) throws(KeyError) -> OpaquePointer {
        OpenSSLError.clearQueue()
        guard let info = decodeDERFully(der, free: { PKCS8_PRIV_KEY_INFO_free($0) }, {
            d2i_PKCS8_PRIV_KEY_INFO(nil, $0, $1)
        }) else {
            throw .malformedDER(reason: "not a PKCS#8 PrivateKeyInfo: " + Self.reasons("d2i_PKCS8_PRIV_KEY_INFO"))
        }
        defer { PKCS8_PRIV_KEY_INFO_free(info) }
        return try keyFromPKCS8(info)
    }

    private static func decodeEncryptedPKCS8(_ der: [UInt8], passphrase: String) throws(KeyError) -> OpaquePointer {
        OpenSSLError.clearQueue()
        guard let encrypted = decodeDERFully(der, free: { X509_SIG_free($0) }, { d2i_X509_SIG(nil, $0, $1) }) else {
            throw .malformedDER(reason: "not a PKCS#8 EncryptedPrivateKeyInfo: " + Self.reasons("d2i_X509_SIG"))
        }
        defer { X509_SIG_free(encrypted) }
        let secret = Array(passphrase.utf8)
        let info = secret.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                PKCS8_decrypt(encrypted, $0.baseAddress, Int32(clamping: $0.count))
            }
        }
        guard let info else {
            // Decryption with the wrong key fails the padding or the inner DER: both mean a wrong passphrase.
            OpenSSLError.clearQueue()
            throw .wrongPassphrase
        }
        defer { PKCS8_PRIV_KEY_INFO_free(info) }
        return try keyFromPKCS8(info)
    }

    private static func keyFromPKCS8(_ info: OpaquePointer) throws(KeyError) -> OpaquePointer {
        OpenSSLError.clearQueue()
        guard let key = EVP_PKCS82PKEY(info) else {
            throw .unsupportedKeyType("that OpenSSL cannot read from PKCS#8: " + Self.reasons("EVP_PKCS82PKEY"))
        }
        return key
    }

    private static func decodeTraditional(_ block: PEMBlock, passphrase: String?) throws(KeyError) -> OpaquePointer {
        var der = block.der
        if block.isTraditionallyEncrypted {
            guard let passphrase else { throw .passphraseRequired }
            der = try decryptTraditional(block, passphrase: passphrase)
        }
        let type = block.label == "EC PRIVATE KEY" ? EVP_PKEY_EC : EVP_PKEY_RSA
        OpenSSLError.clearQueue()
        guard let key = decodeDERFully(der, free: { EVP_PKEY_free($0) }, { d2i_PrivateKey(type, nil, $0, $1) }) else {
            if block.isTraditionallyEncrypted {
                OpenSSLError.clearQueue()
                throw .wrongPassphrase
            }
            throw .malformedDER(reason: "not a valid \(block.label): " + Self.reasons("d2i_PrivateKey"))
        }
        return key
    }

    /// Decrypts a `Proc-Type: 4,ENCRYPTED` body (OpenSSL's legacy PEM encryption).
    private static func decryptTraditional(_ block: PEMBlock, passphrase: String) throws(KeyError) -> [UInt8] {
        OpenSSLError.clearQueue()
        var cipher = EVP_CIPHER_INFO()
        var headers = Array(block.headers.utf8CString)
        guard PEM_get_EVP_CIPHER_INFO(&headers, &cipher) == 1 else {
            throw .malformedPEM(reason: "unreadable DEK-Info header: " + Self.reasons("PEM_get_EVP_CIPHER_INFO"))
        }
        var data = block.der
        var length = data.count
        var secret = Array(passphrase.utf8)
        let decrypted = data.withUnsafeMutableBufferPointer { buffer in
            withUnsafeMutablePointer(to: &secret) { secretPointer in
                PEM_do_header(&cipher, buffer.baseAddress, &length, passphraseCallback, secretPointer)
            }
        }
        guard decrypted == 1, length >= 0, length <= data.count else {
            OpenSSLError.clearQueue()
            throw .wrongPassphrase
        }
        return Array(data[..<length])
    }

    /// Drains the error queue into one readable string.
    private static func reasons(_ operation: String) -> String {
        let error = OpenSSLError.drain(operation)
        return error.messages.isEmpty ? "\(operation) failed" : error.messages.joined(separator: "; ")
    }
}

/// Hands OpenSSL the passphrase stored behind `context` (a `[UInt8]`); never prompts on a terminal.
private let passphraseCallback: @convention(c) (
    UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?
) -> Int32 = { buffer, size, _, context in
    guard let buffer, let context, size > 0 else { return -1 }
    let secret = context.assumingMemoryBound(to: [UInt8].self).pointee
    guard secret.count <= Int(size) else { return -1 }
    secret.withUnsafeBytes { source in
        UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress ?? UnsafeRawPointer(buffer), byteCount: source.count)
    }
    return Int32(secret.count)
}
