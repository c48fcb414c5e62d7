import Foundation
import LienthongTestSupport

/// One `lienthong serve --config FILE` process on fixed ports and a fixed data directory, so that
/// it can be killed (SIGKILL, as a crash) and restarted where it was: the next gateway run finds
/// the same listeners, audit trail and replay memory.
///
/// ```swift
/// await gateway.kill()               // no graceful shutdown
/// try await gateway.restart()        // same config, ports and data; returns once ready
/// let status = await gateway.stop()  // SIGTERM, SIGKILL after the grace period
/// ```
final class GatewayProcess: Sendable {
    let name: String
    let configurationFile: URL
    let localPort: Int
    let exchangePort: Int
    let dataDirectory: URL
    let child: ChildProcess

    var localURL: String { "http://127.0.0.1:\(localPort)" }
    var exchangeURL: String { "https://127.0.0.1:\(exchangePort)" }
    /// The gateway's SQLite file (`lienthong audit verify --data` reads the directory).
    var databaseFile: URL { dataDirectory.appendingPathComponent("lienthong.sqlite") }

    init(name: String, configurationFile: URL, localPort: Int, exchangePort: Int, dataDirectory: URL, logDirectory: URL) {
        self.name = name
        self.configurationFile = configurationFile
        self.localPort = localPort
        self.exchangePort = exchangePort
        self.dataDirectory = dataDirectory
        child = ChildProcess(
            name: name, arguments: ["serve", "--config", configurationFile.path, "--log-level", "info"],
            logFile: logDirectory.appendingPathComponent("\(name).log"))
    }

    var isRunning: Bool { child.isRunning }

    /// Launches the gateway and returns once it is ready; on failure it is stopped again.
    func start(timeout: Duration = .seconds(120)) async throws {
        try child.launch()
        do { try await waitUntilReady(timeout: timeout) } catch {
            await child.stop()
            throw error
        }
    }

    /// Returns once the local API answers `/health` with 200 and the exchange port accepts
    /// connections; fails at once when the process ends, and after `timeout` otherwise, with
    /// the end of its log.
    func waitUntilReady(timeout: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard child.isRunning else {
                throw HarnessError(
                    "\(name) gateway ended (status \(child.exitStatus.map(String.init) ?? "?")) before it was ready:\n\(child.logTail())")
            }
            if Loopback.accepts(port: exchangePort),
               let health = try? await PlainHTTP.get(localURL + "/health", timeout: 5), health.status == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw HarnessError("\(name) gateway was not ready within \(timeout):\n\(child.logTail())")
    }

    /// SIGKILL: the gateway ends with no graceful shutdown, as in a crash or power loss.
    @discardableResult
    func kill() async -> Int32? { await child.kill() }

    /// Starts the gateway again with the same configuration, ports and data directory (killing
    /// it first if it still runs) and returns once it is ready.
    func restart(timeout: Duration = .seconds(120)) async throws {
        if child.isRunning { await child.kill() }
        try await start(timeout: timeout)
    }

    /// SIGTERM (finish in-flight requests, close the store), then SIGKILL after `grace`.
    @discardableResult
    func stop(grace: Duration = .seconds(20)) async -> Int32? { await child.stop(grace: grace) }

    /// The end of the gateway's log over all its runs.
    func logTail(lines: Int = 40) -> String { child.logTail(lines: lines) }
}
