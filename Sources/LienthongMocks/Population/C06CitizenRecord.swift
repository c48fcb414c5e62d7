import LienthongSchema

/// A citizen as the C06 API returns them: C06 field names, dates written dd/MM/yyyy.
enum C06CitizenRecord {
    static func json(_ citizen: Citizen) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("SoDinhDanh", .string(citizen.soDinhDanh))]
        if let cmnd = citizen.soCMND { members.append(("SoCMND", .string(cmnd))) }
        members += [
            ("HoVaTen", .string(citizen.fullName)),
            ("NgayThangNamSinh", .string(citizen.c06BirthDate)),
            ("GioiTinh", .string(citizen.gender)),
            ("DanToc", .string(citizen.ethnicGroup)),
            ("QuocTich", "VN"),
            ("NoiDangKyKhaiSinh", address(citizen.birthPlace, detail: nil)),
            ("QueQuan", ["MaTinh": .string(citizen.birthPlace.province.code), "TenTinh": .string(citizen.birthPlace.province.name)]),
            ("NoiThuongTru", address(citizen.residence, detail: citizen.residenceDetail)),
            ("Cha", ["HoVaTen": .string(citizen.fatherName), "QuocTich": "VN"]),
            ("Me", ["HoVaTen": .string(citizen.motherName), "QuocTich": "VN"]),
            ("ChuHo", ["HoVaTen": .string(citizen.fullName), "SoDinhDanh": .string(citizen.soDinhDanh), "QuanHeVoiChuHo": "Chủ hộ"]),
        ]
        return .object(JSONObject(members))
    }

    private static func address(_ commune: Commune, detail: String?) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("MaTinh", .string(commune.province.code)), ("TenTinh", .string(commune.province.name)),
            ("MaXa", .string(commune.code)), ("TenXa", .string(commune.name)),
        ]
        if let detail { members.append(("ChiTiet", .string(detail))) }
        return .object(JSONObject(members))
    }

    /// Whether `text` has the dd/MM/yyyy shape C06 uses.
    static func isC06Date(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4 else { return false }
        return parts.allSatisfy { $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    }
}
