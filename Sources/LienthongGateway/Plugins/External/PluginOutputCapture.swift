import Logging
import Synchronization

/// Routes a plugin's standard output and standard error: the first line of standard output is the
/// handshake; every later line, and every line of standard error, goes to the gateway's log with
/// the plugin's id. The last lines of standard error are kept for start-up error messages (a
/// Python traceback says more than "exited with status 1").
final class PluginOutputCapture: Sendable {
    private let plugin: String
    private let logger: Logger
    private let firstLine: AsyncStream<String>.Continuation
    /// The handshake line, or the end of the stream when standard output closed without one.
    let handshakeLines: AsyncStream<String>
    private let errorStreamEnd: (stream: AsyncStream<Never>, continuation: AsyncStream<Never>.Continuation)
    private let state = Mutex(State())
    static let keptErrorLines = 20

    private struct State {
        var handshakeSeen = false
        var recentErrors: [String] = []
    }

    init(plugin: String, pid: Int32, logger: Logger) {
        self.plugin = plugin
        var logger = logger
        logger[metadataKey: "plugin"] = "\(plugin)"
        logger[metadataKey: "plugin-pid"] = "\(pid)"
        self.logger = logger
        (handshakeLines, firstLine) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingOldest(1))
        errorStreamEnd = AsyncStream.makeStream(of: Never.self)
    }

    /// Starts the reader threads on the child's standard output and standard error.
    func start(standardOutput: Int32, standardError: Int32, pid: Int32) {
        PipeLineReader.start(
            descriptor: standardOutput, name: "lienthong-plugin-\(pid)-out", onLine: { [self] line in standardOutputLine(line) },
            onEnd: { [firstLine] in firstLine.finish() })
        PipeLineReader.start(
            descriptor: standardError, name: "lienthong-plugin-\(pid)-err", onLine: { [self] line in standardErrorLine(line) },
            onEnd: { [errorStreamEnd] in errorStreamEnd.continuation.finish() })
    }

    /// Waits until standard error is read to its end (the plugin exited and its last lines are
    /// in), at most `timeout`: a child of the plugin may hold the pipe open.
    func waitForStandardErrorEnd(within timeout: Duration) async {
        let stream = errorStreamEnd.stream
        _ = await Deadline.run(until: .now + timeout) {
            for await _ in stream {}
        }
    }

    /// The last lines the plugin wrote to standard error (at most `keptErrorLines`).
    var recentStandardError: [String] { state.withLock { $0.recentErrors } }

    private func standardOutputLine(_ line: String) {
        let isHandshake = state.withLock { state in
            defer { state.handshakeSeen = true }
            return !state.handshakeSeen
        }
        if isHandshake {
            firstLine.yield(line)
            firstLine.finish()
        } else {
            logger.info("\(line)", metadata: ["stream": "stdout"])
        }
    }

    private func standardErrorLine(_ line: String) {
        state.withLock { state in
            state.recentErrors.append(line)
            if state.recentErrors.count > Self.keptErrorLines { state.recentErrors.removeFirst() }
        }
        logger.info("\(line)", metadata: ["stream": "stderr"])
    }
}
