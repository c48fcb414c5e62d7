import Foundation
import LienthongPluginAPI
import Testing
@testable import LienthongGateway

/// Plugins that do not start: each is refused with a reason an operator can act on, and nothing
/// of them keeps running.
@Suite("External plugin start-up failures")
struct ExternalPluginLaunchTests {
    /// Starts `mode` and returns the start error's text.
    func startFailure(mode: String, startTimeout: Duration = .seconds(20), id: String = "test-plugin",
                      environment: [String: String] = [:]) async throws -> String {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = ExternalPluginTesting.configuration(id: id, mode: mode, directory: directory, environment: environment)
        configuration.startTimeout = startTimeout
        do {
            let set = try await ExternalPluginSet.start([configuration], logger: LogRecorder().logger)
            await set.stop()
            Issue.record("the \(mode) plugin started")
            return ""
        } catch {
            #expect(ExternalPluginTesting.processes(runningScriptIn: directory).isEmpty, "a \(mode) plugin was left running")
            return error.description
        }
    }

    @Test("a banner instead of the handshake is refused")
    func garbageHandshake() async throws {
        let message = try await startFailure(mode: "garbage-handshake")
        #expect(message.contains("plugins.external.test-plugin"))
        #expect(message.contains("is not a handshake"))
        #expect(message.contains("Starting the social insurance plugin..."))
    }

    @Test("an unknown protocol version is refused")
    func unknownVersion() async throws {
        let message = try await startFailure(mode: "version-2")
        #expect(message.contains("the plugin speaks protocol version 2; this gateway speaks version 1"))
    }

    @Test("no handshake line within the start timeout")
    func silent() async throws {
        let message = try await startFailure(mode: "silent", startTimeout: .seconds(2))
        #expect(message.contains("printed no handshake line within 2"))
    }

    @Test("a plugin that exits at once is reported with its status and its last standard error lines")
    func exitsEarly() async throws {
        let message = try await startFailure(mode: "exit-early")
        #expect(message.contains("without a handshake line"))
        #expect(message.contains("exited with status 4"))
        #expect(message.contains("cannot open /var/lib/bhxh/participants.db"))
    }

    @Test("an invalid descriptor is refused with each problem")
    func badDescriptor() async throws {
        let message = try await startFailure(mode: "bad-descriptor")
        #expect(message.contains("/id: \"Not An Id\" must be lower-case"))
        #expect(message.contains("/version: required"))
        #expect(message.contains("/services/0/service: not a service id"))
        #expect(message.contains("/services/0/requestSchema: required"))
    }

    @Test("a descriptor id other than the configured one is refused")
    func idMismatch() async throws {
        let message = try await startFailure(mode: "echo", environment: ["PLUGIN_ID": "someone-else"])
        #expect(message.contains("the descriptor's id is \"someone-else\"; the configuration names it \"test-plugin\""))
    }

    @Test("a program that does not exist is refused")
    func missingProgram() async throws {
        var configuration = ExternalPluginTesting.configuration(mode: "echo", directory: URL(fileURLWithPath: "/tmp"))
        configuration.command = ["/nonexistent/lienthong-plugin"]
        await #expect(throws: GatewayStartError.self) {
            try await ExternalPluginSet.start([configuration], logger: LogRecorder().logger)
        }
        do { _ = try await ExternalPluginSet.start([configuration], logger: LogRecorder().logger) } catch {
            #expect(error.description.contains("cannot start /nonexistent/lienthong-plugin"))
        }
    }
}
