import Foundation
import LienthongPluginAPI
import LienthongSchema
import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plugin process that completed its handshake and served a valid descriptor.
struct LaunchedPlugin: Sendable {
    let process: PluginProcess
    let socketPath: String
    /// The directory the gateway made for this plugin's socket.
    let socketDirectory: String
    let descriptor: PluginDescriptor
    let output: PluginOutputCapture
    let startedAt: ContinuousClock.Instant

    /// Removes the socket the plugin left behind, only when it lies in the directory the gateway
    /// made: a plugin that named another path (perhaps someone else's socket) cleans up itself.
    func removeSocket() {
        let name = socketPath.dropFirst(socketDirectory.count + 1)
        guard socketPath.hasPrefix(socketDirectory + "/"), !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
            return
        }
        SocketFile.removeIfSocket(socketPath)
    }
}

/// Starts one external plugin: spawns it, reads its handshake line within the start timeout,
/// fetches and checks its descriptor. On any failure the process is stopped before the error is
/// thrown, so a failed start leaves nothing running.
struct ExternalPluginLauncher: Sendable {
    let configuration: ExternalPluginConfiguration
    /// The gateway's environment, from which the plugin gets `PATH` and the inherited variables.
    let gatewayEnvironment: [String: String]
    /// A directory private to this plugin where it is asked to create its socket.
    let socketDirectory: String
    let client: ExternalPluginClient
    let logger: Logger

    /// Variables a plugin always gets from the gateway's environment, when set.
    static let passedVariables = ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR"]

    /// The socket path suggested to the plugin in `LIENTHONG_PLUGIN_SOCKET`.
    var suggestedSocketPath: String { socketDirectory + "/plugin.sock" }

    /// The plugin's environment: a few variables of the gateway's, the inherited ones, the
    /// configured ones and the protocol's.
    var environment: [String: String] {
        var environment: [String: String] = [:]
        for name in Self.passedVariables + configuration.inheritEnvironment {
            if let value = gatewayEnvironment[name] { environment[name] = value }
        }
        environment.merge(configuration.environment) { _, configured in configured }
        environment["LIENTHONG_PLUGIN_PROTOCOL"] = String(PluginHandshake.supportedVersion)
        environment["LIENTHONG_PLUGIN_ID"] = configuration.id
        environment["LIENTHONG_PLUGIN_SOCKET"] = suggestedSocketPath
        return environment
    }

    /// Starts the plugin; `expectedID` (when given) must be the descriptor's id.
    func launch(expectedID: String?) async throws(ExternalPluginStartError) -> LaunchedPlugin {
        let deadline = ContinuousClock.now + configuration.startTimeout
        SocketFile.removeIfSocket(suggestedSocketPath)
        let process: PluginProcess
        do {
            process = try PluginProcess.spawn(
                arguments: configuration.command, environment: environment, workingDirectory: configuration.workingDirectory)
        } catch {
            throw ExternalPluginStartError(plugin: configuration.id, reason: error.description)
        }
        let output = PluginOutputCapture(plugin: configuration.id, pid: process.pid, logger: logger)
        output.start(standardOutput: process.standardOutput, standardError: process.standardError, pid: process.pid)
        do {
            let handshake = try await readHandshake(output, process: process, until: deadline)
            let descriptor = try await fetchDescriptor(socketPath: handshake.socketPath, process: process, until: deadline)
            if let expectedID, descriptor.id != expectedID {
                throw ExternalPluginStartError(
                    plugin: configuration.id,
                    reason: "the descriptor's id is \"\(descriptor.id)\"; the configuration names it \"\(expectedID)\"")
            }
            return LaunchedPlugin(
                process: process, socketPath: handshake.socketPath, socketDirectory: socketDirectory, descriptor: descriptor,
                output: output, startedAt: .now)
        } catch {
            await process.terminate(grace: configuration.stopGrace)
            await output.waitForStandardErrorEnd(within: .seconds(1))
            SocketFile.removeIfSocket(suggestedSocketPath)
            throw ExternalPluginStartError(
                plugin: configuration.id, reason: error.reason, recentStandardError: output.recentStandardError)
        }
    }

    private func readHandshake(
        _ output: PluginOutputCapture, process: PluginProcess, until deadline: ContinuousClock.Instant
    ) async throws(ExternalPluginStartError) -> PluginHandshake {
        let lines = output.handshakeLines
        let first = await Deadline.run(until: deadline) { () async -> String? in
            var iterator = lines.makeAsyncIterator()
            return await iterator.next()
        }
        guard let firstOrEnd = first else {
            throw failure("printed no handshake line within \(configuration.startTimeout)")
        }
        guard let line = firstOrEnd else {
            // Standard output closed: the plugin most likely exited; say how.
            let status = await process.waitForExit(within: .seconds(1))
            throw failure("closed its standard output without a handshake line" + (status.map { " (it \($0))" } ?? ""))
        }
        do { return try PluginHandshake(parsing: line) } catch {
            throw failure(error.description)
        }
    }

    private func fetchDescriptor(
        socketPath: String, process: PluginProcess, until deadline: ContinuousClock.Instant
    ) async throws(ExternalPluginStartError) -> PluginDescriptor {
        // The plugin prints the handshake once it listens; allow a short retry for one that prints
        // just before it binds.
        var lastFailure = "no attempt"
        // At least one attempt of a second, even when the handshake came just before the deadline.
        let deadline = max(deadline, ContinuousClock.now + .seconds(1))
        while ContinuousClock.now < deadline {
            if let status = process.exitStatus { throw failure("\(status) after its handshake") }
            let remaining = deadline - ContinuousClock.now
            do {
                let answer = try await client.descriptor(
                    socketPath: socketPath, timeout: remaining, maxBytes: configuration.maxResponseBytes)
                guard answer.status == 200 else {
                    throw failure("GET /descriptor answered HTTP \(answer.status)")
                }
                let json: JSONValue
                do { json = try JSONParser.parse(answer.body) } catch {
                    throw failure("GET /descriptor answered invalid JSON: \(error)")
                }
                switch ExternalDescriptorDecoding.descriptor(from: json) {
                case .success(let descriptor): return descriptor
                case .failure(let error): throw failure(error.description)
                }
            } catch let error as ExternalPluginStartError {
                throw error
            } catch let error as ExternalPluginClient.Failure {
                if case .connection(let reason) = error {
                    lastFailure = reason
                    try? await Task.sleep(for: .milliseconds(50))
                    continue
                }
                throw failure("GET /descriptor: \(error)")
            } catch {
                throw failure("GET /descriptor: \(error)")
            }
        }
        throw failure("did not serve GET /descriptor on \(socketPath) within \(configuration.startTimeout) (\(lastFailure))")
    }

    private func failure(_ reason: String) -> ExternalPluginStartError {
        ExternalPluginStartError(plugin: configuration.id, reason: reason)
    }
}

/// Why an external plugin could not be started, with the last lines it wrote to standard error.
public struct ExternalPluginStartError: Error, Sendable, CustomStringConvertible {
    public let plugin: String
    public let reason: String
    public let recentStandardError: [String]

    public init(plugin: String, reason: String, recentStandardError: [String] = []) {
        self.plugin = plugin
        self.reason = reason
        self.recentStandardError = recentStandardError
    }

    public var description: String {
        var text = "external plugin \(plugin): \(reason)"
        if !recentStandardError.isEmpty {
            text += "\n  its last lines on standard error:\n" + recentStandardError.map { "    " + $0 }.joined(separator: "\n")
        }
        return text
    }
}

extension Error {
    /// The reason of an `ExternalPluginStartError`, or the description of any other error.
    fileprivate var reason: String {
        (self as? ExternalPluginStartError)?.reason ?? "\(self)"
    }
}

/// Unix socket files the gateway cleans up: only sockets are removed, never a file a misbehaving
/// plugin named by mistake.
enum SocketFile {
    static func removeIfSocket(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFSOCK else { return }
        unlink(path)
    }
}
