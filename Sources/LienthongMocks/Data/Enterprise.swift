/// An enterprise of the mock business registration database (NGSP).
public struct Enterprise: Sendable, Hashable {
    /// Line of business: VSIC 2018 code and name.
    public struct Activity: Sendable, Hashable {
        public let code: String
        public let name: String
        public let isMain: Bool
    }

    /// 10-digit enterprise code, which is also the tax code.
    public let code: String
    public let name: String
    public let shortName: String
    public let foundingDate: String
    /// Status as NGSP words it (e.g. "Đang hoạt động"); see `EnterpriseStatus`.
    public let status: String
    public let legalRepresentatives: [String]
    public let streetNumber: String
    let commune: Commune
    public let activities: [Activity]

    var cityName: String { commune.province.name }
    var wardName: String { commune.name }
}

/// The operating statuses NGSP reports, in words.
public enum EnterpriseStatus {
    public static let all: [String] = [
        "Đang hoạt động", "Tạm ngừng kinh doanh", "Không hoạt động tại địa chỉ đã đăng ký",
        "Đang làm thủ tục giải thể", "Đã giải thể", "Bị thu hồi giấy chứng nhận đăng ký doanh nghiệp", "Phá sản",
    ]
}

extension Enterprise {
    private static let vsic: [(String, String)] = [
        ("4690", "Bán buôn tổng hợp"), ("4933", "Vận tải hàng hóa bằng đường bộ"),
        ("5610", "Nhà hàng và các dịch vụ ăn uống phục vụ lưu động"), ("6201", "Lập trình máy vi tính"),
        ("6202", "Tư vấn máy vi tính và quản trị hệ thống máy vi tính"), ("4101", "Xây dựng nhà để ở"),
        ("4312", "Chuẩn bị mặt bằng"), ("4719", "Bán lẻ khác trong các cửa hàng kinh doanh tổng hợp"),
        ("1079", "Sản xuất thực phẩm khác chưa được phân vào đâu"), ("1410", "May trang phục (trừ trang phục từ da lông thú)"),
        ("5510", "Dịch vụ lưu trú ngắn ngày"), ("6810", "Kinh doanh bất động sản, quyền sử dụng đất thuộc chủ sở hữu, chủ sử dụng hoặc đi thuê"),
        ("7020", "Hoạt động tư vấn quản lý"), ("8299", "Hoạt động dịch vụ hỗ trợ kinh doanh khác còn lại chưa được phân vào đâu"),
        ("0118", "Trồng rau, đậu các loại và trồng hoa"), ("46632", "Bán buôn xi măng"),
    ]

    private static let tradeWords = [
        "THƯƠNG MẠI", "XÂY DỰNG", "CÔNG NGHỆ", "DỊCH VỤ", "SẢN XUẤT", "VẬN TẢI", "ĐẦU TƯ", "NÔNG SẢN",
    ]
    private static let brandWords = [
        "HỒNG LAM", "SÔNG HỒNG", "AN PHÁT", "THÀNH ĐẠT", "MINH QUANG", "PHÚ THỊNH", "HẢI ĐĂNG", "TÂN VIỆT",
        "HOÀNG LONG", "ĐẠI NAM", "BÌNH MINH", "TRƯỜNG SƠN", "VIỆT HƯNG", "KIM NGÂN", "NAM PHONG",
    ]
    private static let codePrefixes = ["0100", "0101", "0102", "0106", "0300", "0301", "0310", "2900", "2901", "0200", "0400", "3500"]

    /// Generates enterprise `index` of `seed`; legal representatives are citizens of `citizens`.
    static func generate(index: Int, seed: UInt64, citizens: CitizenRegistry, taken: [String: Int]) -> Enterprise {
        var generator = SeededGenerator(seed: seed, stream: 2, index: index)
        let prefix = generator.pick(codePrefixes)
        var code = prefix + generator.digits(6)
        while taken[code] != nil { code = prefix + generator.digits(6) }
        let brand = generator.pick(brandWords)
        let trade = generator.pick(tradeWords)
        let kind = Int.random(in: 0..<3, using: &generator)
        let name: String
        let shortName: String
        switch kind {
        case 0:
            name = "CÔNG TY TNHH \(trade) \(brand)"
            shortName = "\(brand) CO., LTD"
        case 1:
            name = "CÔNG TY CỔ PHẦN \(trade) \(brand)"
            shortName = "\(brand) JSC"
        default:
            name = "CÔNG TY TNHH MỘT THÀNH VIÊN \(trade) \(brand)"
            shortName = "\(brand) ONE MEMBER CO., LTD"
        }
        let year = Int.random(in: 1995...2025, using: &generator)
        let month = Int.random(in: 1...12, using: &generator)
        let day = Int.random(in: 1...Citizen.daysIn(month: month, year: year), using: &generator)
        let statusRoll = Int.random(in: 0..<20, using: &generator)
        let status = statusRoll < 14 ? EnterpriseStatus.all[0] : EnterpriseStatus.all[statusRoll % EnterpriseStatus.all.count]
        var representatives: [String] = []
        for _ in 0..<Int.random(in: 1...2, using: &generator) where !citizens.citizens.isEmpty {
            let person = citizens.citizens[Int.random(in: 0..<citizens.citizens.count, using: &generator)]
            if !representatives.contains(person.fullName.uppercased()) {
                representatives.append(person.fullName.uppercased())
            }
        }
        if representatives.isEmpty { representatives = ["NGUYỄN VĂN AN"] }
        var chosen: [(String, String)] = []
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let activity = generator.pick(vsic)
            if !chosen.contains(where: { $0.0 == activity.0 }) { chosen.append(activity) }
        }
        return Enterprise(
            code: code, name: name, shortName: shortName,
            foundingDate: "\(year)-\(Citizen.twoDigits(month))-\(Citizen.twoDigits(day))",
            status: status, legalRepresentatives: representatives,
            streetNumber: VietnameseNames.streetAddress(using: &generator),
            commune: AdministrativeUnits.randomCommune(using: &generator),
            activities: chosen.enumerated().map { Activity(code: $0.element.0, name: $0.element.1, isMain: $0.offset == 0) })
    }
}
