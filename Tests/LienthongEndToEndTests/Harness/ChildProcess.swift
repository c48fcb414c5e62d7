import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// One child process of an end-to-end test: launched (and relaunched) with the same arguments,
/// its output kept in memory and appended to a log file, and stopped for sure: SIGTERM, then
/// SIGKILL after a grace period.
final class ChildProcess: Sendable {
    /// A short name for messages ("province", "mock land").
    let name: String
    let executable: URL
    let arguments: [String]
    /// Every run's output is appended here, so a restarted process keeps its history.
    let logFile: URL

    private struct Run {
        var process: Process?
        var stdout = ""
        var stderr = ""
        var runs = 0
        /// Whether the ended run's pipes were drained and its pid forgotten.
        var finished = false
    }

    private let state = Mutex(Run())
    /// Serialises writes to the log: standard output and error arrive on different threads.
    private let logLock = Mutex(())

    init(name: String, executable: URL = LienthongBinary.executable, arguments: [String], logFile: URL) {
        self.name = name
        self.executable = executable
        self.arguments = arguments
        self.logFile = logFile
    }

    /// Launches the process; refuses while a previous run is still alive.
    func launch() throws {
        // A previous run that ended on its own still has its pipes to drain.
        _ = finish()
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let run = try state.withLock { state -> Int in
            if let running = state.process, running.isRunning {
                throw HarnessError("\(name) is already running (pid \(running.processIdentifier))")
            }
            state.process = process
            state.stdout = ""
            state.stderr = ""
            state.finished = false
            state.runs += 1
            return state.runs
        }
        appendToLog("=== \(name) run \(run): \(executable.lastPathComponent) \(arguments.joined(separator: " "))\n")
        for (pipe, isError) in [(out, false), (err, true)] {
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                // End of file: stop watching, or the handler is called again and again.
                if data.isEmpty { handle.readabilityHandler = nil }
                self?.received(data, standardError: isError)
            }
        }
        try process.run()
        LiveProcesses.add(process.processIdentifier)
    }

    var isRunning: Bool { state.withLock { $0.process?.isRunning ?? false } }

    /// The exit status of the last run, once it ended.
    var exitStatus: Int32? {
        state.withLock { state in
            guard let process = state.process, !process.isRunning else { return nil }
            return process.terminationStatus
        }
    }

    /// Standard output and standard error of the current (or last) run.
    var standardOutput: String { state.withLock { $0.stdout } }
    var standardError: String { state.withLock { $0.stderr } }

    /// The last `lines` lines of every run's output, for failure messages.
    func logTail(lines: Int = 40) -> String {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? "(no log at \(logFile.path))"
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// The first standard output line of the current run satisfying `matches`; fails when the
    /// process ends first or `timeout` passes.
    func waitForOutputLine(timeout: Duration = .seconds(120), where matches: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let stdout = standardOutput
            if let line = stdout.split(separator: "\n").map(String.init).first(where: matches) { return line }
            if !isRunning {
                throw HarnessError("\(name) ended (status \(exitStatus.map(String.init) ?? "?")) before it was ready:\n\(logTail())")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("\(name) printed no ready line within \(timeout):\n\(logTail())")
    }

    /// SIGTERM, then SIGKILL when the process has not ended after `grace`. Returns the exit
    /// status (a signal's number for a killed process), nil when it was not running.
    @discardableResult
    func stop(grace: Duration = .seconds(20)) async -> Int32? {
        guard let pid = currentPID() else { return finish() ?? exitStatus }
        Glibc.kill(pid, SIGTERM)
        if await waitForExit(timeout: grace) { return finish() }
        appendToLog("=== \(name) did not stop within \(grace) of SIGTERM: SIGKILL\n")
        return await kill()
    }

    /// SIGKILL at once, as a crash would end it, and wait for the end.
    @discardableResult
    func kill() async -> Int32? {
        guard let pid = currentPID() else { return finish() ?? exitStatus }
        Glibc.kill(pid, SIGKILL)
        // A killed process always ends; the bound only keeps a kernel oddity from hanging a test.
        _ = await waitForExit(timeout: .seconds(60))
        return finish()
    }

    private func currentPID() -> pid_t? {
        state.withLock { state in
            guard let process = state.process, process.isRunning else { return nil }
            return process.processIdentifier
        }
    }

    /// Polls for the end. Not cancellable: a cancelled test must still stop what it started.
    private func waitForExit(timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !isRunning { return true }
            await Self.pause(milliseconds: 50)
        }
        return !isRunning
    }

    /// A sleep that cancellation does not cut short (`Task.sleep` would return at once).
    private static func pause(milliseconds: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { continuation.resume() }
        }
    }

    /// After the end: stops reading, drains what is left in the pipes, forgets the pid. Once per
    /// run; nil when there is no ended run left to finish.
    private func finish() -> Int32? {
        let ended = state.withLock { state -> (Process, FileHandle?, FileHandle?)? in
            guard let process = state.process, !process.isRunning, !state.finished else { return nil }
            state.finished = true
            return (
                process, (process.standardOutput as? Pipe)?.fileHandleForReading,
                (process.standardError as? Pipe)?.fileHandleForReading
            )
        }
        guard let (process, out, err) = ended else { return nil }
        out?.readabilityHandler = nil
        err?.readabilityHandler = nil
        // The writers are gone with the process, so these reads end.
        if let rest = out?.readDataToEndOfFile(), !rest.isEmpty { received(rest, standardError: false) }
        if let rest = err?.readDataToEndOfFile(), !rest.isEmpty { received(rest, standardError: true) }
        LiveProcesses.remove(process.processIdentifier)
        let status = process.terminationStatus
        appendToLog("=== \(name) ended: \(process.terminationReason == .uncaughtSignal ? "signal" : "status") \(status)\n")
        return status
    }

    private func received(_ data: Data, standardError: Bool) {
        guard !data.isEmpty else { return }
        let text = String(decoding: data, as: UTF8.self)
        state.withLock { state in
            if standardError { state.stderr += text } else { state.stdout += text }
        }
        appendToLog(text)
    }

    private func appendToLog(_ text: String) {
        logLock.withLock { _ in
            if !FileManager.default.fileExists(atPath: logFile.path) {
                _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
            }
            guard let handle = try? FileHandle(forWritingTo: logFile) else { return }
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: Data(text.utf8))
        }
    }
}

/// The pids of the children still running, killed when the test runner exits normally before
/// the tests stopped them (a test that never reached its cleanup): no orphan outlives the run.
enum LiveProcesses {
    private static let pids = Mutex<Set<pid_t>>([])
    private static let installed = Mutex(false)

    static func add(_ pid: pid_t) {
        pids.withLock { _ = $0.insert(pid) }
        let install = installed.withLock { installed -> Bool in
            defer { installed = true }
            return !installed
        }
        if install { atexit { LiveProcesses.killAll() } }
    }

    static func remove(_ pid: pid_t) { pids.withLock { _ = $0.remove(pid) } }

    static func killAll() {
        for pid in pids.withLock({ $0 }) { Glibc.kill(pid, SIGKILL) }
    }
}

/// A harness failure with what the processes said.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
