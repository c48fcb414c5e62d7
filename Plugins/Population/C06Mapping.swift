import LienthongPluginAPI
import LienthongSchema

/// Maps between our population schemas and C06's API: the same field names, but C06 writes
/// dates dd/MM/yyyy and wraps answers in `{MaKetQua, MoTaKetQua, DuLieu}`.
enum C06Mapping {
    /// Members of a citizen record our response schema has; anything else C06 adds is dropped.
    static let citizenFields = [
        "SoDinhDanh", "SoCMND", "HoVaTen", "NgayThangNamSinh", "GioiTinh", "DanToc", "QuocTich",
        "NoiDangKyKhaiSinh", "QueQuan", "NoiThuongTru", "NoiOHienTai", "Cha", "Me", "VoChong", "ChuHo",
    ]

    /// YYYY-MM-DD → dd/MM/yyyy.
    static func c06Date(fromISO iso: String) -> String? {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// dd/MM/yyyy → YYYY-MM-DD.
    static func isoDate(fromC06 text: String) -> String? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }

    /// The citizen record of a successful lookup, in our response schema's shape.
    static func citizen(from data: UpstreamJSON) throws(PluginError) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        for field in citizenFields {
            guard let value = data.object[field], !value.isNull else { continue }
            if field == "NgayThangNamSinh" {
                guard let text = value.asString, let iso = isoDate(fromC06: text) else {
                    throw .badUpstreamResponse("C06: NgayThangNamSinh is not a dd/MM/yyyy date")
                }
                members.append((field, .string(iso)))
            } else {
                members.append((field, value))
            }
        }
        for required in ["SoDinhDanh", "HoVaTen", "NgayThangNamSinh", "GioiTinh", "QuocTich"] where data.object[required] == nil {
            throw data.missing(required, "present")
        }
        return .object(JSONObject(members))
    }

    /// The answer to a verification, in our response schema's shape.
    static func verification(from data: UpstreamJSON) throws(PluginError) -> JSONValue {
        guard let exists = data.object["TonTai"]?.asBool else { throw data.missing("TonTai", "true or false") }
        guard exists else { return ["TonTai": false] }
        let comparison = try data.nested("KetQuaDoiChieu")
        guard let name = comparison.object["HoVaTen"]?.asBool, let birthDate = comparison.object["NgayThangNamSinh"]?.asBool else {
            throw comparison.missing("HoVaTen and NgayThangNamSinh", "true or false")
        }
        return ["TonTai": true, "KetQuaDoiChieu": ["HoVaTen": .bool(name), "NgayThangNamSinh": .bool(birthDate)]]
    }
}
