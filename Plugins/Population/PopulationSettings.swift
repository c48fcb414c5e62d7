import LienthongPluginAPI
import LienthongSchema

/// The population adapter's settings: where C06 is, the client credentials it issued and how
/// long to wait for it.
struct PopulationSettings: Sendable {
    let baseURL: String
    let clientID: String
    let clientSecret: String
    let timeout: Duration

    static let defaultTimeoutMs = 10_000

    init(_ settings: JSONValue) throws(PluginConfigurationError) {
        let plugin = PopulationPluginFactory.id
        guard let baseURL = settings[key: "baseURL"]?.asString, baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw PluginConfigurationError(plugin: plugin, reason: "baseURL must be an http:// or https:// URL")
        }
        guard let clientID = settings[key: "clientId"]?.asString, !clientID.isEmpty else {
            throw PluginConfigurationError(plugin: plugin, reason: "clientId is required")
        }
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.clientID = clientID
        self.clientSecret = try SecretSetting.resolve("clientSecret", in: settings, plugin: plugin)
        let milliseconds = settings[key: "timeoutMs"]?.asNumber?.intValue ?? Self.defaultTimeoutMs
        guard milliseconds > 0 else { throw PluginConfigurationError(plugin: plugin, reason: "timeoutMs must be positive") }
        self.timeout = .milliseconds(milliseconds)
    }

    static var schema: JSONValue {
        let secret = SecretSetting.schemaMembers("clientSecret", description: "Shared secret C06 issued with the client id.")
        let properties: [(key: String, value: JSONValue)] = [
            ("baseURL", ["type": "string", "pattern": "^https?://", "description": "Base URL of the C06 API, e.g. https://c06.example.gov.vn"]),
            ("clientId", ["type": "string", "minLength": 1, "description": "Client id C06 issued to this gateway."]),
        ] + secret.properties + [
            ("timeoutMs", ["type": "integer", "minimum": 1, "maximum": 600_000, "description": "Upstream timeout in milliseconds (default 10000)."]),
        ]
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": .object(JSONObject(properties)),
            "required": ["baseURL", "clientId"],
            "oneOf": secret.oneOf,
            "additionalProperties": false,
        ]
    }
}
