import LienthongPluginAPI
import LienthongSchema

/// The land adapter's settings: where the land database's API is, its API key, the timeout.
struct LandSettings: Sendable {
    let endpoint: UpstreamEndpointSettings
    let apiKey: String

    static let defaultTimeoutMs = 10_000

    var baseURL: String { endpoint.baseURL }
    var timeout: Duration { endpoint.timeout }

    init(_ settings: JSONValue) throws(PluginConfigurationError) {
        let plugin = LandPluginFactory.id
        self.endpoint = try UpstreamEndpointSettings(settings, plugin: plugin, defaultTimeoutMs: Self.defaultTimeoutMs)
        self.apiKey = try SecretSetting.resolve("apiKey", in: settings, plugin: plugin)
    }

    static var schema: JSONValue {
        UpstreamEndpointSettings.schema(
            baseURLDescription: "Base URL of the land database API.",
            secret: ("apiKey", "API key issued by the land database operator."),
            defaultTimeoutMs: defaultTimeoutMs)
    }
}
