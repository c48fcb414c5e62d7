import LienthongPluginAPI
import LienthongSchema

/// The business registration adapter's settings: where NGSP is, the bearer token, the timeout.
struct BusinessRegistrySettings: Sendable {
    let baseURL: String
    let token: String
    let timeout: Duration

    static let defaultTimeoutMs = 10_000

    init(_ settings: JSONValue) throws(PluginConfigurationError) {
        let plugin = BusinessRegistryPluginFactory.id
        guard let baseURL = settings[key: "baseURL"]?.asString, baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw PluginConfigurationError(plugin: plugin, reason: "baseURL must be an http:// or https:// URL")
        }
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = try SecretSetting.resolve("token", in: settings, plugin: plugin)
        let milliseconds = settings[key: "timeoutMs"]?.asNumber?.intValue ?? Self.defaultTimeoutMs
        guard milliseconds > 0 else { throw PluginConfigurationError(plugin: plugin, reason: "timeoutMs must be positive") }
        self.timeout = .milliseconds(milliseconds)
    }

    static var schema: JSONValue {
        let secret = SecretSetting.schemaMembers("token", description: "Bearer token issued by NGSP.")
        let properties: [(key: String, value: JSONValue)] = [
            ("baseURL", ["type": "string", "pattern": "^https?://", "description": "Base URL of the NGSP API."]),
        ] + secret.properties + [
            ("timeoutMs", ["type": "integer", "minimum": 1, "maximum": 600_000, "description": "Upstream timeout in milliseconds (default 10000)."]),
        ]
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": .object(JSONObject(properties)),
            "required": ["baseURL"],
            "oneOf": secret.oneOf,
            "additionalProperties": false,
        ]
    }
}
