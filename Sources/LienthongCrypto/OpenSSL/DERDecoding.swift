/// Runs an OpenSSL `d2i_*` decoder over `der` and insists that it used every byte: trailing bytes
/// after a structure mean the input is not what it claims to be.
///
/// Returns nil when decoding fails or leaves bytes over (the object is freed with `free` then).
func decodeDERFully(
    _ der: [UInt8],
    free: (OpaquePointer) -> Void,
    _ decode: (UnsafeMutablePointer<UnsafePointer<UInt8>?>, Int) -> OpaquePointer?
) -> OpaquePointer? {
    der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
        guard let start = buffer.baseAddress else { return nil }
        var cursor: UnsafePointer<UInt8>? = start
        guard let object = decode(&cursor, buffer.count) else { return nil }
        guard let end = cursor, end - start == buffer.count else {
            free(object)
            return nil
        }
        return object
    }
}
