import Foundation

/// Runs an external tool with its standard output sent to a file (or discarded).
enum BenchProcess {
    struct Failure: Error, CustomStringConvertible {
        let command: [String]
        let status: Int32
        var description: String { "`\(command.joined(separator: " "))` exited with status \(status)" }
    }

    /// Runs `command` (looked up on `PATH`) and waits for it; stdout goes to `output`, or nowhere.
    static func run(_ command: [String], stdoutTo output: URL? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let sink: FileHandle
        if let output {
            // FileHandle(forWritingTo:) needs an existing file; creating it also truncates an old one.
            guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: output.path])
            }
            sink = try FileHandle(forWritingTo: output)
        } else {
            sink = FileHandle.nullDevice
        }
        defer { if output != nil { try? sink.close() } }
        process.standardOutput = sink
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw Failure(command: command, status: process.terminationStatus)
        }
    }
}
