import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started with posix_spawn in its own process group, with pipes on its standard
/// streams, reaped by a dedicated thread so that it never lingers as a zombie.
///
/// posix_spawn rather than Foundation's `Process`: the child must start with an empty signal mask
/// and default signal dispositions. Swift's concurrency threads block every signal, and a child
/// inherits the mask of the thread that starts it: it would then never see the SIGTERM that asks
/// it to stop. Dispositions are reset too, so a signal the gateway process ignores (on Darwin,
/// swift-service-lifecycle ignores SIGTERM to catch it through a dispatch source) is not ignored
/// by the plugin.
final class PluginProcess: Sendable {
    let pid: pid_t
    /// Standard output and standard error of the child, to be read by the owner (who closes them).
    let standardOutput: Int32
    let standardError: Int32
    /// The write end of the child's standard input, held open while it runs: a plugin may exit when
    /// its standard input closes, so it does not outlive a gateway that was killed.
    private let standardInput: Mutex<Int32?>
    private let exit = Mutex<ExitState>(ExitState())

    private struct ExitState {
        var status: ProcessExitStatus?
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<ProcessExitStatus?, Never>] = [:]
    }

    private init(pid: pid_t, standardInput: Int32, standardOutput: Int32, standardError: Int32) {
        self.pid = pid
        self.standardInput = Mutex(standardInput)
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// Starts `arguments[0]` (a path, or a name looked up on the gateway's `PATH`) in
    /// `workingDirectory` with exactly `environment`.
    static func spawn(
        arguments: [String], environment: [String: String], workingDirectory: String
    ) throws(PluginProcessError) -> PluginProcess {
        guard let program = arguments.first, !program.isEmpty else { throw PluginProcessError("no program to run") }
        let input = try pipePair()
        let output: (read: Int32, write: Int32)
        do { output = try pipePair() } catch {
            closeAll(input.read, input.write)
            throw error
        }
        let errors: (read: Int32, write: Int32)
        do { errors = try pipePair() } catch {
            closeAll(input.read, input.write, output.read, output.write)
            throw error
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the child's copies; every other descriptor of ours is
        // close-on-exec, so the child holds only its three standard streams.
        posix_spawn_file_actions_adddup2(&actions, input.read, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output.write, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errors.write, STDERR_FILENO)
        let chdirResult = GNULibc.addChdir(&actions, workingDirectory)
        guard chdirResult == 0 else {
            closeAll(input.read, input.write, output.read, output.write, errors.read, errors.write)
            throw PluginProcessError("cannot set the working directory \(workingDirectory): \(String(cString: strerror(chdirResult)))")
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // Its own process group (pgid = pid), so that stopping it also stops what it started.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        var pid = pid_t()
        let result = program.contains("/")
            ? posix_spawn(&pid, program, &actions, &attributes, argv, envp)
            : posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
        closeAll(input.read, output.write, errors.write)
        guard result == 0 else {
            closeAll(input.write, output.read, errors.read)
            throw PluginProcessError("cannot start \(program): \(String(cString: strerror(result)))")
        }
        let child = PluginProcess(pid: pid, standardInput: input.write, standardOutput: output.read, standardError: errors.read)
        child.startReaper()
        return child
    }

    /// The exit status once the child has ended (it is reaped as soon as it ends), or nil when
    /// the waiting task is cancelled first.
    func waitForExit() async -> ProcessExitStatus? {
        let id = exit.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ProcessExitStatus?, Never>) in
                let immediate = exit.withLock { state -> ProcessExitStatus?? in
                    if let status = state.status { return .some(status) }
                    if Task.isCancelled { return .some(nil) }
                    state.waiters[id] = continuation
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            exit.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: nil)
        }
    }

    /// The exit status within `timeout`, or nil when the child is still running.
    func waitForExit(within timeout: Duration) async -> ProcessExitStatus? {
        await withTaskGroup(of: ProcessExitStatus?.self) { group in
            group.addTask { await self.waitForExit() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? exitStatus
        }
    }

    /// The exit status if the child has ended.
    var exitStatus: ProcessExitStatus? { exit.withLock { $0.status } }

    /// Sends `signal` to the child's process group (the child and what it started).
    func signalGroup(_ signal: Int32) {
        // After the child is reaped its pid may be reused; its group lives on only while members
        // remain, and Linux does not hand out a pid still used as a group id.
        _ = kill(-pid, signal)
    }

    /// Stops the child: closes its standard input, sends SIGTERM to its group, and SIGKILL when it
    /// has not exited after `grace`. Returns once the child is reaped; kills any leftover members
    /// of its group.
    @discardableResult
    func terminate(grace: Duration) async -> ProcessExitStatus {
        closeStandardInput()
        if let status = exitStatus {
            signalGroup(SIGKILL)
            return status
        }
        signalGroup(SIGTERM)
        if let exited = await waitForExit(within: grace) {
            signalGroup(SIGKILL)
            return exited
        }
        signalGroup(SIGKILL)
        // SIGKILL cannot be caught or ignored: the child ends and the reaper sees it. Wait without
        // a deadline but let a cancelled caller go (the reaper thread still collects the child).
        let status = await waitForExit() ?? .unknown
        signalGroup(SIGKILL)
        return status
    }

    func closeStandardInput() {
        if let descriptor = standardInput.withLock({ fd -> Int32? in
            defer { fd = nil }
            return fd
        }) {
            close(descriptor)
        }
    }

    /// A thread blocked in waitpid for this child only: children are reaped the moment they end.
    private func startReaper() {
        let pid = self.pid
        let thread = Thread { [self] in
            var status: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &status, 0) } while result == -1 && errno == EINTR
            let exitStatus = result == pid ? ProcessExitStatus(waitStatus: status) : .unknown
            closeStandardInput()
            let waiters = exit.withLock { state in
                state.status = exitStatus
                defer { state.waiters = [:] }
                return state.waiters
            }
            for waiter in waiters.values { waiter.resume(returning: exitStatus) }
        }
        thread.name = "lienthong-reaper-\(pid)"
        thread.start()
    }

    private static func pipePair() throws(PluginProcessError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard GNULibc.closeOnExecPipe(&ends) == 0 else {
            throw PluginProcessError("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        return (ends[0], ends[1])
    }

    private static func closeAll(_ descriptors: Int32...) {
        for descriptor in descriptors { close(descriptor) }
    }
}

/// How a child process ended.
enum ProcessExitStatus: Sendable, Hashable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)
    /// waitpid failed (the child was reaped elsewhere).
    case unknown

    init(waitStatus status: Int32) {
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros: the low 7 bits hold the terminating signal.
        let signal = status & 0x7F
        self = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }

    var description: String {
        switch self {
        case .exited(let code): "exited with status \(code)"
        case .signalled(let signal): "was killed by signal \(signal)\(Self.signalName(signal).map { " (\($0))" } ?? "")"
        case .unknown: "ended with an unknown status"
        }
    }

    private static func signalName(_ signal: Int32) -> String? {
        switch signal {
        case SIGKILL: "SIGKILL"
        case SIGTERM: "SIGTERM"
        case SIGSEGV: "SIGSEGV"
        case SIGABRT: "SIGABRT"
        case SIGINT: "SIGINT"
        case SIGBUS: "SIGBUS"
        case SIGPIPE: "SIGPIPE"
        default: nil
        }
    }
}

/// A process could not be started.
struct PluginProcessError: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
