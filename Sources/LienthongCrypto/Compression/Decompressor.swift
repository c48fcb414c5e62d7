import CZlib

/// A streaming inflater for gzip, raw deflate or zlib streams that refuses decompression bombs.
///
/// Feed chunks as they arrive with `decompress(_:)` and call ``finish()`` at the
/// end of the input: it refuses a stream that stopped before its end marker, then resets the
/// decompressor for the next stream. zlib's state is allocated once and reused through `inflateReset`.
///
/// Output is produced in bounded pieces (at most 64 KiB at a time) and checked against
/// ``DecompressionLimits`` as it is produced, so a small input that would expand to gigabytes is
/// refused after producing no more than ``DecompressionLimits/maxOutputBytes``; the whole expansion is
/// never allocated.
///
/// gzip input may hold several concatenated members, as `gzip -c a b > ab.gz` or appending to a `.gz`
/// file produces (RFC 1952 §2.2); their contents are concatenated, and the limits apply to the total.
/// Anything else after the end of the stream is ``CompressionError/trailingData(offset:)``.
///
/// After an error every call throws the same error until ``finish()`` or ``reset()`` starts a new stream.
///
/// A decompressor is **not** `Sendable`: its zlib stream is mutable state that one task uses at a time.
/// The one-shot ``decompress(_:format:limits:)`` creates its own and is safe to call concurrently.
public final class Decompressor {
    /// The container this decompressor reads.
    public let format: CompressionFormat
    /// The bounds enforced on each stream.
    public let limits: DecompressionLimits
    /// Compressed bytes consumed so far in the current stream.
    public private(set) var inputBytesConsumed = 0
    /// Decompressed bytes produced so far in the current stream; never more than the output limit.
    public private(set) var outputBytesProduced = 0

    private enum Phase {
        /// Inside a stream (or gzip member) whose end marker has not been seen yet.
        case inMember
        /// gzip only: a member ended; more input must start with the gzip magic bytes 1f 8b.
        case betweenMembers(magicMatched: Int)
        /// deflate or zlib: the stream ended; no more input is allowed.
        case ended
        case failed(CompressionError)
    }

    private static let gzipMagic: [UInt8] = [0x1F, 0x8B]

    // zlib keeps a pointer back to the z_stream, so it must live at a stable heap address.
    private let stream: UnsafeMutablePointer<z_stream>
    private let scratch: UnsafeMutableRawBufferPointer
    private var phase = Phase.inMember

    /// Creates a decompressor.
    ///
    /// - Parameters:
    ///   - format: the container to read; gzip by default. gzip mode accepts only gzip, not zlib.
    ///   - limits: bounds on the output of each stream.
    /// - Throws: ``CompressionError/zlibFailure(operation:code:)`` if zlib cannot allocate its state.
    public init(format: CompressionFormat = .gzip, limits: DecompressionLimits = .default) throws(CompressionError) {
        self.format = format
        self.limits = limits
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = lt_inflateInit2(stream, format.windowBits)
        guard code == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw CompressionError.zlibFailure(operation: "inflateInit2", code: code)
        }
        self.stream = stream
        self.scratch = .allocate(byteCount: zlibScratchBytes, alignment: 1)
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        scratch.deallocate()
    }

    /// Decompresses the next chunk of compressed input and returns the bytes it yields (possibly none).
    ///
    /// - Throws: ``CompressionError`` when the stream is corrupt, exceeds a limit or has trailing data.
    public func decompress(_ chunk: some Collection<UInt8>) throws(CompressionError) -> [UInt8] {
        var output: [UInt8] = []
        try decompress(chunk, into: &output)
        return output
    }

    /// Decompresses the next chunk of compressed input and returns the bytes it yields (possibly none).
    ///
    /// - Throws: ``CompressionError`` when the stream is corrupt, exceeds a limit or has trailing data.
    public func decompress(_ chunk: UnsafeRawBufferPointer) throws(CompressionError) -> [UInt8] {
        var output: [UInt8] = []
        try decompress(chunk, into: &output)
        return output
    }

    /// Decompresses the next chunk of compressed input, appending the bytes it yields to `output`.
    ///
    /// When this throws, `output` keeps the bytes appended before the error: a valid prefix of the
    /// decompressed data, never taking the stream's total beyond ``DecompressionLimits/maxOutputBytes``.
    public func decompress(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) throws(CompressionError) {
        try chunk.withContiguousRawBytes { (bytes) throws(CompressionError) in
            try decompress(bytes, into: &output)
        }
    }

    /// Decompresses the next chunk of compressed input, appending the bytes it yields to `output`.
    ///
    /// When this throws, `output` keeps the bytes appended before the error: a valid prefix of the
    /// decompressed data, never taking the stream's total beyond ``DecompressionLimits/maxOutputBytes``.
    public func decompress(_ chunk: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(CompressionError) {
        if case .failed(let error) = phase { throw error }
        do {
            try process(chunk, into: &output)
        } catch {
            phase = .failed(error)
            throw error
        }
    }

    /// Declares the end of the compressed input and resets the decompressor for a new stream.
    ///
    /// - Throws: ``CompressionError/truncated(format:)`` if the stream (or its last gzip member) did not
    ///   reach its end marker, including when no input was given at all; the stream's earlier error if
    ///   it had failed.
    public func finish() throws(CompressionError) {
        defer { reset() }
        switch phase {
        case .failed(let error):
            throw error
        case .ended, .betweenMembers(magicMatched: 0):
            return
        case .inMember, .betweenMembers:
            throw CompressionError.truncated(format: format)
        }
    }

    /// Abandons the current stream, if any, so the next chunk starts a new one.
    public func reset() {
        // inflateReset only fails on a stream that was never initialized, which init rules out.
        inflateReset(stream)
        phase = .inMember
        inputBytesConsumed = 0
        outputBytesProduced = 0
    }

    /// Decompresses a complete stream.
    ///
    /// - Throws: ``CompressionError`` when the stream is corrupt, truncated, exceeds a limit or has
    ///   trailing data.
    public static func decompress(
        _ bytes: some Collection<UInt8>,
        format: CompressionFormat = .gzip,
        limits: DecompressionLimits = .default
    ) throws(CompressionError) -> [UInt8] {
        let decompressor = try Decompressor(format: format, limits: limits)
        var output: [UInt8] = []
        // A guess at typical JSON ratios; bounded by the limit so a bomb cannot make us reserve much.
        output.reserveCapacity(min(bytes.count.multipliedReportingOverflow(by: 4).partialValue,
                                   max(0, limits.maxOutputBytes)))
        try decompressor.decompress(bytes, into: &output)
        try decompressor.finish()
        return output
    }

    // MARK: - Inflating

    private func process(_ chunk: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(CompressionError) {
        var remaining = chunk[...]
        while !remaining.isEmpty {
            switch phase {
            case .failed(let error):
                throw error
            case .ended:
                throw CompressionError.trailingData(offset: inputBytesConsumed)
            case .betweenMembers(let matched):
                try checkNextMember(startingWith: remaining, magicMatched: matched)
            case .inMember:
                break
            }
            let slice = UnsafeRawBufferPointer(rebasing: remaining.prefix(zlibMaxSliceBytes))
            let consumed = try inflateAvailable(slice, into: &output)
            // inflate always consumes input while it has output room; a stall would loop forever.
            guard consumed > 0 else {
                throw CompressionError.zlibFailure(operation: "inflate made no progress", code: Z_BUF_ERROR)
            }
            remaining = remaining.dropFirst(consumed)
        }
    }

    /// Tells a further gzip member from trailing garbage by its magic bytes, which may arrive split
    /// across chunks. zlib still consumes the magic bytes itself; they are only inspected here.
    private func checkNextMember(
        startingWith input: Slice<UnsafeRawBufferPointer>,
        magicMatched matched: Int
    ) throws(CompressionError) {
        let expected = Self.gzipMagic[matched...]
        let available = input.prefix(expected.count)
        guard available.elementsEqual(expected.prefix(available.count)) else {
            // The garbage starts at the first magic byte seen, which zlib has already consumed.
            throw CompressionError.trailingData(offset: inputBytesConsumed - matched)
        }
        if matched == 0 {
            let code = inflateReset(stream)
            guard code == Z_OK else { throw CompressionError.zlibFailure(operation: "inflateReset", code: code) }
        }
        let nowMatched = matched + available.count
        phase = nowMatched == Self.gzipMagic.count ? .inMember : .betweenMembers(magicMatched: nowMatched)
    }

    /// Inflates `input` until it is consumed, the member ends or an error occurs; returns the number of
    /// input bytes consumed.
    private func inflateAvailable(
        _ input: UnsafeRawBufferPointer,
        into output: inout [UInt8]
    ) throws(CompressionError) -> Int {
        stream.setInput(input)
        defer { stream.setInput(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let out = scratch.baseAddress?.assumingMemoryBound(to: Bytef.self)
        while true {
            let room = outputRoom()
            let availableBefore = Int(stream.pointee.avail_in)
            stream.pointee.next_out = out
            stream.pointee.avail_out = uInt(room)
            let code = inflate(stream, Z_NO_FLUSH)
            inputBytesConsumed += availableBefore - Int(stream.pointee.avail_in)
            try emit(produced: room - Int(stream.pointee.avail_out), into: &output)
            let consumed = input.count - Int(stream.pointee.avail_in)
            switch code {
            case Z_OK:
                // Input used up and output room left over: zlib needs the next chunk.
                if stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 { return consumed }
            case Z_STREAM_END:
                phase = format == .gzip ? .betweenMembers(magicMatched: 0) : .ended
                return consumed
            case Z_BUF_ERROR:
                // No progress possible without more input (output room is always at least one byte).
                return consumed
            case Z_NEED_DICT:
                throw CompressionError.corrupt("stream requires a preset dictionary")
            case Z_DATA_ERROR:
                throw CompressionError.corrupt(stream.errorMessage(code: code))
            default:
                throw CompressionError.zlibFailure(operation: "inflate", code: code)
            }
        }
    }

    /// How many bytes the next inflate call may write: one more than the output limit allows, so that
    /// reaching the limit exactly is accepted and going past it is detected without producing more.
    private func outputRoom() -> Int {
        let allowance = max(0, limits.maxOutputBytes) - outputBytesProduced
        return allowance >= scratch.count ? scratch.count : allowance + 1
    }

    /// Appends `produced` bytes from the scratch buffer, enforcing the output and ratio limits.
    private func emit(produced: Int, into output: inout [UInt8]) throws(CompressionError) {
        let maxOutput = max(0, limits.maxOutputBytes)
        let accepted = min(produced, maxOutput - outputBytesProduced)
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[..<accepted]))
        outputBytesProduced += accepted
        guard accepted == produced else {
            throw CompressionError.outputLimitExceeded(limit: maxOutput)
        }
        guard outputBytesProduced > limits.ratioFloorBytes else { return }
        let maxRatio = max(1, limits.maxRatio)
        let (allowed, overflow) = maxRatio.multipliedReportingOverflow(by: inputBytesConsumed)
        if !overflow && outputBytesProduced > allowed {
            // Rounded up, so the reported ratio is always above the limit it broke.
            let consumed = max(1, inputBytesConsumed)
            let ratio = (outputBytesProduced + consumed - 1) / consumed
            throw CompressionError.ratioExceeded(ratio: ratio, limit: maxRatio)
        }
    }
}

@available(*, unavailable, message: "a Decompressor's zlib stream is used by one task at a time")
extension Decompressor: Sendable {}
