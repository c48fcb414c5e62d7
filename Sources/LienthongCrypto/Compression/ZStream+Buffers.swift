import CZlib

/// zlib counts bytes in `uInt` (32 bits), so larger buffers are fed in slices of at most this size.
let zlibMaxSliceBytes = 1 << 30

/// Size of the scratch buffer zlib writes into before the bytes are appended to the caller's output.
/// Small enough that a decompression limit is never overshot by much, large enough to amortize calls.
let zlibScratchBytes = 64 << 10

extension UnsafeMutablePointer<z_stream> {
    /// Points zlib's input at `bytes`, which must stay valid until the stream has consumed them.
    func setInput(_ bytes: UnsafeRawBufferPointer) {
        // zlib's `next_in` is non-const only because zlib.h is compiled without `z_const`; it never writes.
        pointee.next_in = bytes.baseAddress.map {
            UnsafeMutablePointer<Bytef>(mutating: $0.assumingMemoryBound(to: Bytef.self))
        }
        pointee.avail_in = uInt(bytes.count)
    }

    /// zlib's message for the last error, or a fallback naming the return code.
    func errorMessage(code: Int32) -> String {
        if let message = pointee.msg {
            return String(cString: message)
        }
        return "zlib error \(code)"
    }
}
