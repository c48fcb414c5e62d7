import Hummingbird
import LienthongSchema

/// The mock national land database: a REST lookup of one parcel by commune code, map sheet and
/// parcel number, authorised by an API key header. See docs/NATIONAL-SYSTEMS.md.
public struct LandSystem: MockSystem {
    public static let parcelPath = "/api/v1/thua-dat"
    public static let apiKeyHeader = "X-API-Key"
    public static let developmentAPIKeys: Set<String> = ["land-dev-key"]

    public let name = "land"
    public let data: MockDataSet
    public let apiKeys: Set<String>

    public init(data: MockDataSet, apiKeys: Set<String> = LandSystem.developmentAPIKeys) {
        self.data = data
        self.apiKeys = apiKeys
    }

    public func addRoutes(to router: Router<BasicRequestContext>, stats: MockStats) {
        router.get(RouterPath(Self.parcelPath)) { request, _ in
            let (kind, response) = answer(request)
            stats.count(kind)
            return response
        }
    }

    public func internalErrorBody() -> JSONValue { Self.error("INTERNAL_ERROR", "Lỗi hệ thống") }

    public func samples() -> JSONValue {
        let parcels = data.parcels.prefix(5).map { parcel -> JSONValue in
            ["maXa": .string(parcel.communeCode), "soTo": .number(JSONNumber(parcel.mapSheet)),
             "soThua": .number(JSONNumber(parcel.parcelNumber))]
        }
        return ["parcels": .array(parcels), "rule": "parcel i of seed s is MockDataSet(seed: s).parcels[i]"]
    }

    private func answer(_ request: Request) -> (String, Response) {
        guard let key = request.header(Self.apiKeyHeader), apiKeys.contains(key) else {
            return ("parcel.lookup.unauthorized", .json(Self.error("UNAUTHORIZED", "API key không hợp lệ"), status: .unauthorized))
        }
        let query = request.uri.queryParameters
        guard let commune = query.get("maXa"), commune.count == 5, commune.allSatisfy(\.isASCIIDigit),
              let sheet = query.get("soTo").flatMap({ Int($0) }), (1...99_999).contains(sheet),
              let number = query.get("soThua").flatMap({ Int($0) }), (1...99_999).contains(number)
        else {
            let message = "Tham số không hợp lệ: cần maXa (5 chữ số), soTo và soThua (số nguyên dương)"
            return ("parcel.lookup.invalid", .json(Self.error("INVALID_PARAMETER", message), status: .badRequest))
        }
        guard let parcel = data.parcel(LandParcelKey(communeCode: commune, mapSheet: sheet, parcelNumber: number)) else {
            return ("parcel.lookup.not-found", .json(Self.error("PARCEL_NOT_FOUND", "Không tìm thấy thửa đất"), status: .notFound))
        }
        return ("parcel.lookup", .json(["success": true, "data": LandParcelRecord.json(parcel)]))
    }

    static func error(_ code: String, _ message: String) -> JSONValue {
        ["success": false, "error": ["code": .string(code), "message": .string(message)]]
    }
}
