import COpenSSL

/// Converts ES256 signatures between OpenSSL's DER `ECDSA-Sig-Value` and JOSE's fixed-width
/// `R || S` form (RFC 7518 §3.4: two 32-byte big-endian integers, no DER).
enum ECDSASignatureEncoding {
    /// Bytes per coordinate on P-256.
    static let coordinateLength = 32

    /// DER → `R || S`, 64 bytes.
    static func raw(fromDER der: [UInt8]) throws(SignatureError) -> [UInt8] {
        OpenSSLError.clearQueue()
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_ECDSA_SIG(nil, &cursor, buffer.count)
        }
        guard let signature = parsed else { throw .openSSL(.drain("d2i_ECDSA_SIG")) }
        defer { ECDSA_SIG_free(signature) }
        var r: OpaquePointer?
        var s: OpaquePointer?
        ECDSA_SIG_get0(signature, &r, &s)
        var output = [UInt8](repeating: 0, count: 2 * coordinateLength)
        let written = output.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress, let r, let s else { return false }
            let length = Int32(coordinateLength)
            return BN_bn2binpad(r, base, length) == length
                && BN_bn2binpad(s, base + coordinateLength, length) == length
        }
        guard written else { throw .openSSL(.drain("BN_bn2binpad")) }
        return output
    }

    /// `R || S` → DER, refusing anything but exactly 64 bytes.
    static func der(fromRaw raw: [UInt8]) throws(SignatureError) -> [UInt8] {
        guard raw.count == 2 * coordinateLength else {
            throw .invalidSignatureLength(algorithm: .es256, expected: 2 * coordinateLength, actual: raw.count)
        }
        OpenSSLError.clearQueue()
        let coordinates = raw.withUnsafeBufferPointer { buffer -> (OpaquePointer?, OpaquePointer?) in
            guard let base = buffer.baseAddress else { return (nil, nil) }
            let length = Int32(coordinateLength)
            return (BN_bin2bn(base, length, nil), BN_bin2bn(base + coordinateLength, length, nil))
        }
        guard let r = coordinates.0, let s = coordinates.1, let signature = ECDSA_SIG_new() else {
            BN_free(coordinates.0)
            BN_free(coordinates.1)
            throw .openSSL(.drain("building ECDSA_SIG"))
        }
        defer { ECDSA_SIG_free(signature) }
        // On success ECDSA_SIG_set0 owns r and s; on failure they are still ours to free.
        guard ECDSA_SIG_set0(signature, r, s) == 1 else {
            BN_free(r)
            BN_free(s)
            throw .openSSL(.drain("ECDSA_SIG_set0"))
        }
        do {
            return try encodeDER("i2d_ECDSA_SIG") { i2d_ECDSA_SIG(signature, $0) }
        } catch {
            throw .openSSL(error)
        }
    }
}
