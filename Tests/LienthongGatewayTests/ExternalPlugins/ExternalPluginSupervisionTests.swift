import Foundation
import LienthongPluginAPI
import LienthongSchema
import Testing
@testable import LienthongGateway
#if canImport(Glibc)
import Glibc
#endif

/// A supervised plugin process: calls, failures mapped onto `PluginError`, restarts after a crash
/// or a hang, captured standard error and a clean stop.
@Suite("External plugin supervision")
struct ExternalPluginSupervisionTests {
    typealias T = ExternalPluginTesting

    @Test("a call reaches the plugin with the service, agencies, settings and timeout; the environment is filtered")
    func call() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = T.configuration(mode: "echo", directory: directory, environment: ["TEST_VARIABLE": "configured"])
        configuration.callTimeout = .seconds(7)
        var environment = ProcessInfo.processInfo.environment
        environment["LIENTHONG_TLS_KEY_PASSPHRASE"] = "gateway secret"
        try await T.withPlugins([configuration], environment: environment) { set in
            let descriptor = try #require(set.factories.first?.descriptor)
            #expect(descriptor.id == "test-plugin")
            #expect(descriptor.services.map(\.service) == [T.echoService])
            let plugin = try T.plugin(set, settings: .object(JSONObject([("greeting", "xin chào")])))
            let response = try await plugin.handle(T.request(.object(JSONObject([("SoDinhDanh", "040085012345")]))))
            let answer = response.payload
            #expect(answer[key: "echo"]?[key: "SoDinhDanh"] == "040085012345")
            #expect(answer[key: "settings"]?[key: "greeting"] == "xin chào")
            #expect(answer[key: "service"] == "test.echo.call/v1")
            #expect(answer[key: "from"] == "000.00.00.H41")
            #expect(answer[key: "to"] == "000.00.00.G01")
            #expect(answer[key: "protocol"] == .number(JSONNumber(1)))
            // The smaller of the call's timeout (10 s) and callTimeoutMs (7 s).
            #expect(answer[key: "timeoutMs"] == .number(JSONNumber(7000)))
            #expect(answer[key: "variable"] == "configured")
            // The gateway's own secrets are not passed on.
            #expect(answer[key: "secret"] == .null)
        }
    }

    @Test("settings outside the plugin's settings schema are refused when the plugin is made")
    func settingsChecked() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await T.withPlugins([T.configuration(mode: "echo", directory: directory)]) { set in
            #expect(throws: PluginConfigurationError.self) {
                _ = try T.plugin(set, settings: .object(JSONObject([("greting", "typo")])))
            }
        }
    }

    @Test("errors the plugin reports map onto PluginError; a service it does not provide is refused")
    func reportedErrors() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await T.withPlugins([T.configuration(mode: "echo", directory: directory)]) { set in
            let plugin = try T.plugin(set)
            let notFound = JSONValue.object(JSONObject([("error", .object(JSONObject([("type", "not-found"), ("detail", "no such participant")])))]))
            #expect(T.failure(await T.call(plugin, T.request(notFound))) == .notFound("no such participant"))
            let unknown = JSONValue.object(JSONObject([("error", .object(JSONObject([("type", "exploded")])))]))
            guard case .failure(.badUpstreamResponse(let detail)) = await T.call(plugin, T.request(unknown)) else {
                Issue.record("an unknown error type was not a bad upstream response")
                return
            }
            #expect(detail.contains("unknown error type \"exploded\""))
            let other = TestServices.lookup
            #expect(T.failure(await T.call(plugin, T.request(.object(JSONObject()), service: other))) == .unsupportedService(other))
        }
    }

    @Test("invalid JSON from the plugin fails the call as a bad upstream response (502)")
    func invalidJSON() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await T.withPlugins([T.configuration(mode: "garbage-json", directory: directory)]) { set in
            let result = await T.call(try T.plugin(set), T.request(.object(JSONObject())))
            guard case .failure(.badUpstreamResponse(let detail)) = result else {
                Issue.record("expected badUpstreamResponse, got \(result)")
                return
            }
            #expect(detail.contains("external plugin test-plugin answered HTTP 200 with invalid JSON"))
            #expect(Problem.upstream(.badUpstreamResponse(detail)).status == 502)
        }
    }

    @Test("an answer above maxResponseBytes fails the call (502)")
    func tooLarge() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = T.configuration(mode: "big-answer", directory: directory)
        configuration.maxResponseBytes = 64 * 1024
        try await T.withPlugins([configuration]) { set in
            let result = await T.call(try T.plugin(set), T.request(.object(JSONObject())))
            #expect(T.failure(result) == .badUpstreamResponse("external plugin test-plugin answered more than 65536 bytes"))
        }
    }

    @Test("a crash fails the call in flight with 502, and the plugin is restarted and serves again")
    func crash() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        let logs = LogRecorder()
        try await T.withPlugins([T.configuration(mode: "echo", directory: directory)], logger: logs.logger) { set in
            let plugin = try T.plugin(set)
            let firstPID = try T.pid(of: try await plugin.handle(T.request(.object(JSONObject()))))
            let result = await T.call(plugin, T.request(.object(JSONObject([("crash", true)]))))
            guard case .failure(.unavailable(let detail)) = result else {
                Issue.record("expected unavailable, got \(result)")
                return
            }
            #expect(detail.contains("external plugin test-plugin failed during the call"))
            #expect(detail.contains("exited with status 3"))
            #expect(Problem.upstream(.unavailable(detail)).name == "upstream-failure")

            let again = try await T.callUntilAnswered(plugin, .object(JSONObject()))
            let secondPID = try T.pid(of: again)
            #expect(secondPID != firstPID)
            #expect(!T.processExists(firstPID))
            let messages = logs.entries.map(\.message)
            #expect(messages.contains { $0.contains("external plugin test-plugin exited with status 3; restarting in") })
            // The crash log line quotes what the plugin last wrote on standard error.
            let crashLine = logs.entries.first { $0.message.contains("exited with status 3; restarting in") }
            #expect(crashLine?.level == .error)
            #expect(crashLine?.message.contains("its last lines on standard error: handling ") == true)
            #expect(messages.contains { $0.contains("external plugin test-plugin 0.1.0 restarted") })
        }
    }

    @Test("a hung plugin times the call out (504), fails its health check and is restarted")
    func hang() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = T.configuration(mode: "echo", directory: directory)
        configuration.callTimeout = .seconds(1)
        configuration.healthCheck = .init(interval: .seconds(30), timeout: .seconds(1), failuresBeforeRestart: 1)
        configuration.stopGrace = .seconds(1)
        let logs = LogRecorder()
        try await T.withPlugins([configuration], logger: logs.logger) { set in
            let plugin = try T.plugin(set)
            let firstPID = try T.pid(of: try await plugin.handle(T.request(.object(JSONObject()))))
            let result = await T.call(plugin, T.request(.object(JSONObject([("hang", true)]))))
            #expect(T.failure(result) == .timeout("external plugin test-plugin did not answer within 1 s"))
            // The timed-out call triggers a health check at once (the periodic one is 30 s away).
            let again = try await T.callUntilAnswered(plugin, .object(JSONObject()))
            #expect(try T.pid(of: again) != firstPID)
            #expect(!T.processExists(firstPID))
            #expect(logs.entries.contains { $0.message.contains("did not answer its health check") })
        }
    }

    @Test("the plugin's standard error reaches the gateway's log, line by line, with the plugin's id")
    func standardErrorCaptured() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        let logs = LogRecorder()
        try await T.withPlugins([T.configuration(mode: "echo", directory: directory)], logger: logs.logger) { set in
            let request = T.request(.object(JSONObject()))
            _ = try await T.plugin(set).handle(request)
            var found: RecordingLogHandler.Entry?
            for _ in 0..<1200 where found == nil {
                found = logs.entries.first { $0.message == "handling \(request.messageID)" }
                if found == nil { try await Task.sleep(for: .milliseconds(50)) }
            }
            let entry = try #require(found)
            #expect(entry.metadata["plugin"] == "test-plugin")
            #expect(entry.metadata["stream"] == "stderr")
            #expect(entry.metadata["plugin-pid"] != nil)
        }
    }

    @Test("a socket the plugin chose outside the gateway's directory is used, and left alone at stop")
    func ownSocketLeftAlone() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        let ownSocket = directory.appendingPathComponent("own.sock").path
        try await T.withPlugins([T.configuration(mode: "echo", directory: directory, environment: ["SOCKET_PATH": ownSocket])]) { set in
            let supervisor = try #require(set.factories.first?.supervisor)
            #expect(try await supervisor.endpoint().socketPath == ownSocket)
            _ = try await T.plugin(set).handle(T.request(.object(JSONObject())))
        }
        // The gateway removes only sockets in the directory it made; this one is the plugin's.
        #expect(FileManager.default.fileExists(atPath: ownSocket))
    }

    @Test("stop leaves no process behind: SIGTERM, SIGKILL for one that ignores it, its children too; the socket is removed")
    func stop() async throws {
        for mode in ["echo", "ignore-term", "grandchild"] {
            let directory = try TestPluginScript.install()
            defer { try? FileManager.default.removeItem(at: directory) }
            let childFile = directory.appendingPathComponent("child.pid").path
            var configuration = T.configuration(mode: mode, directory: directory, environment: ["CHILD_PID_FILE": childFile])
            configuration.stopGrace = .seconds(1)
            let set = try await ExternalPluginSet.start([configuration], logger: LogRecorder().logger)
            let plugin = try T.plugin(set)
            let pid: Int32
            do { pid = try T.pid(of: try await plugin.handle(T.request(.object(JSONObject())))) } catch {
                await set.stop()
                throw error
            }
            let supervisor = try #require(set.factories.first?.supervisor)
            let socket = try await supervisor.endpoint().socketPath
            #expect(FileManager.default.fileExists(atPath: socket))
            let child = mode == "grandchild" ? (try? String(contentsOfFile: childFile, encoding: .utf8)).flatMap { Int32($0) } : nil
            await set.stop()
            #expect(!T.processExists(pid), "\(mode): the plugin is still there")
            if let child {
                // The grandchild was killed; its parent (the plugin) is gone, so init reaps it.
                var gone = false
                for _ in 0..<1200 where !gone {
                    gone = !T.processExists(child)
                    if !gone { try await Task.sleep(for: .milliseconds(50)) }
                }
                #expect(gone, "the plugin's child \(child) survived")
            } else if mode == "grandchild" {
                Issue.record("the grandchild plugin wrote no pid")
            }
            #expect(!FileManager.default.fileExists(atPath: socket), "\(mode): the socket is still there")
            #expect(!FileManager.default.fileExists(atPath: (socket as NSString).deletingLastPathComponent))
            #expect(T.processes(runningScriptIn: directory).isEmpty)
            // After stop, calls fail with 502 rather than hang.
            guard case .failure(.unavailable) = await T.call(plugin, T.request(.object(JSONObject()))) else {
                Issue.record("a call after stop did not fail as unavailable")
                continue
            }
        }
    }
}
