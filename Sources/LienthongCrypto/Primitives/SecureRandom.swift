import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's DRBG (seeded by the operating system).
public enum SecureRandom {
    /// `count` random bytes.
    ///
    /// - Throws: `OpenSSLError` if the generator cannot be seeded, rather than returning weak bytes.
    public static func bytes(count: Int) throws(OpenSSLError) -> [UInt8] {
        guard count > 0 else { return [] }
        guard count <= Int(Int32.max) else {
            throw OpenSSLError(operation: "RAND_bytes", messages: ["cannot produce more than 2 GiB at once"], codes: [])
        }
        OpenSSLError.clearQueue()
        var output = [UInt8](repeating: 0, count: count)
        let status = output.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        guard status == 1 else { throw .drain("RAND_bytes") }
        return output
    }
}
