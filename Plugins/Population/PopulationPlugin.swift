import AsyncHTTPClient
import LienthongCore
import LienthongPluginAPI
import LienthongSchema
import NIOCore

/// Creates the adapter to the national population database (C06, Ministry of Public Security).
public struct PopulationPluginFactory: LienthongPluginFactory {
    static let id = "population"
    static let lookup = "population.citizen.lookup/v1"
    static let verify = "population.citizen.verify/v1"

    public init() {}

    public var descriptor: PluginDescriptor {
        PluginDescriptor(
            id: Self.id, version: "1.0.0",
            summary: "National population database (C06): citizen lookup and verification",
            // Constant, well-formed ids: a typo would drop the service, which the descriptor test catches.
            services: [
                (Self.lookup, "https://schemas.lienthong.vn/population/citizen.lookup.request.v1.json",
                 "https://schemas.lienthong.vn/population/citizen.lookup.response.v1.json"),
                (Self.verify, "https://schemas.lienthong.vn/population/citizen.verify.request.v1.json",
                 "https://schemas.lienthong.vn/population/citizen.verify.response.v1.json"),
            ].compactMap { service, request, response in
                (try? ServiceID(parsing: service)).map { ServiceDescriptor(service: $0, requestSchema: request, responseSchema: response) }
            },
            settingsSchema: PopulationSettings.schema)
    }

    public func make(settings: JSONValue, environment: PluginEnvironment) throws(PluginConfigurationError) -> any LienthongPlugin {
        PopulationPlugin(descriptor: descriptor, settings: try PopulationSettings(settings), environment: environment)
    }
}

/// The adapter to C06: signs each request, calls the lookup or verify API and maps the answer.
struct PopulationPlugin: LienthongPlugin {
    let descriptor: PluginDescriptor
    let settings: PopulationSettings
    let environment: PluginEnvironment

    func handle(_ request: PluginRequest) async throws(PluginError) -> PluginResponse {
        switch request.service.rawValue {
        case PopulationPluginFactory.lookup:
            let data = try await call("/c06/api/v1/congdan/tracuu", body: request.payload, timeout: request.timeout)
            return PluginResponse(payload: try C06Mapping.citizen(from: data))
        case PopulationPluginFactory.verify:
            guard let iso = request.payload[key: "NgayThangNamSinh"]?.asString, let c06Date = C06Mapping.c06Date(fromISO: iso),
                  case .object(var object) = request.payload
            else { throw .rejected("NgayThangNamSinh must be a YYYY-MM-DD date") }
            object["NgayThangNamSinh"] = .string(c06Date)
            let data = try await call("/c06/api/v1/congdan/xacthuc", body: .object(object), timeout: request.timeout)
            return PluginResponse(payload: try C06Mapping.verification(from: data))
        default:
            throw .unsupportedService(request.service)
        }
    }

    /// Sends `body` to C06 and returns `DuLieu` of a successful answer; maps C06's errors.
    private func call(_ path: String, body: JSONValue, timeout: Duration) async throws(PluginError) -> UpstreamJSON {
        let bytes = body.serializedBytes()
        var request = settings.endpoint.request(path: path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in try C06Signer(clientID: settings.clientID, secret: settings.clientSecret).headers(for: bytes) {
            request.headers.add(name: name, value: value)
        }
        request.body = .bytes(ByteBuffer(bytes: bytes))
        let answer = try await UpstreamCall(client: environment.httpClient, system: "C06")
            .perform(request, timeout: min(timeout, settings.timeout))
        if answer.status >= 500 { throw .unavailable("C06 answered HTTP \(answer.status)\(Self.reason(answer.body))") }
        let json = try UpstreamJSON(parsing: answer.body, system: "C06")
        let code = try json.string("MaKetQua")
        let message = (try? json.string("MoTaKetQua")) ?? ""
        switch (answer.status, code) {
        case (200, "00"):
            return try json.nested("DuLieu")
        case (404, _):
            throw .notFound("C06 \(code): \(message)")
        case (401, _), (403, _):
            // Not the caller's fault: the gateway's credentials or clock are wrong.
            throw .unavailable("C06 refused the gateway's authorisation (\(code): \(message)); check clientId, clientSecret and the clock")
        case (400..<500, _):
            throw .rejected("C06 \(code): \(message)")
        default:
            throw .badUpstreamResponse("C06 answered HTTP \(answer.status) with result \(code)")
        }
    }

    private static func reason(_ body: [UInt8]) -> String {
        guard let json = try? UpstreamJSON(parsing: body, system: "C06"), let code = try? json.string("MaKetQua") else { return "" }
        return " (\(code))"
    }
}
