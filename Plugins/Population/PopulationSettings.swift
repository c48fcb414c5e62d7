import LienthongPluginAPI
import LienthongSchema

/// The population adapter's settings: where C06 is, the client credentials it issued and how
/// long to wait for it.
struct PopulationSettings: Sendable {
    let endpoint: UpstreamEndpointSettings
    let clientID: String
    let clientSecret: String

    static let defaultTimeoutMs = 10_000

    var baseURL: String { endpoint.baseURL }
    var timeout: Duration { endpoint.timeout }

    init(_ settings: JSONValue) throws(PluginConfigurationError) {
        let plugin = PopulationPluginFactory.id
        self.endpoint = try UpstreamEndpointSettings(settings, plugin: plugin, defaultTimeoutMs: Self.defaultTimeoutMs)
        guard let clientID = settings[key: "clientId"]?.asString, !clientID.isEmpty else {
            throw PluginConfigurationError(plugin: plugin, reason: "clientId is required")
        }
        self.clientID = clientID
        self.clientSecret = try SecretSetting.resolve("clientSecret", in: settings, plugin: plugin)
    }

    static var schema: JSONValue {
        UpstreamEndpointSettings.schema(
            baseURLDescription: "Base URL of the C06 API, e.g. https://c06.example.gov.vn",
            secret: ("clientSecret", "Shared secret C06 issued with the client id."),
            extraProperties: [("clientId", ["type": "string", "minLength": 1, "description": "Client id C06 issued to this gateway."])],
            extraRequired: ["clientId"],
            defaultTimeoutMs: defaultTimeoutMs)
    }
}
