import Testing
@testable import LienthongCore

@Suite("AgencyCode")
struct AgencyCodeTests {
    @Test(arguments: ["000.00.00.G01", "000.00.00.H41", "000.00.04.G14", "H55.242", "G01", "A.B.C.D.E"])
    func acceptsValidCodes(_ text: String) throws {
        let code = try AgencyCode(parsing: text)
        #expect(code.rawValue == text)
        #expect(code.description == text)
    }

    @Test func reportsLevelFromLastGroup() throws {
        #expect(try AgencyCode(parsing: "000.00.00.G01").level == .central)
        #expect(try AgencyCode(parsing: "000.00.00.H41").level == .provincial)
        #expect(try AgencyCode(parsing: "H55.242").level == nil)
        #expect(try AgencyCode(parsing: "000.00.04.G14").groups == ["000", "00", "04", "G14"])
    }

    @Test func acceptsExactlyThirtyFiveCharacters() throws {
        let longest = String(repeating: "1234.", count: 7).dropLast() + "1"  // 35 chars
        #expect(longest.count == 35)
        #expect(throws: Never.self) { try AgencyCode(parsing: String(longest)) }
        let error = #expect(throws: IdentifierError.self) { try AgencyCode(parsing: String(longest) + "2") }
        #expect(error?.reason == "is 36 characters long; at most 35 are allowed")
    }

    @Test(arguments: [
        ("", "is empty"),
        ("000.00.00.g01", "has 'g' (U+0067) at position 11; only 0-9, A-Z and dots are allowed"),
        ("000..00.G01", "has an empty group 2 (a dot at position 5)"),
        (".000.G01", "has an empty group 1 (a dot at position 1)"),
        ("000.00.G01.", "ends with a dot"),
        ("000.00 .G01", "has ' ' (U+0020) at position 7; only 0-9, A-Z and dots are allowed"),
        ("000.00.00.Ğ01", "has 'Ğ' (U+011E) at position 11; only 0-9, A-Z and dots are allowed"),
    ])
    func refusesWithPreciseReason(_ input: String, _ reason: String) {
        let error = #expect(throws: IdentifierError.self) { try AgencyCode(parsing: input) }
        #expect(error?.reason == reason)
        #expect(error?.kind == .agencyCode)
        #expect(error?.description == "invalid agency code \"\(input)\": \(reason)")
    }

    @Test func decodesAndRefusesThroughCodable() throws {
        let decoded = try JSONDecoder().decode([AgencyCode].self, from: Data(#"["000.00.00.G01"]"#.utf8))
        #expect(decoded == [try AgencyCode(parsing: "000.00.00.G01")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([AgencyCode].self, from: Data(#"["bad code"]"#.utf8))
        }
    }
}

import Foundation
