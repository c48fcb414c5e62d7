/// The mock population database: `count` citizens generated from `seed`. Citizen `i` of seed `s`
/// is always the same person, so tests can name existing records (`citizens[i]`).
public struct CitizenRegistry: Sendable {
    /// Citizens in generation order.
    public let citizens: [Citizen]
    private let byNumber: [String: Int]

    /// How many citizens a registry holds unless told otherwise.
    public static let defaultCount = 12_000

    public init(seed: UInt64, count: Int = CitizenRegistry.defaultCount) {
        var citizens: [Citizen] = []
        citizens.reserveCapacity(count)
        var byNumber: [String: Int] = [:]
        byNumber.reserveCapacity(count)
        var taken = Set<String>()
        for index in 0..<max(0, count) {
            let citizen = Citizen.generate(index: index, seed: seed, taken: taken)
            taken.insert(citizen.soDinhDanh)
            byNumber[citizen.soDinhDanh] = index
            citizens.append(citizen)
        }
        self.citizens = citizens
        self.byNumber = byNumber
    }

    /// The citizen with personal identification number `soDinhDanh`, if any.
    public func citizen(soDinhDanh: String) -> Citizen? {
        byNumber[soDinhDanh].map { citizens[$0] }
    }
}
