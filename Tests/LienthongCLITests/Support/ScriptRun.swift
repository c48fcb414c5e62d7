import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a bash script as an operator would, in its own session so that everything it starts in
/// the background (gateways, mocks) can be stopped with it, also when the test fails. The deadline
/// only guards against a hang; it asserts nothing about speed.
enum ScriptRun {
    struct Result {
        let status: Int32
        let output: String
        /// True when the script was still running at the deadline and was killed.
        let timedOut: Bool
    }

    struct SpawnFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `script` with bash in `directory`. `environment` is added to the test's environment.
    ///
    /// posix_spawn rather than Foundation's `Process`: a child inherits the signal mask of the
    /// thread that starts it, and the test's threads block SIGTERM, which would leave the
    /// gateways the script starts deaf to its `kill`. The child gets an empty mask and default
    /// signal dispositions, as from a login shell.
    static func run(
        _ script: String, in directory: URL, environment: [String: String] = [:], deadline: Duration = .seconds(600)
    ) async throws -> Result {
        // On a thread of its own: waiting for the script must not hold one of Swift concurrency's
        // few threads (shared with Dispatch's global queues on Linux) for minutes.
        try await OwnThread.run { try runBlocking(script, in: directory, environment: environment, deadline: deadline) }
    }

    private static func runBlocking(
        _ script: String, in directory: URL, environment: [String: String], deadline: Duration
    ) throws -> Result {
        let scriptFile = directory.appendingPathComponent(".test-script.sh")
        let groupFile = directory.appendingPathComponent(".test-script.pgid")
        let outputFile = directory.appendingPathComponent(".test-script.out")
        // The script's own shell leads the new session: its pid is the process group to stop.
        let prologue = "echo $$ > \(shellQuoted(groupFile.path))\ncd \(shellQuoted(directory.path))\n"
        try (prologue + script).write(to: scriptFile, atomically: true, encoding: .utf8)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let command = ["/usr/bin/setsid", "-w", "bash", scriptFile.path]
        let arguments = command.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { variables.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, arguments, variables)
        guard spawned == 0 else { throw SpawnFailure(description: "cannot run \(command[0]): \(String(cString: strerror(spawned)))") }

        let clock = ContinuousClock()
        let end = clock.now + deadline
        var status: Int32 = 0
        var exited = false
        while !exited, clock.now < end {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result == -1 && errno != EINTR) { exited = true } else { Thread.sleep(forTimeInterval: 0.1) }
        }
        stopGroup(recordedIn: groupFile)
        if !exited {
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }
        // WIFEXITED / WEXITSTATUS are macros: the low 7 bits hold the terminating signal, if any.
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return Result(status: exitStatus, output: text, timedOut: !exited)
    }

    /// SIGTERM to whatever the script left running, SIGKILL to what is still there after 15 s.
    private static func stopGroup(recordedIn file: URL) {
        guard let text = try? String(contentsOf: file, encoding: .utf8),
              let group = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), group > 1
        else { return }
        guard kill(-group, SIGTERM) == 0 else { return }
        for _ in 0..<150 {
            if kill(-group, 0) != 0 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        kill(-group, SIGKILL)
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Runs blocking work (waiting for a process) on a thread of its own.
enum OwnThread {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
