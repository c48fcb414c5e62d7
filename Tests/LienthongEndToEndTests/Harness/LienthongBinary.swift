import Foundation
import Synchronization

/// The built `lienthong` executable, and one-shot runs of it (keys, audit) as a user would type.
enum LienthongBinary {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable SwiftPM built next to the test bundle (the test target depends on it).
    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("lienthong")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/lienthong")
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `lienthong arguments…` to its end and returns what it printed.
    @discardableResult
    static func run(_ arguments: [String]) throws -> Result {
        try run(executable, arguments)
    }

    /// Runs any program to its end (sqlite3 for tampering); both pipes are read while it runs
    /// so a large output cannot block it.
    static func run(_ program: URL, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isError) in [(out, false), (err, true)] {
            group.enter()
            DispatchQueue.global().async {
                collected.set(pipe.fileHandleForReading.readDataToEndOfFile(), isError: isError)
                group.leave()
            }
        }
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, stdout: collected.text(isError: false), stderr: collected.text(isError: true))
    }

    /// `lienthong arguments…`, failing with its standard error unless it exits 0.
    @discardableResult
    static func succeed(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw HarnessError("lienthong \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// A fresh temporary directory for one environment.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-e2e-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Output of the two pipes, gathered on two threads.
private final class Collected: Sendable {
    private let data = Mutex<(out: Data, err: Data)>((Data(), Data()))
    func set(_ bytes: Data, isError: Bool) { data.withLock { if isError { $0.err = bytes } else { $0.out = bytes } } }
    func text(isError: Bool) -> String { String(decoding: data.withLock { isError ? $0.err : $0.out }, as: UTF8.self) }
}
