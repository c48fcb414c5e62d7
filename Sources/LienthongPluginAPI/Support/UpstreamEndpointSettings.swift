import AsyncHTTPClient
import LienthongJSON

/// The settings every HTTP adapter has: the upstream's base URL, how long to wait for it and,
/// for https, which CAs to trust. Adapters read these here and add their own (credentials,
/// options) around them.
public struct UpstreamEndpointSettings: Sendable, Hashable {
    /// The base URL without a trailing slash, so paths can be appended with `/`.
    public let baseURL: String
    public let timeout: Duration
    /// How an https upstream is verified (`caFile`, or the system's roots).
    public let tls: UpstreamTLS

    /// Reads `baseURL` (http or https), `timeoutMs` (positive; `defaultTimeoutMs` when absent) and
    /// `caFile` (optional, https only).
    public init(_ settings: JSONValue, plugin: String, defaultTimeoutMs: Int) throws(PluginConfigurationError) {
        guard var base = settings[key: "baseURL"]?.asString, base.hasPrefix("http://") || base.hasPrefix("https://") else {
            throw PluginConfigurationError(plugin: plugin, reason: "baseURL must be an http:// or https:// URL")
        }
        while base.hasSuffix("/") { base.removeLast() }
        let milliseconds = settings[key: "timeoutMs"]?.asNumber?.intValue ?? defaultTimeoutMs
        guard milliseconds > 0 else { throw PluginConfigurationError(plugin: plugin, reason: "timeoutMs must be positive") }
        self.baseURL = base
        self.timeout = .milliseconds(milliseconds)
        self.tls = try UpstreamTLS(settings, baseURL: base, plugin: plugin)
    }

    /// A request to the base URL followed by `path` (which starts with `/`), carrying the
    /// upstream's TLS configuration when it is https.
    public func request(path: String) -> HTTPClientRequest {
        tls.request(url: baseURL + path)
    }

    /// The settings schema of an HTTP adapter: `baseURL`, `extraProperties`, the three ways to give
    /// `secret` (exactly one required), `timeoutMs` and `caFile`; nothing else is allowed.
    public static func schema(
        baseURLDescription: String, secret: (name: String, description: String),
        extraProperties: [(key: String, value: JSONValue)] = [], extraRequired: [String] = [], defaultTimeoutMs: Int
    ) -> JSONValue {
        let secretMembers = SecretSetting.schemaMembers(secret.name, description: secret.description)
        let properties: [(key: String, value: JSONValue)] =
            [("baseURL", ["type": "string", "pattern": "^https?://", "description": .string(baseURLDescription)])]
            + extraProperties + secretMembers.properties + [
                ("timeoutMs", [
                    "type": "integer", "minimum": 1, "maximum": 600_000,
                    "description": .string("Upstream timeout in milliseconds (default \(defaultTimeoutMs))."),
                ]),
                UpstreamTLS.schemaProperty,
            ]
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": .object(JSONObject(properties)),
            "required": .array((["baseURL"] + extraRequired).map { .string($0) }),
            "oneOf": secretMembers.oneOf,
            "additionalProperties": false,
        ]
    }
}
