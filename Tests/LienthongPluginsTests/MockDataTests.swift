import LienthongMocks
import Testing

@Suite("Seeded mock data")
struct MockDataTests {
    @Test("the population holds at least 10,000 citizens with unique 12-digit numbers")
    func populationSize() {
        let citizens = TestData.shared.citizens.citizens
        #expect(citizens.count >= 10_000)
        #expect(Set(citizens.map(\.soDinhDanh)).count == citizens.count)
        #expect(citizens.allSatisfy { $0.soDinhDanh.count == 12 && $0.soDinhDanh.allSatisfy(\.isNumber) })
    }

    @Test("the same seed gives the same data; another seed gives other data")
    func determinism() {
        let sizes = MockDataSet.Sizes(citizens: 500, enterprises: 100, parcels: 100)
        let first = MockDataSet(seed: 9, sizes: sizes)
        let second = MockDataSet(seed: 9, sizes: sizes)
        let other = MockDataSet(seed: 10, sizes: sizes)
        #expect(first.citizens.citizens == second.citizens.citizens)
        #expect(first.enterprises == second.enterprises)
        #expect(first.parcels == second.parcels)
        #expect(first.citizens.citizens != other.citizens.citizens)
        // Citizen i does not depend on how many are generated.
        #expect(MockDataSet(seed: 9, sizes: .init(citizens: 10, enterprises: 0, parcels: 0)).citizens.citizens
            == Array(first.citizens.citizens.prefix(10)))
    }

    @Test("personal numbers encode birth province, gender and century, and year of birth")
    func personalNumberStructure() {
        for citizen in TestData.shared.citizens.citizens.prefix(2_000) {
            let digits = Array(citizen.soDinhDanh)
            let centuryDigit = Int(String(digits[3])) ?? -1
            let expected = (citizen.birthYear >= 2000 ? 2 : 0) + (citizen.gender == "1" ? 0 : 1)
            #expect(centuryDigit == expected, "\(citizen.soDinhDanh) born \(citizen.birthYear) gender \(citizen.gender)")
            #expect(String(digits[4...5]) == String(citizen.isoBirthDate.dropFirst(2).prefix(2)))
        }
    }

    @Test("names are Vietnamese with diacritics; women and men get matching middle names")
    func names() {
        let citizens = TestData.shared.citizens.citizens
        let families = Set(citizens.map { String($0.fullName.split(separator: " ")[0]) })
        #expect(families.isSuperset(of: ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng"]))
        let women = citizens.filter { $0.gender == "2" }
        #expect(women.contains { $0.fullName.contains(" Thị ") })
        #expect(!citizens.filter { $0.gender == "1" }.contains { $0.fullName.contains(" Thị ") })
    }

    @Test("every enterprise has exactly one main line of business and a 10-digit code")
    func enterprises() {
        for enterprise in TestData.shared.enterprises {
            #expect(enterprise.activities.filter(\.isMain).count == 1)
            #expect(enterprise.code.count == 10)
            #expect(enterprise.name.hasPrefix("CÔNG TY "))
        }
    }

    @Test("land uses of a parcel add up to its area and owners are citizens of the data set")
    func parcels() {
        let data = TestData.shared
        for parcel in data.parcels.prefix(500) {
            #expect(parcel.areaTenths > 0)
            #expect(parcel.communeCode.count == 5)
            for user in parcel.users {
                if case .person(let citizen) = user {
                    #expect(data.citizens.citizen(soDinhDanh: citizen.soDinhDanh) == citizen)
                }
            }
        }
    }
}
