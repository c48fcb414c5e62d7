import LienthongSchema

/// A parcel as the land database's REST API returns it (camelCase names, areas in m²).
enum LandParcelRecord {
    static func json(_ parcel: LandParcel) -> JSONValue {
        let users: [JSONValue] = parcel.users.map { user in
            switch user {
            case .person(let citizen):
                ["loai": "CaNhan", "hoTen": .string(citizen.fullName), "soDinhDanh": .string(citizen.soDinhDanh),
                 "namSinh": .number(JSONNumber(citizen.birthYear))]
            case .organisation(let enterprise):
                ["loai": "ToChuc", "tenToChuc": .string(enterprise.name), "maSoDoanhNghiep": .string(enterprise.code)]
            }
        }
        return [
            "maXa": .string(parcel.communeCode),
            "soHieuToBanDo": .number(JSONNumber(parcel.mapSheet)),
            "soThuTuThua": .number(JSONNumber(parcel.parcelNumber)),
            "dienTich": area(parcel.areaTenths),
            "diaChi": .string(parcel.address),
            "mucDichSuDung": .array(parcel.uses.map { use in
                ["kyHieu": .string(use.code), "dienTich": area(use.areaTenths), "thoiHan": .string(use.term)]
            }),
            "nguonGoc": .string(parcel.origin),
            "nguoiSuDung": .array(users),
            "giayChungNhan": [
                "soPhatHanh": .string(parcel.certificateSerial), "soVaoSo": .string(parcel.certificateEntry),
                "ngayCap": .string(parcel.certificateDate), "coQuanCap": .string(parcel.certificateIssuer),
            ],
        ]
    }

    /// Tenths of a square metre as an exact decimal number (1523 → 152.3).
    static func area(_ tenths: Int) -> JSONValue {
        let literal = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        return .number(JSONNumber(literal: literal))
    }
}
