/// Bounds on how much a single compressed stream may expand, to survive decompression bombs.
///
/// Both limits apply to one stream (all members of a multi-member gzip together), from its first byte
/// until ``Decompressor/finish()``.
public struct DecompressionLimits: Sendable, Hashable {
    /// The most bytes the stream may decompress to. Default 64 MiB.
    public var maxOutputBytes: Int
    /// The largest allowed ratio of output bytes to compressed bytes consumed. Default 1000.
    ///
    /// Deflate cannot exceed about 1032:1, so a ratio near 1000 means long runs of one byte: rare in
    /// real documents, typical of bombs.
    public var maxRatio: Int
    /// The ratio is only enforced once the output exceeds this many bytes (default 64 KiB), so that
    /// small, very repetitive messages are not refused.
    public var ratioFloorBytes: Int

    /// Creates limits. Negative sizes are treated as zero and a ratio below 1 as 1, so a bad
    /// configuration value tightens the limits instead of disabling them.
    public init(maxOutputBytes: Int = 64 << 20, maxRatio: Int = 1000, ratioFloorBytes: Int = 64 << 10) {
        self.maxOutputBytes = max(0, maxOutputBytes)
        self.maxRatio = max(1, maxRatio)
        self.ratioFloorBytes = max(0, ratioFloorBytes)
    }

    /// 64 MiB of output, a ratio of at most 1000:1 above 64 KiB.
    public static let `default` = DecompressionLimits()
}
