import ArgumentParser
import Foundation
import LienthongCrypto

/// `lienthong bench gzip`: our zlib-based gzip against the system `gzip` on the same JSON corpus.
///
/// The system tool is timed as a whole process, start-up included; the start-up cost is printed
/// separately so the reader can discount it.
struct BenchGzipCommand: ParsableCommand {
    // Synchronous on purpose: the benchmark blocks on child processes, which must not tie up the
    // cooperative thread pool that async commands run on.
    static let configuration = CommandConfiguration(
        commandName: "gzip",
        abstract: "Compare gzip compression and decompression speed with the system gzip."
    )

    @Option(help: "Size of the generated JSON corpus in bytes.")
    var size = 1 << 20

    @Option(help: "Timed runs per measurement (after one warm-up run); best and median are reported.")
    var repetitions = 15

    @Option(help: "Compression level, 1...9, for both implementations.")
    var level = 6

    func validate() throws {
        guard size > 0 else { throw ValidationError("--size must be positive") }
        guard repetitions > 0 else { throw ValidationError("--repetitions must be positive") }
        guard (1...9).contains(level) else { throw ValidationError("--level must be within 1...9") }
    }

    func run() throws {
        let corpus = try BenchCitizenCorpus.make(minimumBytes: size)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lienthong-bench-gzip-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpusFile = directory.appendingPathComponent("corpus.json")
        let oursFile = directory.appendingPathComponent("ours.json.gz")
        let theirsFile = directory.appendingPathComponent("theirs.json.gz")
        let emptyFile = directory.appendingPathComponent("empty")
        try Data(corpus).write(to: corpusFile)
        try Data().write(to: emptyFile)

        // Ours: one long-lived compressor and decompressor, as a gateway connection would hold.
        let compressor = try Compressor(format: .gzip, level: level)
        let limits = DecompressionLimits(maxOutputBytes: corpus.count)
        let decompressor = try Decompressor(format: .gzip, limits: limits)
        var compressed: [UInt8] = []
        var restored: [UInt8] = []
        let ourCompress = BenchTiming.measure(repetitions: repetitions) {
            compressed.removeAll(keepingCapacity: true)
            compressor.compress(corpus, into: &compressed)
            compressor.finish(into: &compressed)
        }
        let ourDecompress = try BenchTiming.measure(repetitions: repetitions) {
            restored.removeAll(keepingCapacity: true)
            try decompressor.decompress(compressed, into: &restored)
            try decompressor.finish()
        }
        guard restored == corpus else { throw BenchFailure("our round trip changed the corpus") }
        try Data(compressed).write(to: oursFile)

        // The system gzip on the same bytes; its decompressor reads our compressed file.
        let gzipCompress = try BenchTiming.measure(repetitions: repetitions) {
            try BenchProcess.run(["gzip", "-\(level)", "-c", corpusFile.path])
        }
        let gzipDecompress = try BenchTiming.measure(repetitions: repetitions) {
            try BenchProcess.run(["gzip", "-d", "-c", oursFile.path])
        }
        let startup = try BenchTiming.measure(repetitions: repetitions) {
            try BenchProcess.run(["gzip", "-c", emptyFile.path])
        }
        try BenchProcess.run(["gzip", "-\(level)", "-c", corpusFile.path], stdoutTo: theirsFile)
        let theirSize = try Data(contentsOf: theirsFile).count
        let theirsRestored = try Decompressor.decompress(try Data(contentsOf: theirsFile), limits: limits)
        guard theirsRestored == corpus else { throw BenchFailure("we could not read the system gzip's output") }

        printReport(
            corpusBytes: corpus.count, ourSize: compressed.count, theirSize: theirSize,
            rows: [("compress -\(level)", ourCompress, gzipCompress), ("decompress", ourDecompress, gzipDecompress)],
            startup: startup
        )
    }

    private func printReport(
        corpusBytes: Int,
        ourSize: Int,
        theirSize: Int,
        rows: [(String, BenchTiming, BenchTiming)],
        startup: BenchTiming
    ) {
        print("gzip benchmark: \(corpusBytes) bytes of citizen-record JSON, \(repetitions) runs each")
        print("throughput in MB/s of uncompressed data (MB = 10^6 bytes), best / median")
        print("")
        print(column("", 14) + column("ours best", 12) + column("ours median", 13)
            + column("gzip best", 12) + column("gzip median", 13) + "ours/gzip (median)")
        for (name, ours, theirs) in rows {
            let oursBest = BenchTiming.megabytesPerSecond(corpusBytes, in: ours.best)
            let oursMedian = BenchTiming.megabytesPerSecond(corpusBytes, in: ours.median)
            let theirsBest = BenchTiming.megabytesPerSecond(corpusBytes, in: theirs.best)
            let theirsMedian = BenchTiming.megabytesPerSecond(corpusBytes, in: theirs.median)
            print(column(name, 14) + column(format(oursBest), 12) + column(format(oursMedian), 13)
                + column(format(theirsBest), 12) + column(format(theirsMedian), 13)
                + format(oursMedian / theirsMedian) + "x")
        }
        print("")
        print("compressed size: ours \(ourSize) bytes (\(format(Double(corpusBytes) / Double(ourSize))):1), "
            + "gzip \(theirSize) bytes (\(format(Double(corpusBytes) / Double(theirSize))):1)")
        print("gzip process start-up (empty input), included in its figures: "
            + "best \(milliseconds(startup.best)) ms, median \(milliseconds(startup.median)) ms")
    }

    private func column(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }

    private func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    private func milliseconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return String(format: "%.2f", seconds * 1000)
    }
}

/// A benchmark whose own sanity check failed, so its figures would mean nothing.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
