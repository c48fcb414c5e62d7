import LienthongCrypto
import Testing

@Suite("Decompression limits")
struct CompressionLimitsTests {
    static let mebibyte = 1 << 20

    /// A gzip bomb: 200 MiB of zeros compressed at level 9, streamed so it never exists uncompressed
    /// (about 200 KB). Built once and shared by the tests below.
    static let bomb: [UInt8] = {
        let zeros = [UInt8](repeating: 0, count: mebibyte)
        // Level 9 is always valid; a failure here would fail every test using the bomb.
        guard let compressor = try? Compressor(format: .gzip, level: 9) else { return [] }
        var compressed: [UInt8] = []
        for _ in 0..<200 {
            compressor.compress(zeros, into: &compressed)
        }
        compressor.finish(into: &compressed)
        return compressed
    }()

    @Test("the bomb is small and really expands to 200 MiB")
    func bombIsABomb() throws {
        #expect(Self.bomb.count < 300_000)
        let unlimited = DecompressionLimits(maxOutputBytes: Int.max, maxRatio: Int.max)
        let decompressor = try Decompressor(format: .gzip, limits: unlimited)
        for chunk in CompressionSamples.chunks(Self.bomb, size: 16_384) {
            // Discard the output as it comes: only the count matters here.
            _ = try decompressor.decompress(chunk)
        }
        #expect(decompressor.outputBytesProduced == 200 * Self.mebibyte)
        try decompressor.finish()
    }

    @Test("a bomb stops at the output limit having produced no more than the limit")
    func outputLimit() throws {
        let limit = 16 * Self.mebibyte
        let limits = DecompressionLimits(maxOutputBytes: limit, maxRatio: Int.max)
        let decompressor = try Decompressor(format: .gzip, limits: limits)
        var output: [UInt8] = []
        var refusal: CompressionError?
        for chunk in CompressionSamples.chunks(Self.bomb, size: 65_536) {
            do {
                try decompressor.decompress(chunk, into: &output)
            } catch {
                refusal = error
                break
            }
        }
        #expect(refusal == .outputLimitExceeded(limit: limit))
        #expect(output.count <= limit)
        #expect(output.count > limit - 65_536)  // it stopped because of the limit, not earlier
        #expect(output.allSatisfy { $0 == 0 })
        #expect(decompressor.outputBytesProduced <= limit)
        #expect(decompressor.inputBytesConsumed < Self.bomb.count / 4)
    }

    @Test("the one-shot decompressor refuses the bomb with the default limits")
    func oneShotDefault() {
        #expect {
            try Decompressor.decompress(Self.bomb)
        } throws: { error in
            guard case CompressionError.ratioExceeded(let ratio, let limit) = error else { return false }
            return ratio > 1000 && limit == 1000
        }
    }

    @Test("a bomb stops at the ratio limit, long before its full expansion")
    func ratioLimit() throws {
        let decompressor = try Decompressor(format: .gzip, limits: .default)
        var output: [UInt8] = []
        #expect {
            try decompressor.decompress(Self.bomb, into: &output)
        } throws: { error in
            guard case CompressionError.ratioExceeded(let ratio, let limit) = error else { return false }
            return ratio > 1000 && limit == 1000
        }
        // The ratio is checked after each bounded piece of output (64 KiB at most), so the output can
        // pass 1000 times the input consumed by at most one piece.
        #expect(output.count > 64 << 10)
        #expect(output.count <= 1000 * decompressor.inputBytesConsumed + (64 << 10))
        #expect(output.count < 2 * Self.mebibyte)
    }

    @Test("output of exactly the limit is accepted, one byte more is refused", arguments: CompressionFormat.allCases)
    func exactLimit(format: CompressionFormat) throws {
        let original = CompressionSamples.random(count: 100_000)
        let compressed = try Compressor.compress(original, format: format)
        let exact = DecompressionLimits(maxOutputBytes: original.count)
        #expect(try Decompressor.decompress(compressed, format: format, limits: exact) == original)

        let tight = DecompressionLimits(maxOutputBytes: original.count - 1)
        let decompressor = try Decompressor(format: format, limits: tight)
        var output: [UInt8] = []
        #expect(throws: CompressionError.outputLimitExceeded(limit: original.count - 1)) {
            try decompressor.decompress(compressed, into: &output)
        }
        #expect(output == Array(original.dropLast()))
    }

    @Test("the output limit holds when input arrives one byte at a time")
    func limitByteAtATime() throws {
        let original = CompressionSamples.json(count: 50_000)
        let compressed = try Compressor.compress(original)
        let decompressor = try Decompressor(format: .gzip, limits: DecompressionLimits(maxOutputBytes: 10_000))
        var output: [UInt8] = []
        var refusal: CompressionError?
        for byte in compressed where refusal == nil {
            do { try decompressor.decompress([byte], into: &output) } catch { refusal = error }
        }
        #expect(refusal == .outputLimitExceeded(limit: 10_000))
        #expect(output == Array(original.prefix(10_000)))
    }

    @Test("the limits cover all gzip members together")
    func limitAcrossMembers() throws {
        let part = CompressionSamples.random(count: 40_000)
        let stream = try Compressor.compress(part) + Compressor.compress(part)
        #expect(throws: CompressionError.outputLimitExceeded(limit: 50_000)) {
            try Decompressor.decompress(stream, limits: DecompressionLimits(maxOutputBytes: 50_000))
        }
        #expect(try Decompressor.decompress(stream, limits: DecompressionLimits(maxOutputBytes: 80_000)) == part + part)
    }

    @Test("small repetitive messages under the floor pass a strict ratio, larger ones do not")
    func ratioFloor() throws {
        let strict = DecompressionLimits(maxRatio: 10, ratioFloorBytes: 64 << 10)
        let small = [UInt8](repeating: 0x20, count: 60_000)
        #expect(try Decompressor.decompress(try Compressor.compress(small), limits: strict) == small)

        let large = [UInt8](repeating: 0x20, count: 200_000)
        #expect {
            try Decompressor.decompress(try Compressor.compress(large), limits: strict)
        } throws: { error in
            guard case CompressionError.ratioExceeded(let ratio, let limit) = error else { return false }
            return ratio > 10 && limit == 10
        }
    }

    @Test("limits of ordinary documents are not hit by default")
    func ordinaryDocument() throws {
        let document = CompressionSamples.json(count: 5 * Self.mebibyte)
        #expect(try Decompressor.decompress(try Compressor.compress(document)) == document)
    }

    @Test("nonsensical limit values tighten instead of disabling the limits")
    func clamping() {
        let limits = DecompressionLimits(maxOutputBytes: -5, maxRatio: -1, ratioFloorBytes: -1)
        #expect(limits.maxOutputBytes == 0)
        #expect(limits.maxRatio == 1)
        #expect(limits.ratioFloorBytes == 0)
        #expect(DecompressionLimits.default == DecompressionLimits(
            maxOutputBytes: 64 << 20, maxRatio: 1000, ratioFloorBytes: 64 << 10))
    }

    @Test("a zero output limit refuses any non-empty output but accepts an empty stream")
    func zeroLimit() throws {
        let none = DecompressionLimits(maxOutputBytes: 0)
        let empty: [UInt8] = []
        #expect(try Decompressor.decompress(try Compressor.compress(empty), limits: none) == [])
        #expect(throws: CompressionError.outputLimitExceeded(limit: 0)) {
            try Decompressor.decompress(try Compressor.compress([1]), limits: none)
        }
    }
}
