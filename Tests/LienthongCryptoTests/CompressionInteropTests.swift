import LienthongCrypto
import Testing

/// Checks our streams against Python's zlib bindings, an independent reader and writer of each format.
@Suite("Compression interop with Python")
struct CompressionInteropTests {
    /// Python expressions decompressing `data` in each format.
    static func pythonDecompress(_ format: CompressionFormat) -> String {
        switch format {
        case .gzip: return "result = gzip.decompress(data)"
        case .deflate: return "result = zlib.decompress(data, wbits=-15)"
        case .zlib: return "result = zlib.decompress(data)"
        }
    }

    /// Python statements compressing `data` in each format.
    static func pythonCompress(_ format: CompressionFormat) -> String {
        switch format {
        case .gzip: return "result = gzip.compress(data)"
        case .deflate: return "c = zlib.compressobj(6, zlib.DEFLATED, -15); result = c.compress(data) + c.flush()"
        case .zlib: return "result = zlib.compress(data)"
        }
    }

    static let samples: [(String, [UInt8])] = [
        ("empty", []),
        ("one byte", [0x42]),
        ("json", CompressionSamples.json(count: 300_000)),
        ("random", CompressionSamples.random(count: 1 << 20)),
    ]

    @Test("Python decompresses what we compress", arguments: CompressionFormat.allCases)
    func pythonReadsOurs(format: CompressionFormat) throws {
        for (name, original) in Self.samples {
            let compressed = try Compressor.compress(original, format: format, level: 6)
            let restored = try Python.transform(compressed, script: Python.script(Self.pythonDecompress(format)))
            #expect(restored == original, "sample \(name)")
        }
    }

    @Test("we decompress what Python compresses", arguments: CompressionFormat.allCases)
    func weReadPythons(format: CompressionFormat) throws {
        for (name, original) in Self.samples {
            let compressed = try Python.transform(original, script: Python.script(Self.pythonCompress(format)))
            #expect(try Decompressor.decompress(compressed, format: format) == original, "sample \(name)")
        }
    }

    @Test("we read Python's concatenated gzip members, as `gzip -c a b` writes them")
    func pythonMultiMember() throws {
        let original = CompressionSamples.json(count: 100_000)
        let script = Python.script(
            "half = len(data) // 2; result = gzip.compress(data[:half]) + gzip.compress(data[half:], compresslevel=1)"
        )
        let compressed = try Python.transform(original, script: script)
        #expect(try Decompressor.decompress(compressed) == original)
    }

    @Test("we read what the gzip tool writes for `gzip -c a b`: two members with file names")
    func gzipToolMultiMember() throws {
        let original = CompressionSamples.json(count: 120_000)
        let script = Python.script("""
        import subprocess
        half = len(data) // 2
        open(sys.argv[2] + '.a', 'wb').write(data[:half])
        open(sys.argv[2] + '.b', 'wb').write(data[half:])
        run = subprocess.run(['gzip', '-c', sys.argv[2] + '.a', sys.argv[2] + '.b'], stdout=subprocess.PIPE, check=True)
        result = run.stdout
        """)
        let compressed = try Python.transform(original, script: script)
        #expect(compressed[3] & 0x08 != 0)  // FNAME set: the header carries a file name to skip
        #expect(try Decompressor.decompress(compressed) == original)
    }

    @Test("Python reads a stream we wrote in small streaming pieces", arguments: CompressionFormat.allCases)
    func pythonReadsStreamed(format: CompressionFormat) throws {
        let original = CompressionSamples.json(count: 200_000)
        let compressor = try Compressor(format: format, level: 9)
        var compressed: [UInt8] = []
        for chunk in CompressionSamples.chunks(original, size: 1_000) {
            compressor.compress(chunk, into: &compressed)
        }
        compressor.finish(into: &compressed)
        let restored = try Python.transform(compressed, script: Python.script(Self.pythonDecompress(format)))
        #expect(restored == original)
    }
}
