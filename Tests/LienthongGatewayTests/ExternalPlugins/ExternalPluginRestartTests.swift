import Foundation
import LienthongPluginAPI
import LienthongSchema
import Testing
@testable import LienthongGateway
#if canImport(Glibc)
import Glibc
#endif

/// Restarts: exponential back-off while a plugin keeps failing, fast 502s meanwhile, recovery,
/// and other plugins unaffected.
@Suite("External plugin restarts")
struct ExternalPluginRestartTests {
    typealias T = ExternalPluginTesting

    @Test("the back-off doubles from the initial delay up to the maximum", arguments: [
        (1, 500), (2, 1000), (3, 2000), (4, 4000), (7, 30_000), (60, 30_000), (0, 500),
    ])
    func backoff(failures: Int, milliseconds: Int) {
        let policy = ExternalPluginConfiguration.RestartPolicy(
            initialBackoff: .milliseconds(500), maxBackoff: .seconds(30), resetAfter: .seconds(60))
        #expect(policy.backoff(afterFailures: failures) == .milliseconds(milliseconds))
    }

    @Test("a plugin that keeps failing to restart waits longer each time, answers 502 at once meanwhile, and recovers")
    func failingRestarts() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keepFailing = directory.appendingPathComponent("keep-failing").path
        let logs = LogRecorder()
        var configuration = T.configuration(mode: "fail-restarts", directory: directory, environment: ["KEEP_FAILING": keepFailing])
        configuration.restart = .init(initialBackoff: .milliseconds(100), maxBackoff: .milliseconds(800), resetAfter: .seconds(60))
        try await T.withPlugins([configuration], logger: logs.logger) { set in
            let plugin = try T.plugin(set)
            _ = try await plugin.handle(T.request(.object(JSONObject())))
            #expect(FileManager.default.createFile(atPath: keepFailing, contents: nil))
            _ = await T.call(plugin, T.request(.object(JSONObject([("crash", true)]))))

            // Wait until three restarts have failed.
            let failed = "did not start: closed its standard output without a handshake line (it exited with status 5); restarting in"
            for _ in 0..<1200 where logs.entries.filter({ $0.message.contains(failed) }).count < 3 {
                try await Task.sleep(for: .milliseconds(50))
            }
            let delays = logs.entries.filter { $0.message.contains("external plugin test-plugin") && $0.message.contains("restarting in") }
                .map { String(($0.message.split(separator: "restarting in ").last ?? "").prefix { $0 != ";" }) }
            #expect(Array(delays.prefix(4)) == ["0.1 s", "0.2 s", "0.4 s", "0.8 s"])
            // The start error keeps the plugin's own words.
            #expect(logs.entries.contains { $0.message.contains("database locked") })

            // Meanwhile calls fail at once, saying why.
            let meanwhile = await T.call(plugin, T.request(.object(JSONObject())))
            guard case .failure(.unavailable(let detail)) = meanwhile else {
                Issue.record("expected unavailable while restarting, got \(meanwhile)")
                return
            }
            #expect(detail.contains("external plugin test-plugin is restarting"))

            try FileManager.default.removeItem(atPath: keepFailing)
            _ = try await T.callUntilAnswered(plugin, .object(JSONObject()))
        }
    }

    @Test("a call right after the plugin was killed from outside fails as unavailable (502), not as a timeout")
    func killedFromOutside() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await T.withPlugins([T.configuration(mode: "echo", directory: directory)]) { set in
            let plugin = try T.plugin(set)
            let pid = try T.pid(of: try await plugin.handle(T.request(.object(JSONObject()))))
            kill(pid, SIGKILL)
            // Whether the supervisor has noticed yet or not, the answer is a prompt 502.
            let result = await T.call(plugin, T.request(.object(JSONObject()), timeout: .seconds(30)))
            guard case .failure(.unavailable) = result else {
                Issue.record("expected unavailable, got \(result)")
                return
            }
            _ = try await T.callUntilAnswered(plugin, .object(JSONObject()))
        }
    }

    @Test("a plugin that comes back with other services is refused until it provides the original ones")
    func changedServices() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        let serviceFile = directory.appendingPathComponent("service").path
        try "test.echo.call/v1".write(toFile: serviceFile, atomically: true, encoding: .utf8)
        let logs = LogRecorder()
        try await T.withPlugins(
            [T.configuration(mode: "echo", directory: directory, environment: ["SERVICE_FILE": serviceFile])], logger: logs.logger
        ) { set in
            let plugin = try T.plugin(set)
            _ = try await plugin.handle(T.request(.object(JSONObject())))
            try "test.other.call/v1".write(toFile: serviceFile, atomically: true, encoding: .utf8)
            _ = await T.call(plugin, T.request(.object(JSONObject([("crash", true)]))))
            let refused = "came back with other services than at start-up"
            for _ in 0..<1200 where !logs.entries.contains(where: { $0.message.contains(refused) }) {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(logs.entries.contains { $0.message.contains(refused) })
            guard case .failure(.unavailable) = await T.call(plugin, T.request(.object(JSONObject()))) else {
                Issue.record("a plugin with other services was used")
                return
            }
            try "test.echo.call/v1".write(toFile: serviceFile, atomically: true, encoding: .utf8)
            _ = try await T.callUntilAnswered(plugin, .object(JSONObject()))
        }
    }

    @Test("a crash of one plugin leaves another plugin serving")
    func isolation() async throws {
        let first = try TestPluginScript.install()
        let second = try TestPluginScript.install()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        var other = T.configuration(id: "other-plugin", mode: "echo", directory: second)
        other.restart.initialBackoff = .seconds(1)
        try await T.withPlugins([T.configuration(mode: "echo", directory: first), other]) { set in
            let crashing = try T.plugin(set)
            let steady = try T.plugin(set, id: "other-plugin")
            let steadyPID = try T.pid(of: try await steady.handle(T.request(.object(JSONObject()))))
            async let crashes = T.call(crashing, T.request(.object(JSONObject([("crash", true)]))))
            async let answers = T.call(steady, T.request(.object(JSONObject([("n", 1)]))))
            let (crashed, answered) = await (crashes, answers)
            guard case .failure(.unavailable) = crashed else {
                Issue.record("the crashing call did not fail as unavailable: \(crashed)")
                return
            }
            guard case .success(let response) = answered else {
                Issue.record("the other plugin failed: \(answered)")
                return
            }
            #expect(try T.pid(of: response) == steadyPID)
        }
    }
}
