import AsyncHTTPClient
import Foundation
import LienthongCore
import LienthongPluginAPI
import LienthongSchema
import Logging
import Synchronization
import Testing
@testable import LienthongGateway
#if canImport(Glibc)
import Glibc
#endif

/// Log lines kept in memory, to check what the gateway logged about a plugin. The handler is a
/// value (metadata set on one logger copy stays on it, as swift-log expects); the entries live in
/// one shared store.
struct RecordingLogHandler: LogHandler {
    struct Entry: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
    }

    final class Store: Sendable {
        private let entries = Mutex<[Entry]>([])
        func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }
        var all: [Entry] { entries.withLock { $0 } }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        store.append(Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
    }
}

/// A logger whose lines can be read back.
struct LogRecorder: Sendable {
    let store = RecordingLogHandler.Store()
    var logger: Logger {
        let store = self.store
        return Logger(label: "test-plugins", factory: { _ in RecordingLogHandler(store: store) })
    }
    var entries: [RecordingLogHandler.Entry] { store.all }
}

enum ExternalPluginTesting {
    static let echoService = TestServices.service("test.echo.call/v1")
    static let province = agency("000.00.00.H41")
    static let ministry = agency("000.00.00.G01")

    static func agency(_ text: String) -> AgencyCode {
        guard let code = try? AgencyCode(parsing: text) else { preconditionFailure("bad test agency \(text)") }
        return code
    }

    /// The path of python3, which the tests need (the project's setup installs it).
    static var python: String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") where access("\(directory)/python3", X_OK) == 0 {
            return "\(directory)/python3"
        }
        return "/usr/bin/python3"
    }

    /// A configuration running the test plugin in `directory` with `MODE=mode`; short timeouts
    /// and back-off so that the tests do not wait long, but health checks rare unless asked.
    static func configuration(
        id: String = "test-plugin", mode: String, directory: URL, environment: [String: String] = [:]
    ) -> ExternalPluginConfiguration {
        var configuration = ExternalPluginConfiguration(
            id: id, command: [python, directory.appendingPathComponent("plugin.py").path],
            environment: ["MODE": mode, "PLUGIN_ID": id].merging(environment) { _, new in new },
            // Generous: many Python processes start at once when the suites run in parallel on a
            // busy machine. A bound, not a measurement.
            workingDirectory: directory.path, startTimeout: .seconds(60))
        configuration.restart = .init(initialBackoff: .milliseconds(100), maxBackoff: .seconds(1), resetAfter: .seconds(60))
        configuration.healthCheck = .init(interval: .seconds(30), timeout: .seconds(10), failuresBeforeRestart: 1)
        configuration.stopGrace = .seconds(5)
        return configuration
    }

    /// Starts the plugins, runs `body`, and stops them, also when `body` throws.
    @discardableResult
    static func withPlugins<Result: Sendable>(
        _ configurations: [ExternalPluginConfiguration], logger: Logger = LogRecorder().logger,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: (ExternalPluginSet) async throws -> Result
    ) async throws -> Result {
        let set = try await ExternalPluginSet.start(configurations, environment: environment, logger: logger)
        do {
            let result = try await body(set)
            await set.stop()
            return result
        } catch {
            await set.stop()
            throw error
        }
    }

    /// A plugin made from the set's factory for `id`, with `settings`.
    static func plugin(_ set: ExternalPluginSet, id: String = "test-plugin", settings: JSONValue = .object(JSONObject())) throws
        -> any LienthongPlugin
    {
        let factory = try #require(set.factories.first { $0.descriptor.id == id })
        return try factory.make(settings: settings, environment: PluginEnvironment(
            httpClient: .shared, logger: Logger(label: "unused")))
    }

    static func request(_ payload: JSONValue, service: ServiceID = echoService, timeout: Duration = .seconds(10)) -> PluginRequest {
        PluginRequest(service: service, messageID: MessageID(), from: province, to: ministry, payload: payload, timeout: timeout)
    }

    /// Calls the plugin; the outcome as a Result, for checking failures.
    static func call(_ plugin: any LienthongPlugin, _ request: PluginRequest) async -> Result<PluginResponse, PluginError> {
        do throws(PluginError) { return .success(try await plugin.handle(request)) } catch { return .failure(error) }
    }

    /// Calls with `payload` until the plugin answers (it may be restarting), up to `attempts` tries.
    static func callUntilAnswered(_ plugin: any LienthongPlugin, _ payload: JSONValue, attempts: Int = 600) async throws
        -> PluginResponse
    {
        var last: PluginError?
        for _ in 0..<attempts {
            switch await call(plugin, request(payload)) {
            case .success(let response): return response
            case .failure(let error): last = error
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the plugin never answered again; last error: \(String(describing: last))")
        throw PluginError.unavailable("never answered")
    }

    /// The error of a failed call, nil for an answer.
    static func failure(_ result: Result<PluginResponse, PluginError>) -> PluginError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    /// Whether a process with `pid` exists (a zombie counts: it has not been reaped).
    static func processExists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    static func pid(of response: PluginResponse) throws -> Int32 {
        let number = try #require(response.payload[key: "pid"]?.asNumber?.intValue)
        return Int32(number)
    }
}

extension ExternalPluginTesting {
    /// Processes whose command line mentions `directory` (the test plugin's temporary directory).
    static func processes(runningScriptIn directory: URL) -> [Int32] {
        let needle = directory.path
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"), !data.isEmpty
            else { return nil }
            let commandLine = String(decoding: data.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
            return commandLine.contains(needle) ? pid : nil
        }
    }
}
