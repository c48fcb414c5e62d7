import Foundation
import LienthongCrypto

/// Deterministic test inputs, so a failure reproduces byte for byte.
enum CompressionSamples {
    /// Incompressible bytes from a SplitMix64 generator seeded with `seed`.
    static func random(count: Int, seed: UInt64 = 0x5EED) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            withUnsafeBytes(of: z.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }

    /// Repetitive JSON-like text of `count` bytes, the shape of the gateway's payloads.
    static func json(count: Int) -> [UInt8] {
        var text = "["
        var index = 0
        while text.utf8.count < count {
            text += #"{"SoDinhDanh":"0010\#(90_000_000 + index * 7919 % 9_000_000)","HoVaTen":"Nguyễn Văn An","#
            text += #""GioiTinh":\#(index % 2 + 1),"NoiThuongTru":"Phường \#(index % 30), Hà Nội"},"#
            index += 1
        }
        return Array(text.utf8.prefix(count))
    }

    /// Splits `bytes` into chunks of `size` bytes (the last one shorter).
    static func chunks(_ bytes: [UInt8], size: Int) -> [ArraySlice<UInt8>] {
        stride(from: 0, to: bytes.count, by: size).map { bytes[$0..<min($0 + size, bytes.count)] }
    }
}

/// Runs small Python scripts to check interoperability with an independent implementation.
enum Python {
    struct Failure: Error, CustomStringConvertible {
        let status: Int32
        let stderr: String
        var description: String { "python3 exited with \(status): \(stderr)" }
    }

    /// Runs `script` with `sys.argv[1]` a file holding `input` and `sys.argv[2]` a file the script
    /// writes its result to; returns that result.
    static func transform(_ input: [UInt8], script: String) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lienthong-compression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("input")
        let outputURL = directory.appendingPathComponent("output")
        try Data(input).write(to: inputURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, inputURL.path, outputURL.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // Drain stderr before waiting so a chatty failure cannot fill the pipe and block the child.
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(status: process.terminationStatus, stderr: String(decoding: stderr, as: UTF8.self))
        }
        return Array(try Data(contentsOf: outputURL))
    }

    /// Python code that reads the input file into `data`; append code that writes `result`.
    static func script(_ body: String) -> String {
        """
        import sys, gzip, zlib
        data = open(sys.argv[1], 'rb').read()
        \(body)
        open(sys.argv[2], 'wb').write(result)
        """
    }
}
