import AsyncHTTPClient
import LienthongCore
import LienthongPluginAPI
import LienthongSchema

/// Creates the adapter to the national business registration system (NGSP).
public struct BusinessRegistryPluginFactory: LienthongPluginFactory {
    static let id = "business-registry"
    static let lookup = "business.enterprise.lookup/v1"

    public init() {}

    public var descriptor: PluginDescriptor {
        PluginDescriptor(
            id: Self.id, version: "1.0.0",
            summary: "National business registration system (NGSP): enterprise lookup by enterprise code",
            // A constant, well-formed id: a typo would drop the service, which the descriptor test catches.
            services: (try? ServiceID(parsing: Self.lookup)).map {
                [ServiceDescriptor(
                    service: $0,
                    requestSchema: "https://schemas.lienthong.vn/business/enterprise.lookup.request.v1.json",
                    responseSchema: "https://schemas.lienthong.vn/business/enterprise.lookup.response.v1.json")]
            } ?? [],
            settingsSchema: BusinessRegistrySettings.schema)
    }

    public func make(settings: JSONValue, environment: PluginEnvironment) throws(PluginConfigurationError) -> any LienthongPlugin {
        BusinessRegistryPlugin(descriptor: descriptor, settings: try BusinessRegistrySettings(settings), environment: environment)
    }
}

/// The adapter to NGSP: `GET /ngsp/api/v1/enterprises/{code}` with a bearer token.
struct BusinessRegistryPlugin: LienthongPlugin {
    let descriptor: PluginDescriptor
    let settings: BusinessRegistrySettings
    let environment: PluginEnvironment

    func handle(_ request: PluginRequest) async throws(PluginError) -> PluginResponse {
        guard request.service.rawValue == BusinessRegistryPluginFactory.lookup else { throw .unsupportedService(request.service) }
        // The request schema allows only digits and one hyphen, so the code is safe in a path.
        guard let code = request.payload[key: "ENTERPRISE_GDT_CODE"]?.asString,
              !code.isEmpty, code.allSatisfy({ $0 == "-" || ($0.isASCII && $0.isNumber) })
        else { throw .rejected("ENTERPRISE_GDT_CODE must be 10 digits, optionally followed by -NNN") }
        var upstream = settings.endpoint.request(path: "/ngsp/api/v1/enterprises/\(code)")
        upstream.method = .GET
        upstream.headers.add(name: "Authorization", value: "Bearer \(settings.token)")
        upstream.headers.add(name: "Accept", value: "application/json")
        let answer = try await UpstreamCall(client: environment.httpClient, system: "NGSP")
            .perform(upstream, timeout: min(request.timeout, settings.timeout))
        if answer.status >= 500 { throw .unavailable("NGSP answered HTTP \(answer.status)") }
        let json = try UpstreamJSON(parsing: answer.body, system: "NGSP")
        if answer.status == 200 {
            return PluginResponse(payload: try NGSPMapping.enterprise(from: try json.nested("Data")))
        }
        let errorCode = (try? json.string("ErrorCode")) ?? "?"
        let message = (try? json.string("ErrorMessage")) ?? ""
        switch answer.status {
        case 404:
            throw .notFound("NGSP \(errorCode): \(message)")
        case 401, 403:
            // Not the caller's fault: the gateway's token is wrong or expired.
            throw .unavailable("NGSP refused the gateway's token (\(errorCode): \(message)); check token")
        case 400..<500:
            throw .rejected("NGSP \(errorCode): \(message)")
        default:
            throw .badUpstreamResponse("NGSP answered HTTP \(answer.status) without an enterprise")
        }
    }
}
