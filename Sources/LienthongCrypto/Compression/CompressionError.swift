/// Why compressing or decompressing failed.
///
/// Decompression errors are the expected outcome of hostile or damaged network input; each case carries
/// what an operator needs to tell a bomb from a broken peer.
public enum CompressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A compression level outside `0...9`.
    case invalidLevel(Int)
    /// The decompressed output would have exceeded `limit` bytes; at most `limit` bytes were produced.
    case outputLimitExceeded(limit: Int)
    /// The output grew more than `limit` times larger than the compressed input consumed so far;
    /// `ratio` is output bytes per input byte, rounded up.
    case ratioExceeded(ratio: Int, limit: Int)
    /// The stream is not valid in its format; `reason` is zlib's own message (for example
    /// "incorrect header check", "incorrect data check", "invalid distance too far back").
    case corrupt(String)
    /// The input ended before the stream's end marker (and, for gzip, its trailer).
    case truncated(format: CompressionFormat)
    /// Bytes follow the end of the stream that are not another gzip member; `offset` is the position of
    /// the first such byte in the compressed input.
    case trailingData(offset: Int)
    /// zlib refused to set up or reset a stream (`code` is its return value, e.g. `Z_MEM_ERROR`).
    case zlibFailure(operation: String, code: Int32)

    public var description: String {
        switch self {
        case .invalidLevel(let level):
            return "compression level \(level) is outside 0...9"
        case .outputLimitExceeded(let limit):
            return "decompressed output exceeds the limit of \(limit) bytes"
        case .ratioExceeded(let ratio, let limit):
            return "decompression ratio \(ratio):1 exceeds the limit of \(limit):1"
        case .corrupt(let reason):
            return "corrupt compressed stream: \(reason)"
        case .truncated(let format):
            return "\(format) stream ended before its end marker"
        case .trailingData(let offset):
            return "unexpected data after the end of the compressed stream at byte \(offset)"
        case .zlibFailure(let operation, let code):
            return "zlib \(operation) failed with code \(code)"
        }
    }
}
