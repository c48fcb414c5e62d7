/// A province or centrally governed city of the 34 units in force since 1 July 2025, with the
/// two-digit code it kept in the national list.
struct Province: Sendable, Hashable {
    let code: String
    let name: String
    /// The first code of the province's range of commune codes (real ranges grow with the code).
    let firstCommuneCode: Int
}

/// A commune, ward or special zone: five-digit code and name.
struct Commune: Sendable, Hashable {
    let code: String
    let name: String
    let province: Province
}

/// The administrative units the generated data lives in. Province names and codes are real;
/// the communes are a plausible sample per province (codes in the province's range), not the list.
enum AdministrativeUnits {
    static let provinces: [Province] = [
        ("01", "Thành phố Hà Nội", 1), ("04", "Cao Bằng", 1273), ("08", "Tuyên Quang", 2215),
        ("11", "Điện Biên", 3127), ("12", "Lai Châu", 3388), ("14", "Sơn La", 3646), ("15", "Lào Cai", 2647),
        ("19", "Thái Nguyên", 5431), ("20", "Lạng Sơn", 6040), ("22", "Quảng Ninh", 6661),
        ("24", "Bắc Ninh", 7210), ("25", "Phú Thọ", 7900), ("31", "Thành phố Hải Phòng", 11170),
        ("33", "Hưng Yên", 11950), ("37", "Ninh Bình", 14362), ("38", "Thanh Hóa", 14758),
        ("40", "Nghệ An", 16681), ("42", "Hà Tĩnh", 18070), ("44", "Quảng Trị", 19300),
        ("46", "Thành phố Huế", 19900), ("48", "Thành phố Đà Nẵng", 20194), ("51", "Quảng Ngãi", 21100),
        ("52", "Gia Lai", 21550), ("56", "Khánh Hòa", 22333), ("66", "Đắk Lắk", 24100),
        ("68", "Lâm Đồng", 24800), ("75", "Đồng Nai", 25900), ("79", "Thành phố Hồ Chí Minh", 26734),
        ("80", "Tây Ninh", 27600), ("82", "Đồng Tháp", 28200), ("86", "Vĩnh Long", 29300),
        ("91", "An Giang", 30280), ("92", "Thành phố Cần Thơ", 31100), ("96", "Cà Mau", 32000),
    ].map { Province(code: $0.0, name: $0.1, firstCommuneCode: $0.2) }

    private static let communeNames: [String] = [
        "Phường Trung Tâm", "Xã Tân Lập", "Phường Hòa Bình", "Xã Yên Thành", "Phường Quang Trung",
        "Xã Hưng Đạo", "Xã Phú Lộc", "Phường An Khánh", "Xã Đông Sơn", "Xã Vĩnh Phúc",
        "Phường Thống Nhất", "Xã Tiên Phong", "Xã Minh Khai", "Phường Hồng Hà", "Xã Kim Liên",
        "Xã Thạch Hà", "Phường Bình Minh", "Xã Tam Hiệp", "Xã Long Hưng", "Phường Tân Phú",
    ]

    /// Communes per province in the generated data.
    static let communesPerProvince = communeNames.count

    /// Commune `index` (0..<communesPerProvince) of `province`; codes step by 3 as real ones often do.
    static func commune(_ index: Int, of province: Province) -> Commune {
        let code = province.firstCommuneCode + index * 3
        let digits = String(code)
        let padded = String(repeating: "0", count: max(0, 5 - digits.count)) + digits
        return Commune(code: padded, name: communeNames[index % communeNames.count], province: province)
    }

    /// Every generated commune, by code.
    static let communesByCode: [String: Commune] = {
        var result: [String: Commune] = [:]
        for province in provinces {
            for index in 0..<communesPerProvince {
                let commune = commune(index, of: province)
                result[commune.code] = commune
            }
        }
        return result
    }()

    static func randomCommune(using generator: inout SeededGenerator) -> Commune {
        let province = generator.pick(provinces)
        return commune(Int.random(in: 0..<communesPerProvince, using: &generator), of: province)
    }
}
