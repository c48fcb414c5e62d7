import LienthongJSON
import LienthongPluginAPI

/// What a service's `settings:` in the gateway configuration may change for a declarative
/// adapter, per deployment: the upstream's base URL, the attempt timeout and the CAs an https
/// upstream's certificate must chain to (`caFile`); nothing else.
public struct DeclarativeSettings: Sendable, Hashable {
    public let baseURL: String?
    public let timeout: Duration?

    /// How the upstream at `baseURL` (the effective one) is verified when it is https.
    public static func tls(_ settings: JSONValue, baseURL: String, plugin: String) throws(PluginConfigurationError) -> UpstreamTLS {
        try UpstreamTLS(settings, baseURL: baseURL, plugin: plugin)
    }

    public init(_ settings: JSONValue, plugin: String) throws(PluginConfigurationError) {
        if let given = settings[key: "baseURL"]?.asString {
            guard let base = ManifestValues.baseURL(given) else {
                throw PluginConfigurationError(plugin: plugin, reason: "baseURL must be an http:// or https:// URL without query or fragment")
            }
            baseURL = base
        } else {
            baseURL = nil
        }
        if let milliseconds = settings[key: "timeoutMs"]?.asNumber?.intValue {
            guard milliseconds > 0 else { throw PluginConfigurationError(plugin: plugin, reason: "timeoutMs must be positive") }
            timeout = .milliseconds(milliseconds)
        } else {
            timeout = nil
        }
    }

    /// The settings schema every declarative adapter has.
    public static let schema: JSONValue = [
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": [
            "baseURL": [
                "type": "string", "pattern": "^https?://",
                "description": "Overrides the manifest's upstream.baseURL for this deployment.",
            ],
            "timeoutMs": [
                "type": "integer", "minimum": 1, "maximum": 600_000,
                "description": "Overrides the manifest's attempt timeout in milliseconds.",
            ],
            UpstreamTLS.schemaProperty.key: UpstreamTLS.schemaProperty.value,
        ],
        "additionalProperties": false,
    ]
}
