import COpenSSL

/// An in-memory OpenSSL `BIO`, freed when the value goes away.
///
/// Reading BIOs get their own copy of the bytes (OpenSSL's `BIO_new_mem_buf` would only borrow
/// them), so nothing here depends on the lifetime of a Swift array.
final class MemoryBIO {
    let pointer: OpaquePointer

    /// An empty BIO for OpenSSL to write into.
    init() throws(OpenSSLError) {
        OpenSSLError.clearQueue()
        guard let bio = BIO_new(BIO_s_mem()) else { throw .drain("BIO_new") }
        pointer = bio
    }

    /// A BIO holding a copy of `bytes`, for OpenSSL to read from.
    convenience init(reading bytes: [UInt8]) throws(OpenSSLError) {
        try self.init()
        guard !bytes.isEmpty else { return }
        guard bytes.count <= Int(Int32.max) else {
            throw OpenSSLError(operation: "BIO_write", messages: ["input larger than 2 GiB"], codes: [])
        }
        let written = bytes.withUnsafeBytes { BIO_write(pointer, $0.baseAddress, Int32($0.count)) }
        guard written == Int32(bytes.count) else { throw .drain("BIO_write") }
    }

    /// Everything written into the BIO so far.
    var contents: [UInt8] {
        var start: UnsafeMutablePointer<CChar>?
        let length = lt_BIO_get_mem_data(pointer, &start)
        guard length > 0, let start else { return [] }
        return start.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// The contents as text (PEM output is ASCII).
    var text: String { String(decoding: contents, as: UTF8.self) }

    deinit { BIO_free(pointer) }
}

/// Runs an OpenSSL `i2d_*` style encoder twice (size, then bytes) and returns the DER bytes.
func encodeDER(_ operation: String, _ encode: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32)
    throws(OpenSSLError) -> [UInt8]
{
    OpenSSLError.clearQueue()
    let length = encode(nil)
    guard length > 0 else { throw .drain(operation) }
    var bytes = [UInt8](repeating: 0, count: Int(length))
    let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
        var cursor = buffer.baseAddress
        return encode(&cursor)
    }
    guard written == length else { throw .drain(operation) }
    return bytes
}
