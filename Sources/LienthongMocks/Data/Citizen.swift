/// A citizen of the mock population database, as C06 records them.
public struct Citizen: Sendable, Hashable {
    /// 12-digit personal identification number (số định danh cá nhân).
    public let soDinhDanh: String
    /// 9-digit former identity card number, for people old enough to have had one.
    public let soCMND: String?
    public let fullName: String
    /// "1" male, "2" female, as C06 codes gender.
    public let gender: String
    public let birthYear: Int
    public let birthMonth: Int
    public let birthDay: Int
    /// Two-digit ethnic group code ("01" Kinh).
    public let ethnicGroup: String
    let birthPlace: Commune
    let residence: Commune
    let residenceDetail: String
    let fatherName: String
    let motherName: String

    /// The date of birth as ISO 8601 (YYYY-MM-DD).
    public var isoBirthDate: String {
        "\(birthYear)-\(Self.twoDigits(birthMonth))-\(Self.twoDigits(birthDay))"
    }

    /// The date of birth the way C06 writes it (dd/MM/yyyy).
    public var c06BirthDate: String {
        "\(Self.twoDigits(birthDay))/\(Self.twoDigits(birthMonth))/\(birthYear)"
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

extension Citizen {
    /// Generates citizen `index` of the stream for `seed`; `taken` holds the numbers already
    /// issued, so a number is never issued twice.
    static func generate(index: Int, seed: UInt64, taken: Set<String>) -> Citizen {
        var generator = SeededGenerator(seed: seed, stream: 1, index: index)
        let gender = Int.random(in: 0..<2, using: &generator) == 0 ? "1" : "2"
        let year = Int.random(in: 1940...2007, using: &generator)
        let month = Int.random(in: 1...12, using: &generator)
        let day = Int.random(in: 1...daysIn(month: month, year: year), using: &generator)
        let birthPlace = AdministrativeUnits.randomCommune(using: &generator)
        let residence = Int.random(in: 0..<4, using: &generator) == 0
            ? AdministrativeUnits.randomCommune(using: &generator) : birthPlace
        let fullName = VietnameseNames.fullName(gender: gender, using: &generator)
        let familyName = String(fullName.split(separator: " ")[0])
        let fatherName = familyName + " " + VietnameseNames.fullName(gender: "1", using: &generator)
            .split(separator: " ").dropFirst().joined(separator: " ")
        let motherName = VietnameseNames.fullName(gender: "2", using: &generator)
        // Digit 4 encodes gender and century: 0/1 for men/women born in the 1900s, 2/3 in the 2000s.
        let centuryDigit = (year >= 2000 ? 2 : 0) + (gender == "1" ? 0 : 1)
        let prefix = "0" + birthPlace.province.code + String(centuryDigit) + Citizen.twoDigits(year % 100)
        var number = prefix + generator.digits(6)
        while taken.contains(number) { number = prefix + generator.digits(6) }
        let ethnic = Int.random(in: 0..<10, using: &generator) < 8
            ? "01" : Citizen.twoDigits(Int.random(in: 2...54, using: &generator))
        return Citizen(
            soDinhDanh: number,
            soCMND: year < 1995 ? generator.digits(9) : nil,
            fullName: fullName,
            gender: gender,
            birthYear: year, birthMonth: month, birthDay: day,
            ethnicGroup: ethnic,
            birthPlace: birthPlace,
            residence: residence,
            residenceDetail: VietnameseNames.streetAddress(using: &generator),
            fatherName: fatherName,
            motherName: motherName)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
