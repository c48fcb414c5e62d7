import CZlib

/// A streaming deflate compressor producing gzip, raw deflate or zlib streams.
///
/// Feed chunks with `compress(_:)` and end the stream with ``finish()``, which
/// also resets the compressor for the next stream. zlib's state (about 256 KiB) is allocated once and
/// reused through `deflateReset`, so a long-lived compressor per connection or task is cheap.
///
/// ```swift
/// let compressor = try Compressor(format: .gzip)
/// var body = compressor.compress(part1)
/// body += compressor.compress(part2)
/// body += compressor.finish()
/// ```
///
/// A compressor is **not** `Sendable`: its zlib stream is mutable state that one task uses at a time.
/// The one-shot ``compress(_:format:level:)`` creates its own and is safe to call concurrently.
public final class Compressor {
    /// The container this compressor writes.
    public let format: CompressionFormat
    /// The zlib compression level, `0` (store) to `9` (smallest).
    public let level: Int

    // zlib keeps a pointer back to the z_stream, so it must live at a stable heap address.
    private let stream: UnsafeMutablePointer<z_stream>
    private let scratch: UnsafeMutableRawBufferPointer

    /// Creates a compressor.
    ///
    /// - Parameters:
    ///   - format: the container to write; gzip by default.
    ///   - level: `0...9`; 6 (zlib's default) balances speed and size.
    /// - Throws: ``CompressionError/invalidLevel(_:)`` for a level outside `0...9`,
    ///   ``CompressionError/zlibFailure(operation:code:)`` if zlib cannot allocate its state.
    public init(format: CompressionFormat = .gzip, level: Int = 6) throws(CompressionError) {
        guard (0...9).contains(level) else { throw CompressionError.invalidLevel(level) }
        self.format = format
        self.level = level
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // memLevel 8 is zlib's default: 128 KiB of hash tables, the speed/memory sweet spot.
        let code = lt_deflateInit2(stream, Int32(level), format.windowBits, 8)
        guard code == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw CompressionError.zlibFailure(operation: "deflateInit2", code: code)
        }
        self.stream = stream
        self.scratch = .allocate(byteCount: zlibScratchBytes, alignment: 1)
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        scratch.deallocate()
    }

    /// Compresses the next chunk of the stream and returns whatever compressed bytes are ready,
    /// possibly none: deflate buffers input until it has enough to emit a block.
    public func compress(_ chunk: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        compress(chunk, into: &output)
        return output
    }

    /// Compresses the next chunk of the stream and returns whatever compressed bytes are ready.
    public func compress(_ chunk: UnsafeRawBufferPointer) -> [UInt8] {
        var output: [UInt8] = []
        compress(chunk, into: &output)
        return output
    }

    /// Compresses the next chunk of the stream, appending the compressed bytes that are ready to `output`.
    public func compress(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) {
        chunk.withContiguousRawBytes { compress($0, into: &output) }
    }

    /// Compresses the next chunk of the stream, appending the compressed bytes that are ready to `output`.
    public func compress(_ chunk: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        var remaining = chunk[...]
        while !remaining.isEmpty {
            let slice = remaining.prefix(zlibMaxSliceBytes)
            run(UnsafeRawBufferPointer(rebasing: slice), flush: Z_NO_FLUSH, into: &output)
            remaining = remaining.dropFirst(slice.count)
        }
    }

    /// Ends the stream: returns the last compressed bytes and the trailer, then resets the compressor
    /// so it can start a new stream.
    public func finish() -> [UInt8] {
        var output: [UInt8] = []
        finish(into: &output)
        return output
    }

    /// Ends the stream, appending the last compressed bytes and the trailer to `output`, then resets
    /// the compressor so it can start a new stream.
    public func finish(into output: inout [UInt8]) {
        run(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH, into: &output)
        reset()
    }

    /// Abandons the current stream, if any, so the next chunk starts a new one.
    public func reset() {
        // deflateReset only fails on a stream that was never initialized, which init rules out.
        deflateReset(stream)
    }

    /// Compresses `bytes` into a complete stream.
    ///
    /// - Throws: ``CompressionError/invalidLevel(_:)`` for a level outside `0...9`,
    ///   ``CompressionError/zlibFailure(operation:code:)`` if zlib cannot allocate its state.
    public static func compress(
        _ bytes: some Collection<UInt8>,
        format: CompressionFormat = .gzip,
        level: Int = 6
    ) throws(CompressionError) -> [UInt8] {
        let compressor = try Compressor(format: format, level: level)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 2 + 64)
        compressor.compress(bytes, into: &output)
        compressor.finish(into: &output)
        return output
    }

    /// Runs deflate over `input` until it is consumed (`Z_NO_FLUSH`) or the stream is complete (`Z_FINISH`).
    private func run(_ input: UnsafeRawBufferPointer, flush: Int32, into output: inout [UInt8]) {
        if input.isEmpty && flush == Z_NO_FLUSH { return }
        stream.setInput(input)
        let out = scratch.baseAddress?.assumingMemoryBound(to: Bytef.self)
        while true {
            stream.pointee.next_out = out
            stream.pointee.avail_out = uInt(scratch.count)
            let code = deflate(stream, flush)
            let produced = scratch.count - Int(stream.pointee.avail_out)
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[..<produced]))
            // Z_STREAM_ERROR means a corrupted z_stream, which only a bug in this class could cause;
            // Z_BUF_ERROR means no progress was possible, which a full scratch buffer rules out here.
            precondition(code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR, "deflate failed: \(code)")
            if code == Z_STREAM_END || code == Z_BUF_ERROR { break }
            // With room left over, deflate has consumed all input (Z_NO_FLUSH) and there is nothing
            // more to write; Z_FINISH goes on until Z_STREAM_END.
            if flush == Z_NO_FLUSH && stream.pointee.avail_out != 0 { break }
        }
        stream.setInput(UnsafeRawBufferPointer(start: nil, count: 0))
    }
}

@available(*, unavailable, message: "a Compressor's zlib stream is used by one task at a time")
extension Compressor: Sendable {}
