import Foundation
import LienthongPluginAPI
import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps one external plugin running: starts it, checks its health, restarts it with exponential
/// back-off when it crashes or stops answering, and stops it on shutdown.
///
/// Calls do not pass through the actor: `endpoint()` hands out the socket of the running process
/// and the HTTP exchange happens outside, so a slow call never holds up the others.
actor ExternalPluginSupervisor {
    let configuration: ExternalPluginConfiguration
    private let launcher: ExternalPluginLauncher
    private let logger: Logger
    private var state: State = .idle
    /// Incremented for every process started, so that late news about an old one is ignored.
    private var generation = 0
    private var consecutiveFailures = 0
    private var healthFailures = 0
    private var probing = false
    private var healthTask: Task<Void, Never>?
    private var restartTask: Task<Void, Never>?
    /// The descriptor of the first start: a restarted plugin must provide the same services.
    private(set) var descriptor: PluginDescriptor?

    private enum State {
        case idle
        case starting(Task<Void, Never>)
        case running(LaunchedPlugin, generation: Int)
        /// Killing a process that failed its health checks; a restart follows.
        case replacing
        case waiting(until: ContinuousClock.Instant, reason: String)
        case stopped
    }

    /// Where a call goes: the running process's socket, and which process it is.
    struct Endpoint: Sendable {
        let socketPath: String
        let generation: Int
    }

    init(configuration: ExternalPluginConfiguration, launcher: ExternalPluginLauncher, logger: Logger) {
        self.configuration = configuration
        self.launcher = launcher
        var logger = logger
        logger[metadataKey: "plugin"] = "\(configuration.id)"
        self.logger = logger
    }

    /// The first start, at gateway start-up: a plugin that does not start stops the gateway's start
    /// with the reason (its descriptor is needed to check the services that use it).
    func start() async throws(ExternalPluginStartError) -> PluginDescriptor {
        let launched = try await launcher.launch(expectedID: configuration.id)
        guard case .idle = state else {
            await launched.process.terminate(grace: configuration.stopGrace)
            throw ExternalPluginStartError(plugin: configuration.id, reason: "the plugin was stopped while it started")
        }
        descriptor = launched.descriptor
        adopt(launched, restarted: false)
        return launched.descriptor
    }

    /// The running plugin's socket; waits for a start in progress, and fails at once with 502 while
    /// the plugin waits for its next restart.
    func endpoint() async throws(PluginError) -> Endpoint {
        switch state {
        case .running(let launched, let generation):
            return Endpoint(socketPath: launched.socketPath, generation: generation)
        case .starting(let task):
            await task.value
            if case .running(let launched, let generation) = state {
                return Endpoint(socketPath: launched.socketPath, generation: generation)
            }
            try unavailable()
        case .idle, .replacing, .waiting, .stopped:
            try unavailable()
        }
    }

    private func unavailable() throws(PluginError) -> Never {
        switch state {
        case .waiting(let until, let reason):
            let wait = max(until - ContinuousClock.now, .zero)
            throw .unavailable(
                "external plugin \(configuration.id) is restarting after it \(reason); next attempt in \(Self.seconds(wait))")
        case .replacing, .starting:
            throw .unavailable("external plugin \(configuration.id) is restarting")
        case .stopped:
            throw .unavailable("external plugin \(configuration.id) is stopped (the gateway is shutting down)")
        case .idle, .running:
            throw .unavailable("external plugin \(configuration.id) is not running")
        }
    }

    /// How the process behind `generation` ended, waiting up to `wait` for the news: a call that
    /// lost its connection names the crash that caused it.
    func exitStatus(ofGeneration generation: Int, within wait: Duration) async -> ProcessExitStatus? {
        guard let process = process(ofGeneration: generation) else { return nil }
        return await process.waitForExit(within: wait)
    }

    /// A call to `generation` ran out of time: check now whether the whole plugin hangs.
    func callTimedOut(generation: Int) {
        Task { await self.probe(generation: generation) }
    }

    /// Stops the plugin (SIGTERM, SIGKILL after the grace period) and removes its socket; later
    /// calls fail with 502. Idempotent.
    func stop() async {
        let previous = state
        state = .stopped
        healthTask?.cancel()
        restartTask?.cancel()
        switch previous {
        case .running(let launched, _):
            let status = await launched.process.terminate(grace: configuration.stopGrace)
            launched.removeSocket()
            logger.notice("external plugin \(configuration.id) stopped (it \(status))")
        case .starting(let task):
            // The start notices `.stopped` and terminates what it started.
            await task.value
        case .replacing:
            // A health check is stopping the process; wait until it is gone.
            _ = await lastExited?.process.waitForExit()
        case .idle, .waiting, .stopped:
            break
        }
        SocketFile.removeIfSocket(launcher.suggestedSocketPath)
    }

    // MARK: - Running, crashing, restarting

    private func process(ofGeneration wanted: Int) -> PluginProcess? {
        if case .running(let launched, let generation) = state, generation == wanted { return launched.process }
        return lastExited?.generation == wanted ? lastExited?.process : nil
    }

    /// The process that ended last, kept so that calls which lost it can name how it ended.
    private var lastExited: (generation: Int, process: PluginProcess)?

    private func adopt(_ launched: LaunchedPlugin, restarted: Bool) {
        generation += 1
        let current = generation
        healthFailures = 0
        state = .running(launched, generation: current)
        let services = launched.descriptor.services.map(\.service.rawValue).joined(separator: ", ")
        logger.notice(
            "external plugin \(configuration.id) \(launched.descriptor.version) \(restarted ? "restarted" : "started") (pid \(launched.process.pid), socket \(launched.socketPath)); services: \(services)")
        Task { [process = launched.process, output = launched.output] in
            let status = await process.waitForExit() ?? .unknown
            // Let the last lines on standard error (a traceback, say) arrive before telling.
            await output.waitForStandardErrorEnd(within: .milliseconds(500))
            self.processEnded(generation: current, status: status, lastErrors: output.recentStandardError)
        }
        healthTask?.cancel()
        let interval = configuration.healthCheck.interval
        healthTask = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { return }
                await self.probe(generation: current)
            }
        }
    }

    private func processEnded(generation ended: Int, status: ProcessExitStatus, lastErrors: [String]) {
        guard case .running(let launched, let generation) = state, generation == ended else { return }
        lastExited = (ended, launched.process)
        launched.process.signalGroup(SIGKILL)
        launched.removeSocket()
        // The plugin's own words go to the log (error level, so that they show whatever the log
        // level), not to callers: the reason is what a 502 during the back-off says.
        let tail = lastErrors.suffix(5)
        scheduleRestart(
            reason: "\(status)", ranFor: ContinuousClock.now - launched.startedAt,
            logDetail: tail.isEmpty ? nil : "its last lines on standard error: " + tail.joined(separator: " | "))
    }

    /// One health check: `GET /descriptor` within the health-check timeout.
    private func probe(generation wanted: Int) async {
        guard case .running(let launched, let generation) = state, generation == wanted, !probing else { return }
        probing = true
        let client = launcher.client
        let timeout = configuration.healthCheck.timeout
        let maxBytes = configuration.maxResponseBytes
        let failure: String?
        do {
            let answer = try await client.descriptor(socketPath: launched.socketPath, timeout: timeout, maxBytes: maxBytes)
            failure = answer.status == 200 ? nil : "answered its health check (GET /descriptor) with HTTP \(answer.status)"
        } catch {
            failure = "did not answer its health check (GET /descriptor) within \(timeout): \(error)"
        }
        probing = false
        guard case .running(_, let generation) = state, generation == wanted else { return }
        guard let failure else {
            healthFailures = 0
            return
        }
        healthFailures += 1
        logger.warning(
            "external plugin \(configuration.id) \(failure) (\(healthFailures) of \(configuration.healthCheck.failuresBeforeRestart) before a restart)")
        guard healthFailures >= configuration.healthCheck.failuresBeforeRestart else { return }
        state = .replacing
        healthTask?.cancel()
        lastExited = (wanted, launched.process)
        let status = await launched.process.terminate(grace: configuration.stopGrace)
        launched.removeSocket()
        guard case .replacing = state else { return }
        scheduleRestart(reason: "\(failure), and was stopped (it \(status))", ranFor: ContinuousClock.now - launched.startedAt)
    }

    private func scheduleRestart(reason: String, ranFor: Duration?, logDetail: String? = nil) {
        if let ranFor, ranFor >= configuration.restart.resetAfter { consecutiveFailures = 0 }
        consecutiveFailures += 1
        let delay = configuration.restart.backoff(afterFailures: consecutiveFailures)
        state = .waiting(until: ContinuousClock.now + delay, reason: reason)
        healthTask?.cancel()
        logger.error(
            "external plugin \(configuration.id) \(reason); restarting in \(Self.seconds(delay))\(logDetail.map { "; \($0)" } ?? "")")
        restartTask = Task {
            try? await Task.sleep(for: delay)
            if Task.isCancelled { return }
            await self.restart()
        }
    }

    private func restart() async {
        guard case .waiting = state else { return }
        let launcher = self.launcher
        let expected = descriptor
        let start = Task {
            let result: Result<LaunchedPlugin, ExternalPluginStartError>
            do throws(ExternalPluginStartError) {
                result = .success(try await launcher.launch(expectedID: launcher.configuration.id))
            } catch {
                result = .failure(error)
            }
            await self.finishRestart(result, expected: expected)
        }
        state = .starting(start)
        await start.value
    }

    private func finishRestart(_ result: Result<LaunchedPlugin, ExternalPluginStartError>, expected: PluginDescriptor?) async {
        switch result {
        case .success(let launched):
            if case .stopped = state {
                await launched.process.terminate(grace: configuration.stopGrace)
                launched.removeSocket()
                return
            }
            if let expected, Set(expected.services) != Set(launched.descriptor.services) {
                await launched.process.terminate(grace: configuration.stopGrace)
                launched.removeSocket()
                scheduleRestart(
                    reason: "came back with other services than at start-up (restart the gateway to take a changed plugin)",
                    ranFor: nil)
                return
            }
            adopt(launched, restarted: true)
        case .failure(let error):
            if case .stopped = state { return }
            logger.error("\(error)")
            scheduleRestart(reason: "did not start: \(error.reason)", ranFor: nil)
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let milliseconds = ExternalPluginMessages.milliseconds(duration)
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : String(format: "%.1f s", Double(milliseconds) / 1000)
    }
}
