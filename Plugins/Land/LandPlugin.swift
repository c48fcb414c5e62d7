import AsyncHTTPClient
import LienthongCore
import LienthongPluginAPI
import LienthongSchema

/// Creates the adapter to the national land database (parcel lookup).
public struct LandPluginFactory: LienthongPluginFactory {
    static let id = "land"
    static let lookup = "land.parcel.lookup/v1"

    public init() {}

    public var descriptor: PluginDescriptor {
        PluginDescriptor(
            id: Self.id, version: "1.0.0",
            summary: "National land database: land parcel lookup by commune, map sheet and parcel number",
            // A constant, well-formed id: a typo would drop the service, which the descriptor test catches.
            services: (try? ServiceID(parsing: Self.lookup)).map {
                [ServiceDescriptor(
                    service: $0,
                    requestSchema: "https://schemas.lienthong.vn/land/parcel.lookup.request.v1.json",
                    responseSchema: "https://schemas.lienthong.vn/land/parcel.lookup.response.v1.json")]
            } ?? [],
            settingsSchema: LandSettings.schema)
    }

    public func make(settings: JSONValue, environment: PluginEnvironment) throws(PluginConfigurationError) -> any LienthongPlugin {
        LandPlugin(descriptor: descriptor, settings: try LandSettings(settings), environment: environment)
    }
}

/// The adapter to the land database: `GET /api/v1/thua-dat?maXa=&soTo=&soThua=` with an API key.
struct LandPlugin: LienthongPlugin {
    let descriptor: PluginDescriptor
    let settings: LandSettings
    let environment: PluginEnvironment

    func handle(_ request: PluginRequest) async throws(PluginError) -> PluginResponse {
        guard request.service.rawValue == LandPluginFactory.lookup else { throw .unsupportedService(request.service) }
        guard let commune = request.payload[key: "MaXa"]?.asString,
              commune.count == 5, commune.allSatisfy({ $0.isASCII && $0.isNumber }),
              let sheet = request.payload[key: "SoHieuToBanDo"]?.asNumber?.intValue,
              let parcel = request.payload[key: "SoThuTuThua"]?.asNumber?.intValue
        else { throw .rejected("MaXa (5 digits), SoHieuToBanDo and SoThuTuThua (integers) are required") }
        var upstream = settings.endpoint.request(path: "/api/v1/thua-dat?maXa=\(commune)&soTo=\(sheet)&soThua=\(parcel)")
        upstream.method = .GET
        upstream.headers.add(name: "X-API-Key", value: settings.apiKey)
        upstream.headers.add(name: "Accept", value: "application/json")
        let answer = try await UpstreamCall(client: environment.httpClient, system: "land database")
            .perform(upstream, timeout: min(request.timeout, settings.timeout))
        if answer.status >= 500 { throw .unavailable("land database answered HTTP \(answer.status)") }
        let json = try UpstreamJSON(parsing: answer.body, system: "land database")
        if answer.status == 200, json.object["success"]?.asBool == true {
            return PluginResponse(payload: try LandMapping.parcel(from: try json.nested("data")))
        }
        let error = try? json.nested("error")
        let code = (try? error?.string("code")) ?? "?"
        let message = (try? error?.string("message")) ?? ""
        switch answer.status {
        case 404:
            throw .notFound("land database \(code): \(message)")
        case 401, 403:
            // Not the caller's fault: the gateway's API key is wrong.
            throw .unavailable("land database refused the gateway's API key (\(code): \(message)); check apiKey")
        case 400..<500:
            throw .rejected("land database \(code): \(message)")
        default:
            throw .badUpstreamResponse("land database answered HTTP \(answer.status) without a parcel")
        }
    }
}
