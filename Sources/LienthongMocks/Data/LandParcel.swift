/// A land parcel of the mock national land database.
public struct LandParcel: Sendable, Hashable {
    /// One land use of the parcel; areas in tenths of a square metre, so they add up exactly.
    public struct Use: Sendable, Hashable {
        public let code: String
        public let areaTenths: Int
        /// "Lâu dài" or the last day of the term (YYYY-MM-DD).
        public let term: String
    }

    /// A holder of the land use right: a citizen or an enterprise.
    public enum User: Sendable, Hashable {
        case person(Citizen)
        case organisation(Enterprise)
    }

    public let communeCode: String
    public let mapSheet: Int
    public let parcelNumber: Int
    public let uses: [Use]
    public let users: [User]
    public let address: String
    public let origin: String
    public let certificateSerial: String
    public let certificateEntry: String
    public let certificateDate: String
    public let certificateIssuer: String

    public var areaTenths: Int { uses.reduce(0) { $0 + $1.areaTenths } }

    /// The key the land database looks parcels up by.
    var key: LandParcelKey { LandParcelKey(communeCode: communeCode, mapSheet: mapSheet, parcelNumber: parcelNumber) }
}

/// Commune code + map sheet + parcel number: what identifies a parcel.
public struct LandParcelKey: Sendable, Hashable {
    public let communeCode: String
    public let mapSheet: Int
    public let parcelNumber: Int

    public init(communeCode: String, mapSheet: Int, parcelNumber: Int) {
        self.communeCode = communeCode
        self.mapSheet = mapSheet
        self.parcelNumber = parcelNumber
    }
}

extension LandParcel {
    private static let serialLetters = ["AA", "AB", "BĐ", "CĐ", "CH", "CS", "CT", "DA", "DĐ"]

    /// Generates parcel `index` of `seed`, owned by citizens or enterprises of the data set.
    static func generate(
        index: Int, seed: UInt64, citizens: CitizenRegistry, enterprises: [Enterprise], taken: [LandParcelKey: Int]
    ) -> LandParcel {
        var generator = SeededGenerator(seed: seed, stream: 3, index: index)
        let commune = AdministrativeUnits.randomCommune(using: &generator)
        var key = LandParcelKey(communeCode: commune.code, mapSheet: Int.random(in: 1...60, using: &generator),
                                parcelNumber: Int.random(in: 1...900, using: &generator))
        while taken[key] != nil {
            key = LandParcelKey(communeCode: commune.code, mapSheet: key.mapSheet, parcelNumber: key.parcelNumber % 99_999 + 1)
        }
        let urban = commune.name.hasPrefix("Phường")
        let ownedByOrganisation = !enterprises.isEmpty && Int.random(in: 0..<8, using: &generator) == 0
        var uses: [Use] = []
        let users: [User]
        let origin: String
        if ownedByOrganisation {
            let enterprise = enterprises[Int.random(in: 0..<enterprises.count, using: &generator)]
            users = [.organisation(enterprise)]
            uses = [Use(code: generator.pick(["TMD", "SKC", "SKN"]), areaTenths: Int.random(in: 5_000...200_000, using: &generator),
                        term: "20\(Int.random(in: 55...75, using: &generator))-12-31")]
            origin = "Nhà nước cho thuê đất trả tiền thuê đất hằng năm"
        } else {
            let residential = Int.random(in: 300...3_000, using: &generator)
            uses.append(Use(code: urban ? "ODT" : "ONT", areaTenths: residential, term: "Lâu dài"))
            if Int.random(in: 0..<2, using: &generator) == 0 {
                uses.append(Use(code: generator.pick(["CLN", "HNK", "LUC", "NTS"]),
                                areaTenths: Int.random(in: 200...20_000, using: &generator),
                                term: "20\(Int.random(in: 43...74, using: &generator))-10-15"))
            }
            var holders: [User] = []
            if !citizens.citizens.isEmpty {
                for _ in 0..<Int.random(in: 1...2, using: &generator) {
                    let owner = citizens.citizens[Int.random(in: 0..<citizens.citizens.count, using: &generator)]
                    if !holders.contains(.person(owner)) { holders.append(.person(owner)) }
                }
            }
            users = holders
            origin = generator.pick(["Nhà nước giao đất có thu tiền sử dụng đất", "Nhận chuyển nhượng đất được công nhận quyền sử dụng đất",
                                     "Nhận thừa kế đất được công nhận quyền sử dụng đất"])
        }
        let year = Int.random(in: 1995...2025, using: &generator)
        return LandParcel(
            communeCode: key.communeCode, mapSheet: key.mapSheet, parcelNumber: key.parcelNumber,
            uses: uses, users: users,
            address: "\(VietnameseNames.streetAddress(using: &generator)), \(commune.name.lowercasedFirstWord), \(commune.province.name)",
            origin: origin,
            certificateSerial: "\(generator.pick(serialLetters)) \(generator.digits(6))",
            certificateEntry: "CH \(generator.digits(5))",
            certificateDate: "\(year)-\(Citizen.twoDigits(Int.random(in: 1...12, using: &generator)))-\(Citizen.twoDigits(Int.random(in: 1...28, using: &generator)))",
            certificateIssuer: year >= 2025 ? "Văn phòng đăng ký đất đai \(commune.province.name)" : "Sở Tài nguyên và Môi trường \(commune.province.name)")
    }
}

extension String {
    /// "Phường Trường Vinh" → "phường Trường Vinh", as addresses are written mid-sentence.
    var lowercasedFirstWord: String {
        guard let space = firstIndex(of: " ") else { return lowercased() }
        return self[..<space].lowercased() + self[space...]
    }
}
