import LienthongPluginAPI
import LienthongSchema

/// The business registration adapter's settings: where NGSP is, the bearer token, the timeout.
struct BusinessRegistrySettings: Sendable {
    let endpoint: UpstreamEndpointSettings
    let token: String

    static let defaultTimeoutMs = 10_000

    var baseURL: String { endpoint.baseURL }
    var timeout: Duration { endpoint.timeout }

    init(_ settings: JSONValue) throws(PluginConfigurationError) {
        let plugin = BusinessRegistryPluginFactory.id
        self.endpoint = try UpstreamEndpointSettings(settings, plugin: plugin, defaultTimeoutMs: Self.defaultTimeoutMs)
        self.token = try SecretSetting.resolve("token", in: settings, plugin: plugin)
    }

    static var schema: JSONValue {
        UpstreamEndpointSettings.schema(
            baseURLDescription: "Base URL of the NGSP API.",
            secret: ("token", "Bearer token issued by NGSP."),
            defaultTimeoutMs: defaultTimeoutMs)
    }
}
