import AsyncHTTPClient
import LienthongCore
import LienthongSchema
import Logging

/// The adapter contract: what the gateway needs from a plugin that connects it to one national or
/// local system. Small on purpose: Swift plugins, declarative HTTP adapters and external plugins
/// all present themselves to the gateway through these types.
///
/// The gateway validates every request against the service's request schema before calling
/// `handle`, and every response against the response schema after; a plugin deals only in
/// well-formed payloads and maps the upstream system's protocol to and from them.
public protocol LienthongPlugin: Sendable {
    /// What the plugin is and which services it provides.
    var descriptor: PluginDescriptor { get }

    /// Answers one request for one of `descriptor.services`. Throws `PluginError` when the
    /// upstream system fails; never returns a payload it did not get from upstream.
    func handle(_ request: PluginRequest) async throws(PluginError) -> PluginResponse

    /// Releases what the plugin holds (connections, child processes). Called once, at shutdown.
    func shutdown() async
}

extension LienthongPlugin {
    public func shutdown() async {}
}

/// Creates configured plugin instances. A built-in plugin registers one factory with the gateway.
public protocol LienthongPluginFactory: Sendable {
    /// The descriptor every instance will have (its `settingsSchema` checks `make`'s settings).
    var descriptor: PluginDescriptor { get }

    /// A plugin configured with `settings`, which the gateway has already validated against
    /// `descriptor.settingsSchema`. Throws `PluginConfigurationError` for settings that are valid
    /// JSON but unusable (e.g. a secret file that cannot be read).
    func make(settings: JSONValue, environment: PluginEnvironment) throws(PluginConfigurationError) -> any LienthongPlugin
}

/// What the gateway lends a plugin: a pooled HTTP client and a logger.
public struct PluginEnvironment: Sendable {
    /// Shared, pooled HTTP client; plugins must not shut it down.
    public let httpClient: HTTPClient
    public let logger: Logger

    public init(httpClient: HTTPClient, logger: Logger) {
        self.httpClient = httpClient
        self.logger = logger
    }
}

/// A plugin's identity, version and services.
public struct PluginDescriptor: Sendable, Hashable {
    /// Stable identifier used in configuration (`adapter: population`): lower-case letters,
    /// digits and hyphens.
    public let id: String
    /// Semantic version of the plugin.
    public let version: String
    /// One line for operators.
    public let summary: String
    public let services: [ServiceDescriptor]
    /// JSON Schema (2020-12) of the plugin's settings in the gateway configuration.
    public let settingsSchema: JSONValue

    public init(id: String, version: String, summary: String, services: [ServiceDescriptor], settingsSchema: JSONValue) {
        self.id = id
        self.version = version
        self.summary = summary
        self.services = services
        self.settingsSchema = settingsSchema
    }

    /// The descriptor as JSON: the same shape an external plugin serves at `GET /descriptor`.
    public var json: JSONValue {
        .object(JSONObject([
            ("id", .string(id)),
            ("version", .string(version)),
            ("summary", .string(summary)),
            ("services", .array(services.map(\.json))),
            ("settingsSchema", settingsSchema),
        ]))
    }
}

/// One service a plugin provides, with the `$id`s of its request and response schemas.
public struct ServiceDescriptor: Sendable, Hashable {
    public let service: ServiceID
    public let requestSchema: String
    public let responseSchema: String

    public init(service: ServiceID, requestSchema: String, responseSchema: String) {
        self.service = service
        self.requestSchema = requestSchema
        self.responseSchema = responseSchema
    }

    public var json: JSONValue {
        .object(JSONObject([
            ("service", .string(service.rawValue)),
            ("requestSchema", .string(requestSchema)),
            ("responseSchema", .string(responseSchema)),
        ]))
    }
}

/// One request as the plugin sees it: already authenticated, authorised and validated.
public struct PluginRequest: Sendable {
    public let service: ServiceID
    public let messageID: MessageID
    /// The agency that asked (the province), and this gateway's own agency.
    public let from: AgencyCode
    public let to: AgencyCode
    public let payload: JSONValue
    /// How long the plugin may take before the gateway answers 504 on its behalf.
    public let timeout: Duration

    public init(service: ServiceID, messageID: MessageID, from: AgencyCode, to: AgencyCode, payload: JSONValue, timeout: Duration) {
        self.service = service
        self.messageID = messageID
        self.from = from
        self.to = to
        self.payload = payload
        self.timeout = timeout
    }
}

/// The plugin's answer, to be validated against the response schema and signed by the gateway.
public struct PluginResponse: Sendable {
    public let payload: JSONValue

    public init(payload: JSONValue) { self.payload = payload }
}

/// How a call to the upstream system failed. The gateway maps each case to one problem type:
/// `notFound` → 404, `rejected` → 422, `timeout` → 504, the others → 502.
public enum PluginError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The upstream system has no record for the request (e.g. no citizen with that number).
    case notFound(String)
    /// The upstream system refused the request as invalid, with its reason.
    case rejected(String)
    /// No answer within the timeout.
    case timeout(String)
    /// The upstream system could not be reached or answered with a server error.
    case unavailable(String)
    /// The upstream system answered something the plugin cannot map (malformed, unexpected).
    case badUpstreamResponse(String)
    /// The plugin does not provide the requested service (a gateway configuration error).
    case unsupportedService(ServiceID)

    public var description: String {
        switch self {
        case .notFound(let detail): "not found: \(detail)"
        case .rejected(let detail): "rejected by the upstream system: \(detail)"
        case .timeout(let detail): "upstream timeout: \(detail)"
        case .unavailable(let detail): "upstream unavailable: \(detail)"
        case .badUpstreamResponse(let detail): "bad upstream response: \(detail)"
        case .unsupportedService(let service): "the plugin does not provide \(service)"
        }
    }
}

/// Settings that passed their schema but cannot be used.
public struct PluginConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let plugin: String
    public let reason: String

    public init(plugin: String, reason: String) {
        self.plugin = plugin
        self.reason = reason
    }

    public var description: String { "plugin \(plugin): \(reason)" }
}
