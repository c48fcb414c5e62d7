import CZlib

/// The container around a deflate stream.
///
/// The three formats carry the same compressed data; they differ in header, trailer and checksum.
public enum CompressionFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// gzip (RFC 1952): 10-byte header, CRC-32 and input size trailer. What `Content-Encoding: gzip` means.
    case gzip
    /// Raw deflate (RFC 1951): no header, no checksum.
    case deflate
    /// zlib (RFC 1950): 2-byte header and Adler-32 trailer. What `Content-Encoding: deflate` means in HTTP.
    case zlib

    public var description: String { rawValue }

    /// The `windowBits` argument zlib uses to select this format with a 32 KiB window.
    ///
    /// zlib encodes the container in the sign and range of `windowBits`: negative for raw deflate,
    /// plus 16 for gzip. For inflate, `31` accepts gzip only (not the zlib auto-detection of `47`),
    /// so a peer cannot switch the format behind the receiver's back.
    var windowBits: Int32 {
        switch self {
        case .gzip: return MAX_WBITS + 16
        case .deflate: return -MAX_WBITS
        case .zlib: return MAX_WBITS
        }
    }
}
