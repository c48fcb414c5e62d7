/// Everything the mock national systems know, generated from one seed: the same seed always
/// gives the same citizens, enterprises and parcels. Item `i` of each list is stable for a seed,
/// so tests and demos can name existing records ("citizen 0 of seed 42").
public struct MockDataSet: Sendable {
    public let seed: UInt64
    public let citizens: CitizenRegistry
    public let enterprises: [Enterprise]
    public let parcels: [LandParcel]
    private let enterpriseByCode: [String: Int]
    private let parcelByKey: [LandParcelKey: Int]

    /// Sizes of the generated lists.
    public struct Sizes: Sendable {
        public var citizens: Int
        public var enterprises: Int
        public var parcels: Int

        public init(citizens: Int = CitizenRegistry.defaultCount, enterprises: Int = 3_000, parcels: Int = 5_000) {
            self.citizens = citizens
            self.enterprises = enterprises
            self.parcels = parcels
        }
    }

    public init(seed: UInt64, sizes: Sizes = Sizes()) {
        self.seed = seed
        let citizens = CitizenRegistry(seed: seed, count: sizes.citizens)
        var enterprises: [Enterprise] = []
        var enterpriseByCode: [String: Int] = [:]
        for index in 0..<max(0, sizes.enterprises) {
            let enterprise = Enterprise.generate(
                index: index, seed: seed, citizens: citizens, taken: enterpriseByCode)
            enterpriseByCode[enterprise.code] = index
            enterprises.append(enterprise)
        }
        var parcels: [LandParcel] = []
        var parcelByKey: [LandParcelKey: Int] = [:]
        for index in 0..<max(0, sizes.parcels) {
            let parcel = LandParcel.generate(
                index: index, seed: seed, citizens: citizens, enterprises: enterprises, taken: parcelByKey)
            parcelByKey[parcel.key] = index
            parcels.append(parcel)
        }
        self.citizens = citizens
        self.enterprises = enterprises
        self.parcels = parcels
        self.enterpriseByCode = enterpriseByCode
        self.parcelByKey = parcelByKey
    }

    public func enterprise(code: String) -> Enterprise? { enterpriseByCode[code].map { enterprises[$0] } }

    public func parcel(_ key: LandParcelKey) -> LandParcel? { parcelByKey[key].map { parcels[$0] } }
}
