import Foundation
import Hummingbird
import LienthongSchema

/// The mock national population database (C06, Ministry of Public Security): citizen lookup and
/// verification over JSON, authorised by `C06RequestSignature`. See docs/NATIONAL-SYSTEMS.md.
public struct PopulationSystem: MockSystem {
    public static let lookupPath = "/c06/api/v1/congdan/tracuu"
    public static let verifyPath = "/c06/api/v1/congdan/xacthuc"
    /// The development client the mock accepts unless given others.
    public static let developmentClients = ["lienthong-dev": "c06-dev-secret"]

    public let name = "population"
    public let data: MockDataSet
    /// Client id → shared secret.
    public let clients: [String: String]
    /// The server clock in Unix seconds; replaceable so tests can move time.
    let now: @Sendable () -> Int64

    public init(data: MockDataSet, clients: [String: String] = PopulationSystem.developmentClients) {
        self.init(data: data, clients: clients, now: { Int64(Date().timeIntervalSince1970) })
    }

    init(data: MockDataSet, clients: [String: String], now: @escaping @Sendable () -> Int64) {
        self.data = data
        self.clients = clients
        self.now = now
    }

    public func addRoutes(to router: Router<BasicRequestContext>, stats: MockStats) {
        router.post(RouterPath(Self.lookupPath)) { request, _ in
            await handle(request, kind: "citizen.lookup", stats: stats, answer: lookup)
        }
        router.post(RouterPath(Self.verifyPath)) { request, _ in
            await handle(request, kind: "citizen.verify", stats: stats, answer: verify)
        }
    }

    public func internalErrorBody() -> JSONValue { C06Result.systemError.body() }

    public func samples() -> JSONValue {
        let numbers = data.citizens.citizens.prefix(5).map { JSONValue.string($0.soDinhDanh) }
        return [
            "citizens": .array(numbers),
            "rule": "citizen i of seed s is MockDataSet(seed: s).citizens.citizens[i]",
        ]
    }

    /// Authenticates, parses and answers one request, counting the outcome under `kind`.
    private func handle(
        _ request: Request, kind: String, stats: MockStats, answer: (JSONObject) -> (C06Result, JSONValue?)
    ) async -> Response {
        var request = request
        let result: C06Result
        var data: JSONValue?
        do throws(MockBodyError) {
            let body = try await request.bodyBytes()
            if let failure = authenticate(request, body: body) {
                result = failure
            } else {
                guard case .object(let object) = try parseJSONBody(body) else {
                    throw MockBodyError.malformed("expected a JSON object")
                }
                (result, data) = answer(object)
            }
        } catch {
            result = .invalidRequest(error.description)
        }
        stats.count(result.code == "00" ? kind : "\(kind).\(result.code)")
        return result.response(data: data)
    }

    private func authenticate(_ request: Request, body: [UInt8]) -> C06Result? {
        guard let clientID = request.header(C06RequestSignature.clientIDHeader),
              let timestampText = request.header(C06RequestSignature.timestampHeader),
              let signature = request.header(C06RequestSignature.signatureHeader)
        else { return .missingCredentials }
        guard let secret = clients[clientID] else { return .unknownClient }
        guard let timestamp = Int64(timestampText) else { return .staleTimestamp }
        let skew = timestamp > now() ? timestamp - now() : now() - timestamp
        guard skew <= C06RequestSignature.allowedSkewSeconds else { return .staleTimestamp }
        guard let expected = try? C06RequestSignature.signature(clientID: clientID, timestamp: timestamp, body: body, secret: secret),
              expected == signature.lowercased()
        else { return .badSignature }
        return nil
    }

    private func lookup(_ body: JSONObject) -> (C06Result, JSONValue?) {
        guard let number = body["SoDinhDanh"]?.asString, Self.isPersonalNumber(number) else {
            return (.invalidRequest("SoDinhDanh phải gồm 12 chữ số"), nil)
        }
        guard let citizen = data.citizens.citizen(soDinhDanh: number) else { return (.citizenNotFound, nil) }
        if let name = body["HoVaTen"]?.asString, name.uppercased() != citizen.fullName.uppercased() {
            return (.nameMismatch, nil)
        }
        return (.success, C06CitizenRecord.json(citizen))
    }

    private func verify(_ body: JSONObject) -> (C06Result, JSONValue?) {
        guard let number = body["SoDinhDanh"]?.asString, Self.isPersonalNumber(number) else {
            return (.invalidRequest("SoDinhDanh phải gồm 12 chữ số"), nil)
        }
        guard let name = body["HoVaTen"]?.asString, let birthDate = body["NgayThangNamSinh"]?.asString else {
            return (.invalidRequest("thiếu HoVaTen hoặc NgayThangNamSinh"), nil)
        }
        guard C06CitizenRecord.isC06Date(birthDate) else {
            return (.invalidRequest("NgayThangNamSinh phải có dạng dd/MM/yyyy"), nil)
        }
        guard let citizen = data.citizens.citizen(soDinhDanh: number) else { return (.success, ["TonTai": false]) }
        return (.success, [
            "TonTai": true,
            "KetQuaDoiChieu": [
                "HoVaTen": .bool(name.uppercased() == citizen.fullName.uppercased()),
                "NgayThangNamSinh": .bool(birthDate == citizen.c06BirthDate),
            ],
        ])
    }

    static func isPersonalNumber(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
