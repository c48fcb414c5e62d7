import LienthongCrypto
import Testing

@Suite("Compression round trips")
struct CompressionRoundTripTests {
    static let sizes = [0, 1, 2, 1000, 65_536, 1 << 20]

    @Test("one-shot round trip of random bytes", arguments: CompressionFormat.allCases, sizes)
    func oneShotRandom(format: CompressionFormat, size: Int) throws {
        let original = CompressionSamples.random(count: size, seed: UInt64(size))
        let compressed = try Compressor.compress(original, format: format)
        let restored = try Decompressor.decompress(compressed, format: format)
        #expect(restored == original)
    }

    @Test("highly compressible input shrinks and round trips", arguments: CompressionFormat.allCases)
    func compressible(format: CompressionFormat) throws {
        let original = CompressionSamples.json(count: 1 << 20)
        let compressed = try Compressor.compress(original, format: format)
        #expect(compressed.count < original.count / 10)
        #expect(try Decompressor.decompress(compressed, format: format) == original)
    }

    @Test("gzip output starts with the gzip magic and deflate method", arguments: [0, 10])
    func gzipHeader(size: Int) throws {
        let compressed = try Compressor.compress(CompressionSamples.random(count: size), format: .gzip)
        #expect(Array(compressed.prefix(3)) == [0x1F, 0x8B, 0x08])
    }

    @Test("every level round trips and level 9 is no larger than level 1", arguments: CompressionFormat.allCases)
    func levels(format: CompressionFormat) throws {
        let original = CompressionSamples.json(count: 200_000)
        var sizes: [Int: Int] = [:]
        for level in 0...9 {
            let compressed = try Compressor.compress(original, format: format, level: level)
            #expect(try Decompressor.decompress(compressed, format: format) == original)
            sizes[level] = compressed.count
        }
        #expect(try #require(sizes[0]) > original.count)  // stored blocks add framing
        #expect(try #require(sizes[9]) <= (try #require(sizes[1])))
    }

    @Test("levels outside 0...9 are refused", arguments: [-1, 10, Int.min])
    func invalidLevel(level: Int) {
        #expect(throws: CompressionError.invalidLevel(level)) {
            try Compressor(format: .gzip, level: level)
        }
    }

    @Test("feeding one byte at a time both ways", arguments: CompressionFormat.allCases)
    func byteAtATime(format: CompressionFormat) throws {
        let original = CompressionSamples.json(count: 20_000) + CompressionSamples.random(count: 3_000)
        let compressor = try Compressor(format: format, level: 6)
        var compressed: [UInt8] = []
        for byte in original {
            compressor.compress(CollectionOfOne(byte), into: &compressed)
        }
        compressor.finish(into: &compressed)
        #expect(compressed == (try Compressor.compress(original, format: format, level: 6)))

        let decompressor = try Decompressor(format: format)
        var restored: [UInt8] = []
        for byte in compressed {
            restored += try decompressor.decompress([byte])
        }
        try decompressor.finish()
        #expect(restored == original)
    }

    @Test("decompressing in chunks of many sizes", arguments: [1, 7, 100, 4096, 65_537, 1 << 20])
    func chunkedDecompression(chunkSize: Int) throws {
        let original = CompressionSamples.json(count: 300_000) + CompressionSamples.random(count: 50_000)
        let compressed = try Compressor.compress(original)
        let decompressor = try Decompressor(format: .gzip)
        var restored: [UInt8] = []
        for chunk in CompressionSamples.chunks(compressed, size: chunkSize) {
            try decompressor.decompress(chunk, into: &restored)
        }
        try decompressor.finish()
        #expect(restored == original)
        #expect(decompressor.inputBytesConsumed == 0)  // finish reset the counters for the next stream
    }

    @Test("a compressor is reused for independent streams after finish")
    func compressorReuse() throws {
        let compressor = try Compressor(format: .gzip, level: 6)
        let first = CompressionSamples.json(count: 50_000)
        let second = CompressionSamples.random(count: 10_000)
        let firstStream = compressor.compress(first) + compressor.finish()
        let secondStream = compressor.compress(second) + compressor.finish()
        #expect(try Decompressor.decompress(firstStream) == first)
        #expect(try Decompressor.decompress(secondStream) == second)
        #expect(secondStream == (try Compressor.compress(second)))
    }

    @Test("reset abandons a partly written stream")
    func compressorReset() throws {
        let compressor = try Compressor(format: .zlib)
        _ = compressor.compress(CompressionSamples.random(count: 100_000))
        compressor.reset()
        let stream = compressor.compress(Array("fresh".utf8)) + compressor.finish()
        #expect(try Decompressor.decompress(stream, format: .zlib) == Array("fresh".utf8))
    }

    @Test("a decompressor is reused for independent streams after finish")
    func decompressorReuse() throws {
        let decompressor = try Decompressor(format: .deflate)
        for seed in UInt64(1)...3 {
            let original = CompressionSamples.random(count: 30_000, seed: seed)
            let compressed = try Compressor.compress(original, format: .deflate)
            #expect(try decompressor.decompress(compressed) == original)
            #expect(decompressor.outputBytesProduced == original.count)
            #expect(decompressor.inputBytesConsumed == compressed.count)
            try decompressor.finish()
        }
    }

    @Test("appending variants keep what the caller's buffer already holds")
    func appendIntoExistingBuffer() throws {
        let original = CompressionSamples.json(count: 10_000)
        var compressed: [UInt8] = [0xAA]
        let compressor = try Compressor(format: .gzip)
        compressor.compress(original, into: &compressed)
        compressor.finish(into: &compressed)
        #expect(compressed.first == 0xAA)

        var restored: [UInt8] = [0xBB]
        let decompressor = try Decompressor(format: .gzip)
        try decompressor.decompress(compressed.dropFirst(), into: &restored)
        try decompressor.finish()
        #expect(restored == [0xBB] + original)
    }

    @Test("raw buffer variants match the collection variants")
    func rawBuffers() throws {
        let original = CompressionSamples.json(count: 40_000)
        let compressor = try Compressor(format: .zlib)
        let compressed = original.withUnsafeBytes { compressor.compress($0) } + compressor.finish()
        #expect(compressed == (try Compressor.compress(original, format: .zlib)))

        let decompressor = try Decompressor(format: .zlib)
        let restored = try compressed.withUnsafeBytes { bytes throws(CompressionError) in
            try decompressor.decompress(bytes)
        }
        try decompressor.finish()
        #expect(restored == original)
    }

    @Test("concatenated gzip members decompress to the concatenation of their contents")
    func multiMember() throws {
        let first = CompressionSamples.json(count: 70_000)
        let second = CompressionSamples.random(count: 5_000)
        let empty: [UInt8] = []
        let stream = try Compressor.compress(first) + Compressor.compress(empty) + Compressor.compress(second)
        #expect(try Decompressor.decompress(stream) == first + second)

        // The member boundaries, magic bytes included, may fall anywhere between chunks.
        let decompressor = try Decompressor(format: .gzip)
        var restored: [UInt8] = []
        for byte in stream {
            try decompressor.decompress([byte], into: &restored)
        }
        try decompressor.finish()
        #expect(restored == first + second)
    }

    @Test("one-shot functions run concurrently from many tasks")
    func concurrentOneShots() async throws {
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for seed in UInt64(0)..<8 {
                group.addTask {
                    let original = CompressionSamples.json(count: 50_000)
                        + CompressionSamples.random(count: 1_000, seed: seed)
                    let compressed = try Compressor.compress(original, format: .gzip)
                    return try Decompressor.decompress(compressed) == original
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
