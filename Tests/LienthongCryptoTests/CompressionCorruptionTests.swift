import LienthongCrypto
import Testing

@Suite("Decompressing damaged input")
struct CompressionCorruptionTests {
    static let original = CompressionSamples.json(count: 5_000)

    @Test("every strict prefix of a stream is refused as truncated", arguments: CompressionFormat.allCases)
    func truncated(format: CompressionFormat) throws {
        let compressed = try Compressor.compress(Self.original, format: format)
        for length in 0..<compressed.count {
            #expect(throws: CompressionError.truncated(format: format), "prefix of \(length) bytes") {
                try Decompressor.decompress(compressed.prefix(length), format: format)
            }
        }
    }

    @Test("the truncation error says which stream ended early")
    func truncatedDescription() {
        #expect(CompressionError.truncated(format: .gzip).description == "gzip stream ended before its end marker")
    }

    @Test("a damaged CRC-32 is reported with zlib's reason")
    func badCRC() throws {
        var compressed = try Compressor.compress(Self.original, format: .gzip)
        compressed[compressed.count - 8] ^= 0x01  // first byte of the CRC-32 trailer
        #expect(throws: CompressionError.corrupt("incorrect data check")) {
            try Decompressor.decompress(compressed)
        }
    }

    @Test("a damaged ISIZE is reported with zlib's reason")
    func badLength() throws {
        var compressed = try Compressor.compress(Self.original, format: .gzip)
        compressed[compressed.count - 1] ^= 0x01  // last byte of the input-size trailer
        #expect(throws: CompressionError.corrupt("incorrect length check")) {
            try Decompressor.decompress(compressed)
        }
    }

    @Test("a damaged Adler-32 in a zlib stream is reported")
    func badAdler() throws {
        var compressed = try Compressor.compress(Self.original, format: .zlib)
        compressed[compressed.count - 1] ^= 0x80
        #expect(throws: CompressionError.corrupt("incorrect data check")) {
            try Decompressor.decompress(compressed, format: .zlib)
        }
    }

    @Test("a bad gzip header is reported")
    func badHeader() throws {
        var compressed = try Compressor.compress(Self.original, format: .gzip)
        compressed[1] = 0x8C
        #expect(throws: CompressionError.corrupt("incorrect header check")) {
            try Decompressor.decompress(compressed)
        }
    }

    @Test("a zlib stream is not accepted as gzip")
    func wrongFormat() throws {
        let compressed = try Compressor.compress(Self.original, format: .zlib)
        #expect(throws: CompressionError.corrupt("incorrect header check")) {
            try Decompressor.decompress(compressed, format: .gzip)
        }
    }

    @Test("a back-reference before the start of the data is reported")
    func invalidDistance() {
        // A fixed-Huffman block whose first symbol copies from one byte back, before any output exists.
        let rawDeflate: [UInt8] = [0x02, 0x01]
        #expect(throws: CompressionError.corrupt("invalid distance too far back")) {
            try Decompressor.decompress(rawDeflate, format: .deflate)
        }
        let gzipHeader: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]
        #expect(throws: CompressionError.corrupt("invalid distance too far back")) {
            try Decompressor.decompress(gzipHeader + rawDeflate, format: .gzip)
        }
    }

    @Test("garbage input is refused without crashing", arguments: CompressionFormat.allCases)
    func garbage(format: CompressionFormat) {
        for seed in UInt64(0)..<50 {
            let garbage = CompressionSamples.random(count: 1 + Int(seed) * 37, seed: seed)
            #expect(throws: CompressionError.self, "seed \(seed)") {
                try Decompressor.decompress(garbage, format: format)
            }
        }
        #expect(throws: CompressionError.self) {
            try Decompressor.decompress(Array("{\"not\": \"compressed\"}".utf8), format: format)
        }
    }

    @Test("bytes after the end of the stream are refused", arguments: CompressionFormat.allCases)
    func trailingData(format: CompressionFormat) throws {
        let compressed = try Compressor.compress(Self.original, format: format)
        #expect(throws: CompressionError.trailingData(offset: compressed.count)) {
            try Decompressor.decompress(compressed + Array("junk".utf8), format: format)
        }
        // A single stray zero byte, fed on its own after the stream.
        let decompressor = try Decompressor(format: format)
        _ = try decompressor.decompress(compressed)
        #expect(throws: CompressionError.trailingData(offset: compressed.count)) {
            try decompressor.decompress([0x00])
        }
    }

    @Test("a lone gzip magic byte followed by garbage, split across chunks, is trailing data")
    func trailingHalfMagic() throws {
        let compressed = try Compressor.compress(Self.original, format: .gzip)
        let decompressor = try Decompressor(format: .gzip)
        _ = try decompressor.decompress(compressed + [0x1F])
        #expect(throws: CompressionError.trailingData(offset: compressed.count)) {
            try decompressor.decompress([0x00])
        }
    }

    @Test("a stream ending in half of a second member's magic is truncated")
    func truncatedSecondMember() throws {
        let compressed = try Compressor.compress(Self.original, format: .gzip)
        #expect(throws: CompressionError.truncated(format: .gzip)) {
            try Decompressor.decompress(compressed + [0x1F])
        }
    }

    @Test("after an error every call repeats it until finish starts a new stream")
    func errorsAreSticky() throws {
        let good = try Compressor.compress(Self.original)
        var bad = good
        bad[bad.count - 8] ^= 0xFF
        let decompressor = try Decompressor(format: .gzip)
        let expected = CompressionError.corrupt("incorrect data check")
        #expect(throws: expected) { try decompressor.decompress(bad) }
        #expect(throws: expected) { try decompressor.decompress(good) }
        #expect(throws: expected) { try decompressor.finish() }
        #expect(try decompressor.decompress(good) == Self.original)
        try decompressor.finish()
    }

    @Test("each error reads as a sentence an operator understands")
    func descriptions() {
        let cases: [(CompressionError, String)] = [
            (.invalidLevel(12), "compression level 12 is outside 0...9"),
            (.outputLimitExceeded(limit: 1024), "decompressed output exceeds the limit of 1024 bytes"),
            (.ratioExceeded(ratio: 1030, limit: 1000), "decompression ratio 1030:1 exceeds the limit of 1000:1"),
            (.corrupt("incorrect data check"), "corrupt compressed stream: incorrect data check"),
            (.truncated(format: .deflate), "deflate stream ended before its end marker"),
            (.trailingData(offset: 42), "unexpected data after the end of the compressed stream at byte 42"),
            (.zlibFailure(operation: "inflateInit2", code: -4), "zlib inflateInit2 failed with code -4"),
        ]
        for (error, text) in cases {
            #expect(error.description == text)
        }
    }
}
