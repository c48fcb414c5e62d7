import Testing

@testable import LienthongJSON

@Suite("JSONNumber: exact decimal value")
struct JSONNumberTests {
    private func number(_ literal: String) throws -> JSONNumber {
        try #require(JSONNumber(validating: literal), "\(literal) should be a JSON number")
    }

    @Test(arguments: [
        ("1", "1.0"), ("1", "1e0"), ("1", "10e-1"), ("1", "0.1e1"), ("100", "1e2"), ("1E2", "1e+2"),
        ("-0", "0"), ("0.0", "0e10"), ("-0.0e-5", "0"), ("0.0075", "75e-4"), ("-1.50", "-15e-1"),
        ("12345678901234567890123", "1.2345678901234567890123e22"),
        ("123456789012345678901234567890", "12345678901234567890123456789e1"),
    ])
    func equalValuesWrittenDifferently(_ lhs: String, _ rhs: String) throws {
        let a = try number(lhs), b = try number(rhs)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(!(a < b) && !(b < a))
        #expect(a.literal == lhs, "the literal is kept as written")
    }

    @Test(arguments: [
        ("1", "1.0000000000000000000001"), ("0.1", "0.10000000000000001"), ("-1", "1"),
        ("12345678901234567890123", "12345678901234567890124"), ("1e308", "1e307"), ("1e-5", "1e-6"),
        ("18446744073709551615", "18446744073709551616"),
    ])
    func differentValuesDiffer(_ lhs: String, _ rhs: String) throws {
        #expect(try number(lhs) != number(rhs))
    }

    @Test func hashingIsConsistentWithEqualityInASet() throws {
        let literals = ["1", "1.0", "1e0", "10e-1", "0.1e1", "-0", "0", "0.0", "0e-9", "2", "2.000", "1e400", "10e399"]
        let set = Set(try literals.map(number))
        #expect(set.count == 4)  // 1, 0, 2, 1e400
        #expect(set.contains(try number("100e-2")))
        #expect(!set.contains(try number("3")))
    }

    @Test func ordersExactlyIncludingBigAndTinyValues() throws {
        let ascending = [
            "-1e400", "-18446744073709551617", "-18446744073709551616", "-1.5", "-1", "-0.0000000000000000000000001",
            "0", "1e-1000000000", "1e-400", "0.1", "0.10000000000000000000001", "1", "12345678901234567890123",
            "12345678901234567890124", "1e308", "1.0000000000000000001e308", "1e1000000000",
        ]
        let numbers = try ascending.map(number)
        for index in numbers.indices.dropLast() {
            #expect(numbers[index] < numbers[index + 1], "\(ascending[index]) < \(ascending[index + 1])")
            #expect(!(numbers[index + 1] < numbers[index]))
        }
        #expect(numbers.reversed().sorted() == numbers)
    }

    @Test(arguments: ["0", "-7", "1.0", "1e2", "1.5e1", "12345678901234567890123", "1e308", "1e1000000000", "-0.0"])
    func integers(_ literal: String) throws {
        #expect(try number(literal).isInteger)
    }

    @Test(arguments: ["0.5", "-7.25", "1e-1", "1.55e1", "12345678901234567890123.1", "1e-1000000000"])
    func nonIntegers(_ literal: String) throws {
        #expect(try !number(literal).isInteger)
    }

    @Test(arguments: [
        ("0.0075", "0.0001", true), ("0.3", "0.1", true), ("19.99", "0.01", true), ("4.5", "1.5", true),
        ("10", "2.5", true), ("0", "0.7", true), ("-9", "3", true), ("1e308", "1e-308", true),
        ("0.00751", "0.0001", false), ("0.1", "0.3", false), ("1", "0.3", false), ("7", "2", false),
        ("1e308", "3", false), ("3e308", "3", true), ("1e1000000000", "2", true), ("1e1000000000", "7", false),
        ("1e1000000000", "1e-5", true), ("1e-1000000000", "1", false), ("5", "0", false),
        ("12345678901234567890123", "3", true), ("12345678901234567890123", "7", false),
        ("12345678901234567890123e5", "7", false), ("12345678901234567890123e5", "11", false),
        ("12345678901234567890123e5", "300000", true),
        ("18446744073709551615", "18446744073709551615", true), ("36893488147419103230", "18446744073709551615", true),
        // Dividend and divisor both wider than 64 bits.
        ("12193263113702179522618422492992648986186782045407430", "98765432109876543210987", true),
        ("12193263113702179522618422492992648986186782045407431", "98765432109876543210987", false),
        // Divisor 2^70 × 3: needs 2^70 from the power of ten, and the 3 from the coefficient.
        ("3e70", "3541774862152233910272", true), ("3e69", "3541774862152233910272", false),
        ("1e70", "3541774862152233910272", false), ("3e-30", "3541774862152233910272e-100", true),
        ("3541774862152233910272", "3541774862152233910272e1", false),
        ("3e1000000000", "3541774862152233910272", true),
    ])
    func multiples(_ dividend: String, _ divisor: String, _ expected: Bool) throws {
        #expect(try number(dividend).isMultiple(of: number(divisor)) == expected)
    }

    @Test func pathologicalExponentsAreCheapAndSensible() throws {
        let tiny = try number("1e-1000000000"), huge = try number("1e1000000000"), one = try number("1")
        #expect(tiny < one && one < huge)
        #expect(tiny != one)
        #expect(tiny.doubleValue == 0)
        #expect(huge.doubleValue == .infinity)
        #expect(huge.intValue == nil)
        // Beyond the clamping bound (about 1.15e18) order against ordinary numbers still holds.
        let beyond = try number("1e99999999999999999999999999")
        let beyondNegativeExponent = try number("-1e-99999999999999999999999999")
        #expect(huge < beyond)
        #expect(beyondNegativeExponent < JSONNumber(0) && JSONNumber(-1) < beyondNegativeExponent)
        #expect(beyond.isInteger)
        #expect(try number("1e999999999999999999999999999999").isMultiple(of: number("7")) == false)
    }

    @Test func doubleValueIsTheNearestDouble() throws {
        #expect(try number("0.1").doubleValue == 0.1)
        #expect(try number("-2.5e-3").doubleValue == -0.0025)
        #expect(try number("1e308").doubleValue == 1e308)
        #expect(try number("1e400").doubleValue == .infinity)
        #expect(try number("-1e400").doubleValue == -.infinity)
        #expect(try number("9007199254740993").doubleValue == 9007199254740992)
        #expect(try number("12345678901234567890123").doubleValue == 1.2345678901234568e22)
        #expect(try number("4.9406564584124654e-324").doubleValue == .leastNonzeroMagnitude)
    }

    @Test func intValueOnlyForIntegersThatFit() throws {
        #expect(try number("2.0").intValue == 2)
        #expect(try number("-3e2").intValue == -300)
        #expect(try number("2.5").intValue == nil)
        #expect(try number("9223372036854775807").intValue == Int.max)
        #expect(try number("-9223372036854775808").intValue == Int.min)
        #expect(try number("9223372036854775808").intValue == nil)
        #expect(try number("1e18").intValue == 1_000_000_000_000_000_000)
        #expect(try number("1e19").intValue == nil)
        #expect(try number("0").intValue == 0)
    }

    @Test func builtFromSwiftValues() throws {
        #expect(try JSONNumber(42) == number("42.0"))
        #expect(JSONNumber(Int.min).literal == "-9223372036854775808")
        #expect(try JSONNumber(0.1) == number("0.1"), "a Double becomes its shortest round-trip decimal")
        #expect(try JSONNumber(1e300) == number("1e300"))
        #expect(try JSONNumber(-0.0) == number("0"))
        let literal: JSONNumber = 2.5
        #expect(try literal == number("25e-1"))
        #expect(JSONNumber(exactly: .nan) == nil)
        #expect(JSONNumber(exactly: .infinity) == nil)
        #expect(try JSONNumber(exactly: 1.5) == number("1.5"))
    }

    @Test(arguments: ["+1", ".5", "1.", "01", "-", "1e", " 1", "1 ", "NaN", "inf", "0x10", "", "1.5e+", "--1"])
    func textThatIsNotAJSONNumberIsNotWellFormed(_ literal: String) throws {
        #expect(JSONNumber(validating: literal) == nil)
        let number = JSONNumber(literal: literal)
        #expect(!number.isWellFormed)
        #expect(number.literal == literal)
        #expect(!number.isInteger)
        #expect(!number.isMultiple(of: JSONNumber(1)))
        #expect(number == JSONNumber(literal: literal))
        #expect(number != JSONNumber(1))
        #expect(JSONNumber(1e300) < number, "not well-formed numbers sort after every number")
        #expect(JSONValue.number(number).serialized() == "null")
    }

    @Test func nonFiniteDoublesAreNotWellFormed() {
        #expect(!JSONNumber(Double.nan).isWellFormed)
        #expect(!JSONNumber(Double.infinity).isWellFormed)
        #expect(JSONNumber(Double.infinity) != JSONNumber(-Double.infinity))
    }
}
