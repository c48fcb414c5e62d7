import AsyncHTTPClient
import Foundation
import LienthongCore
import LienthongPluginAPI
import LienthongSchema
import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lienthong plugin check PROGRAM` does for an external plugin: start it as the gateway
/// would, check its handshake and descriptor, look up its schemas, call it with the request
/// schema's first example when there is one, and stop it.
public enum ExternalPluginCheck {
    /// One line of the report.
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: Sendable, Hashable {
            /// A check that passed.
            case ok
            /// Something the operator must fix.
            case problem
            /// Context for the problem before it (e.g. a line the plugin wrote to standard error).
            case detail
        }

        /// Whether the check passed, failed, or explains the failure before it.
        public let kind: Kind
        /// What was checked, or what is wrong, in a sentence for the operator.
        public let text: String

        public static func ok(_ text: String) -> Finding { Finding(kind: .ok, text: text) }
        public static func problem(_ text: String) -> Finding { Finding(kind: .problem, text: text) }
        public static func detail(_ text: String) -> Finding { Finding(kind: .detail, text: text) }

        public var isProblem: Bool { kind == .problem }

        public var description: String {
            switch kind {
            case .ok: "ok       " + text
            case .problem: "problem  " + text
            case .detail: "           " + text
            }
        }
    }

    /// Runs the check. `command` is the program and its arguments; `schemaDirectories` are added
    /// to the bundled schemas, as the gateway's `schemaDirectories` are; `settings` (a service's
    /// settings) are checked against the plugin's settings schema and sent with the example call.
    public static func run(
        command: [String], schemaDirectories: [URL], settings: JSONValue = .object(JSONObject()),
        startTimeout: Duration = .seconds(10), environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger
    ) async -> [Finding] {
        guard let program = command.first else { return [.problem("no program given")] }
        guard access(program, X_OK) == 0 else {
            let reason = FileManager.default.fileExists(atPath: program)
                ? "is not executable (chmod +x, and start it with a #! line)" : "does not exist"
            return [.problem("\(program) \(reason)")]
        }
        let catalog: SchemaCatalog
        do { catalog = try SchemaCatalog.load(directories: schemaDirectories) } catch {
            return [.problem("schemas: \(error)")]
        }
        let directory: String
        do { directory = try ExternalPluginSet.makeSocketDirectory(for: "check", environment: environment) } catch {
            return [.problem(error.description)]
        }
        let httpClient = ExternalPluginSet.makeHTTPClient()
        let findings = await launchAndCheck(
            command: command, catalog: catalog, settings: settings, socketDirectory: directory,
            client: ExternalPluginClient(httpClient: httpClient), startTimeout: startTimeout, environment: environment,
            logger: logger)
        try? await httpClient.shutdown()
        rmdir(directory)
        return findings
    }

    private static func launchAndCheck(
        command: [String], catalog: SchemaCatalog, settings: JSONValue, socketDirectory directory: String,
        client: ExternalPluginClient, startTimeout: Duration, environment: [String: String], logger: Logger
    ) async -> [Finding] {
        let program = command[0]
        var configuration = ExternalPluginConfiguration(
            id: "check", command: command,
            workingDirectory: URL(fileURLWithPath: program).deletingLastPathComponent().path, startTimeout: startTimeout)
        configuration.stopGrace = .seconds(5)
        let launcher = ExternalPluginLauncher(
            configuration: configuration, gatewayEnvironment: environment, socketDirectory: directory, client: client, logger: logger)
        let launched: LaunchedPlugin
        do { launched = try await launcher.launch(expectedID: nil) } catch {
            var findings: [Finding] = [.problem(error.reason)]
            findings += error.recentStandardError.map { .detail("stderr: \($0)") }
            return findings
        }
        var findings: [Finding] = [
            .ok("handshake: \(PluginHandshake.line(socketPath: launched.socketPath))"),
            .ok("descriptor: \(launched.descriptor.id) \(launched.descriptor.version)"
                + (launched.descriptor.summary.isEmpty ? "" : " (\(launched.descriptor.summary))")),
        ]
        if !isSemanticVersion(launched.descriptor.version) {
            findings.append(.problem("version \"\(launched.descriptor.version)\" is not MAJOR.MINOR.PATCH"))
        }
        findings += check(settings: settings, against: launched.descriptor)
        for service in launched.descriptor.services {
            findings += await check(
                service, catalog: catalog, settings: settings, plugin: launched, client: client,
                maxBytes: configuration.maxResponseBytes)
        }
        let status = await launched.process.terminate(grace: configuration.stopGrace)
        launched.removeSocket()
        switch status {
        case .signalled(SIGKILL):
            findings.append(.problem("did not exit within 5 s of SIGTERM and was killed"))
        case .exited(0), .signalled(SIGTERM):
            findings.append(.ok("stopped on SIGTERM (\(status))"))
        default:
            findings.append(.problem("on SIGTERM it \(status)"))
        }
        return findings
    }

    private static func check(settings: JSONValue, against descriptor: PluginDescriptor) -> [Finding] {
        let validator: JSONSchemaValidator
        do { validator = try JSONSchemaValidator(schema: descriptor.settingsSchema) } catch {
            return [.problem("the settings schema does not compile: \(error)")]
        }
        let result = validator.validate(settings)
        if result.isValid { return [.ok("settings \(settings.serialized()) match the settings schema")] }
        return [.problem("settings \(settings.serialized()) do not match the settings schema:")]
            + result.errors.prefix(10).map { .detail("\($0.instanceLocation.isEmpty ? "/" : $0.instanceLocation): \($0.message)") }
    }

    private static func check(
        _ service: ServiceDescriptor, catalog: SchemaCatalog, settings: JSONValue, plugin: LaunchedPlugin,
        client: ExternalPluginClient, maxBytes: Int
    ) async -> [Finding] {
        let name = "service \(service.service)"
        var findings: [Finding] = []
        let request = catalog.schema(id: service.requestSchema)
        let response = catalog.schema(id: service.responseSchema)
        if request == nil { findings.append(.problem("\(name): request schema \(service.requestSchema) is not in the bundled schemas or the schema directories")) }
        if response == nil { findings.append(.problem("\(name): response schema \(service.responseSchema) is not in the bundled schemas or the schema directories")) }
        guard let indexed = catalog.schemas(forService: service.service.rawValue) else {
            findings.append(.problem("\(name): no index.json of the schema directories maps it to its schemas (the gateway would refuse the service)"))
            return findings
        }
        if indexed.request.id != service.requestSchema || indexed.response.id != service.responseSchema {
            findings.append(.problem(
                "\(name): the descriptor names \(service.requestSchema) and \(service.responseSchema), but the schema index maps it to \(indexed.request.id) and \(indexed.response.id), which the gateway validates against"))
            return findings
        }
        guard let request, let response else { return findings }
        findings.append(.ok("\(name): schemas \(request.id) and \(response.id)"))
        guard let example = catalog.registry.documents[request.id]?[key: "examples"]?.asArray?.first else {
            findings.append(.ok("\(name): the request schema has no example; no call made"))
            return findings
        }
        let pluginRequest = PluginRequest(
            service: service.service, messageID: MessageID(), from: checkAgency, to: checkAgency, payload: example, timeout: .seconds(10))
        let body = ExternalPluginMessages.handleRequest(pluginRequest, settings: settings, timeout: .seconds(10))
        let answer: ExternalPluginClient.Answer
        do { answer = try await client.handle(socketPath: plugin.socketPath, body: body, timeout: .seconds(10), maxBytes: maxBytes) } catch {
            findings.append(.problem("\(name): POST /handle with the request schema's first example: \(error)"))
            return findings
        }
        switch ExternalPluginMessages.handleAnswer(status: answer.status, body: answer.body, plugin: plugin.descriptor.id) {
        case .success(let answered):
            let result = response.validator.validate(answered.payload)
            if result.isValid {
                findings.append(.ok("\(name): answered the example request within its response schema"))
            } else {
                findings.append(.problem("\(name): the answer to the example request breaks \(response.id):"))
                findings += result.errors.prefix(10).map { .detail("\($0.instanceLocation.isEmpty ? "/" : $0.instanceLocation): \($0.message)") }
            }
        case .failure(let error):
            switch error {
            case .notFound, .rejected, .timeout, .unavailable, .unsupportedService:
                findings.append(.ok("\(name): the example request was answered with an error the protocol allows (\(error))"))
            case .badUpstreamResponse(let detail):
                findings.append(.problem("\(name): \(detail)"))
            }
        }
        return findings
    }

    /// The agency a check's request names as sender and recipient: the Government Office, a
    /// placeholder that every plugin must accept as a well-formed code.
    private static let checkAgency: AgencyCode = {
        guard let code = try? AgencyCode(parsing: "000.00.00.G22") else { preconditionFailure("constant agency code") }
        return code
    }()

    private static func isSemanticVersion(_ text: String) -> Bool {
        let core = text.split(separator: "-", maxSplits: 1).first.map(String.init) ?? text
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
