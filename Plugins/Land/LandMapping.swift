import LienthongPluginAPI
import LienthongSchema

/// Maps the land database's camelCase parcel record to our `land.parcel.lookup/v1` response.
enum LandMapping {
    static func parcel(from data: UpstreamJSON) throws(PluginError) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("MaXa", .string(try data.string("maXa"))),
            ("SoHieuToBanDo", try integer(data, "soHieuToBanDo")),
            ("SoThuTuThua", try integer(data, "soThuTuThua")),
            ("DienTich", try number(data, "dienTich")),
        ]
        if let address = try data.optionalString("diaChi") { members.append(("DiaChiThuaDat", .string(address))) }
        var uses: [JSONValue] = []
        for (index, element) in try data.array("mucDichSuDung").enumerated() {
            let use = try UpstreamJSON(element, system: data.system, path: "/mucDichSuDung/\(index)")
            uses.append([
                "KyHieuMucDichSuDung": .string(try use.string("kyHieu")),
                "DienTich": try number(use, "dienTich"),
                "ThoiHanSuDung": .string(try use.string("thoiHan")),
            ])
        }
        members.append(("MucDichSuDung", .array(uses)))
        if let origin = try data.optionalString("nguonGoc") { members.append(("NguonGocSuDung", .string(origin))) }
        var users: [JSONValue] = []
        for (index, element) in try data.array("nguoiSuDung").enumerated() {
            users.append(try user(UpstreamJSON(element, system: data.system, path: "/nguoiSuDung/\(index)")))
        }
        members.append(("NguoiSuDung", .array(users)))
        if data.object["giayChungNhan"] != nil, data.object["giayChungNhan"]?.isNull == false {
            let certificate = try data.nested("giayChungNhan")
            var fields: [(key: String, value: JSONValue)] = [("SoPhatHanh", .string(try certificate.string("soPhatHanh")))]
            if let entry = try certificate.optionalString("soVaoSo") { fields.append(("SoVaoSo", .string(entry))) }
            fields.append(("NgayCap", .string(try certificate.string("ngayCap"))))
            fields.append(("CoQuanCap", .string(try certificate.string("coQuanCap"))))
            members.append(("GiayChungNhan", .object(JSONObject(fields))))
        }
        return .object(JSONObject(members))
    }

    private static func user(_ user: UpstreamJSON) throws(PluginError) -> JSONValue {
        switch try user.string("loai") {
        case "CaNhan":
            var fields: [(key: String, value: JSONValue)] = [("LoaiDoiTuong", "CaNhan"), ("HoVaTen", .string(try user.string("hoTen")))]
            if let number = try user.optionalString("soDinhDanh") { fields.append(("SoDinhDanh", .string(number))) }
            if let year = user.object["namSinh"], !year.isNull { fields.append(("NamSinh", try integer(user, "namSinh"))) }
            return .object(JSONObject(fields))
        case "ToChuc":
            var fields: [(key: String, value: JSONValue)] = [("LoaiDoiTuong", "ToChuc"), ("TenToChuc", .string(try user.string("tenToChuc")))]
            if let code = try user.optionalString("maSoDoanhNghiep") { fields.append(("MaSoDoanhNghiep", .string(code))) }
            return .object(JSONObject(fields))
        case let other:
            throw .badUpstreamResponse("land database: unknown kind of land user \"\(other)\" at \(user.path)")
        }
    }

    private static func integer(_ data: UpstreamJSON, _ key: String) throws(PluginError) -> JSONValue {
        guard let number = data.object[key]?.asNumber, number.isInteger else { throw data.missing(key, "an integer") }
        return .number(number)
    }

    private static func number(_ data: UpstreamJSON, _ key: String) throws(PluginError) -> JSONValue {
        guard let number = data.object[key]?.asNumber else { throw data.missing(key, "a number") }
        return .number(number)
    }
}
