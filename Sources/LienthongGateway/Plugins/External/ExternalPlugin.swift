import LienthongPluginAPI
import LienthongSchema

/// An external plugin as the gateway's pipeline sees it: one `LienthongPlugin` per service
/// configuration, all sharing the supervised process of their plugin.
struct ExternalPlugin: LienthongPlugin {
    let descriptor: PluginDescriptor
    /// The service's `settings` from the gateway configuration, sent with every call.
    let settings: JSONValue
    let supervisor: ExternalPluginSupervisor
    let client: ExternalPluginClient

    func handle(_ request: PluginRequest) async throws(PluginError) -> PluginResponse {
        guard descriptor.services.contains(where: { $0.service == request.service }) else {
            throw .unsupportedService(request.service)
        }
        let configuration = supervisor.configuration
        let id = configuration.id
        let timeout = configuration.callTimeout.map { min($0, request.timeout) } ?? request.timeout
        let endpoint = try await supervisor.endpoint()
        let body = ExternalPluginMessages.handleRequest(request, settings: settings, timeout: timeout)
        let answer: ExternalPluginClient.Answer
        do {
            answer = try await client.handle(
                socketPath: endpoint.socketPath, body: body, timeout: timeout, maxBytes: configuration.maxResponseBytes)
        } catch {
            switch error {
            case .timeout:
                await supervisor.callTimedOut(generation: endpoint.generation)
                throw .timeout("external plugin \(id) did not answer within \(ExternalPluginSupervisor.seconds(timeout))")
            case .tooLarge(let limit):
                throw .badUpstreamResponse("external plugin \(id) answered more than \(limit) bytes")
            case .connection(let reason):
                // A crash closes the connection a moment before the reaper sees the exit.
                let status = await supervisor.exitStatus(ofGeneration: endpoint.generation, within: .milliseconds(500))
                let crash = status.map { "; the plugin \($0)" } ?? ""
                throw .unavailable("external plugin \(id) failed during the call (\(reason))\(crash)")
            }
        }
        return try ExternalPluginMessages.handleAnswer(status: answer.status, body: answer.body, plugin: id).get()
    }
}

/// Makes `ExternalPlugin`s for the services that name an external plugin as their adapter.
public struct ExternalPluginFactory: LienthongPluginFactory {
    /// The descriptor the plugin served when it started.
    public let descriptor: PluginDescriptor
    let supervisor: ExternalPluginSupervisor
    let client: ExternalPluginClient

    /// Checks `settings` against the plugin's settings schema (the configuration loader cannot:
    /// it has no descriptor before the plugin runs).
    public func make(settings: JSONValue, environment: PluginEnvironment) throws(PluginConfigurationError) -> any LienthongPlugin {
        let validator: JSONSchemaValidator
        do { validator = try JSONSchemaValidator(schema: descriptor.settingsSchema) } catch {
            throw PluginConfigurationError(plugin: descriptor.id, reason: "its settings schema is unusable: \(error)")
        }
        let result = validator.validate(settings)
        guard result.isValid else {
            let problems = result.errors.map { ($0.instanceLocation.isEmpty ? "" : $0.instanceLocation + ": ") + $0.message }
            throw PluginConfigurationError(
                plugin: descriptor.id, reason: "settings do not match its settings schema: " + problems.joined(separator: "; "))
        }
        return ExternalPlugin(descriptor: descriptor, settings: settings, supervisor: supervisor, client: client)
    }
}
