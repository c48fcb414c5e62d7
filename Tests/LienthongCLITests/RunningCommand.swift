import Foundation
import Glibc
import Synchronization

/// A long-running `lienthong` command whose standard output and error are collected as they come.
final class RunningCommand: Sendable {
    private let process: Process
    private let output = Mutex<(stdout: String, stderr: String)>(("", ""))

    private init(process: Process) { self.process = process }

    static func launch(_ arguments: [String], environment: [String: String] = [:]) throws -> RunningCommand {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let command = RunningCommand(process: process)
        out.fileHandleForReading.readabilityHandler = { handle in
            let chunk = String(decoding: handle.availableData, as: UTF8.self)
            command.output.withLock { $0.stdout += chunk }
        }
        err.fileHandleForReading.readabilityHandler = { handle in
            let chunk = String(decoding: handle.availableData, as: UTF8.self)
            command.output.withLock { $0.stderr += chunk }
        }
        try process.run()
        return command
    }

    var standardOutput: String { output.withLock { $0.stdout } }
    var errorOutput: String { output.withLock { $0.stderr } }
    var isRunning: Bool { process.isRunning }

    func signal(_ number: Int32) { _ = Glibc.kill(process.processIdentifier, number) }

    /// The number right after the first occurrence of `marker` in standard error, waiting for it
    /// (bounded, so a hang fails); nil when the process ended or the marker never came.
    func waitForLog(after marker: String) async throws -> Int32? {
        guard try await waitForLog(containing: marker), let range = errorOutput.range(of: marker) else { return nil }
        return Int32(errorOutput[range.upperBound...].prefix { $0.isNumber })
    }

    /// Whether standard error comes to contain `text` (bounded wait); false when the process ended first.
    func waitForLog(containing text: String) async throws -> Bool {
        for _ in 0..<600 {
            if errorOutput.contains(text) { return true }
            if !process.isRunning { return errorOutput.contains(text) }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// Sends SIGTERM and waits (bounded) for the exit status.
    func terminate() async throws -> Int32? {
        process.terminate()
        for _ in 0..<600 {
            if !process.isRunning { return process.terminationStatus }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    /// Makes sure nothing outlives the test.
    func kill() {
        if process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
