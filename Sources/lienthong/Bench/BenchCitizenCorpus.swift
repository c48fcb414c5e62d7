import Foundation

/// A deterministic JSON document of citizen records shaped like a population-database (C06) reply,
/// so compression figures reflect real payloads: Vietnamese text with diacritics, repeated keys,
/// 12-digit identifiers and dates.
enum BenchCitizenCorpus {
    /// Builds a document of at least `minimumBytes` bytes; the same size always gives the same bytes.
    static func make(minimumBytes: Int, seed: UInt64 = 2_024) throws -> [UInt8] {
        var random = SplitMix64(state: seed)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var records: [UInt8] = []
        var count = 0
        while records.count < minimumBytes {
            if count > 0 { records.append(UInt8(ascii: ",")) }
            records += try encoder.encode(citizen(&random))
            count += 1
        }
        let head = #"{"MaYeuCau":"C06-\#(seed)","SoBanGhi":\#(count),"DanhSach":["#
        return Array(head.utf8) + records + Array("]}".utf8)
    }

    /// One record, keyed with the population database's field names.
    private static func citizen(_ random: inout SplitMix64) -> [String: String] {
        let province = random.pick(provinces)
        let isFemale = random.below(2) == 1
        let year = 1940 + random.below(66)
        // Identity number: province code, sex-and-century digit, two year digits, six serial digits.
        let centuryDigit = (year >= 2000 ? 2 : 0) + (isFemale ? 1 : 0)
        let identity = province.code + "\(centuryDigit)" + pad(year % 100, 2) + pad(random.below(1_000_000), 6)
        let middle = isFemale ? random.pick(femaleMiddleNames) : random.pick(maleMiddleNames)
        let name = "\(random.pick(surnames)) \(middle) \(random.pick(givenNames))"
        let birth = "\(pad(1 + random.below(28), 2))/\(pad(1 + random.below(12), 2))/\(year)"
        let home = address(in: province, &random)
        let movedAway = random.below(5) == 0
        return [
            "SoDinhDanh": identity,
            "HoVaTen": name,
            "NgayThangNamSinh": birth,
            "GioiTinh": isFemale ? "Nữ" : "Nam",
            "DanToc": random.below(10) < 8 ? "Kinh" : random.pick(ethnicGroups),
            "TonGiao": random.below(10) < 7 ? "Không" : random.pick(religions),
            "QuocTich": "Việt Nam",
            "QueQuan": "\(random.pick(province.districts)), \(province.name)",
            "NoiThuongTru": home,
            "NoiOHienTai": movedAway ? address(in: random.pick(provinces), &random) : home,
            "TinhTrangHonNhan": year > 2000 ? "Chưa kết hôn" : random.pick(maritalStatuses),
            "SoDienThoai": "0" + random.pick(["3", "5", "7", "8", "9"]) + pad(random.below(100_000_000), 8),
        ]
    }

    private static func address(in province: Province, _ random: inout SplitMix64) -> String {
        "Số \(1 + random.below(300)) \(random.pick(streets)), Phường \(1 + random.below(20)), "
            + "\(random.pick(province.districts)), \(province.name)"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private struct Province {
        let code: String
        let name: String
        let districts: [String]
    }

    private static let provinces = [
        Province(code: "001", name: "Thành phố Hà Nội",
                 districts: ["Quận Ba Đình", "Quận Hoàn Kiếm", "Quận Đống Đa", "Quận Cầu Giấy", "Huyện Sóc Sơn"]),
        Province(code: "079", name: "Thành phố Hồ Chí Minh",
                 districts: ["Quận 1", "Quận 3", "Quận Bình Thạnh", "Thành phố Thủ Đức", "Huyện Củ Chi"]),
        Province(code: "048", name: "Thành phố Đà Nẵng",
                 districts: ["Quận Hải Châu", "Quận Thanh Khê", "Quận Sơn Trà", "Huyện Hòa Vang"]),
        Province(code: "031", name: "Thành phố Hải Phòng",
                 districts: ["Quận Hồng Bàng", "Quận Lê Chân", "Huyện Thủy Nguyên"]),
        Province(code: "046", name: "Tỉnh Thừa Thiên Huế",
                 districts: ["Thành phố Huế", "Thị xã Hương Thủy", "Huyện Phú Vang"]),
        Province(code: "092", name: "Thành phố Cần Thơ",
                 districts: ["Quận Ninh Kiều", "Quận Cái Răng", "Huyện Phong Điền"]),
        Province(code: "038", name: "Tỉnh Thanh Hóa",
                 districts: ["Thành phố Thanh Hóa", "Thị xã Bỉm Sơn", "Huyện Tĩnh Gia", "Huyện Hoằng Hóa"]),
        Province(code: "040", name: "Tỉnh Nghệ An",
                 districts: ["Thành phố Vinh", "Thị xã Cửa Lò", "Huyện Diễn Châu", "Huyện Nghi Lộc"]),
    ]
    private static let surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
                                   "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
    private static let maleMiddleNames = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành", "Công", "Gia"]
    private static let femaleMiddleNames = ["Thị", "Ngọc", "Thu", "Thanh", "Mai", "Bảo", "Khánh", "Phương"]
    private static let givenNames = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu",
                                     "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam",
                                     "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tú", "Tuấn", "Vy"]
    private static let streets = ["Phố Huế", "Đường Láng", "Đường Lê Lợi", "Đường Trần Hưng Đạo",
                                  "Đường Nguyễn Trãi", "Phố Hàng Bài", "Đường Hai Bà Trưng", "Đường Võ Văn Kiệt"]
    private static let ethnicGroups = ["Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "H'Mông", "Dao"]
    private static let religions = ["Phật giáo", "Công giáo", "Tin Lành", "Cao Đài", "Phật giáo Hòa Hảo"]
    private static let maritalStatuses = ["Đã kết hôn", "Chưa kết hôn", "Ly hôn", "Góa"]
}

/// SplitMix64: a tiny generator whose sequence is fixed by its seed, unlike the standard library's
/// `random(in:using:)`, whose use of the generator may change between toolchains.
private struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (the slight modulo bias does not matter for test data).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(1, bound)))
    }

    mutating func pick<Element>(_ choices: [Element]) -> Element {
        choices[below(choices.count)]
    }
}
