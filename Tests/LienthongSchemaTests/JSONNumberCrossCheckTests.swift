import Testing

@testable import LienthongSchema

/// Exact number semantics against Python's `fractions.Fraction` on random literals: ordering,
/// equality, `isInteger` and `isMultiple(of:)` must match rational arithmetic exactly.
@Suite("JSONNumber cross-checked against Python's Fraction")
struct JSONNumberCrossCheckTests {
    /// Reads `a b` literal pairs; answers `<cmp> <a is integer> <a multiple of b>`.
    private static let pythonOracle = #"""
        import sys
        from fractions import Fraction
        from decimal import Decimal
        for line in sys.stdin:
            a, b = (Fraction(Decimal(x)) for x in line.split())
            cmp = (a > b) - (a < b)
            multiple = b != 0 and (a / b).denominator == 1
            print(cmp, int(a.denominator == 1), int(multiple))
        """#

    @Test func agreesWithExactRationalArithmetic() throws {
        var generator = SplitMix64(seed: 6901)
        var pairs: [(String, String)] = []
        for _ in 0..<3000 {
            let a = Self.literal(using: &generator)
            // Often derive b from a, so equal values and exact multiples really occur.
            let b: String
            switch generator.next() % 4 {
            case 0: b = Self.respelled(a, using: &generator)
            case 1: b = Self.literal(using: &generator, maxDigits: 3)
            default: b = Self.literal(using: &generator)
            }
            pairs.append((a, b))
        }
        let answers = try PythonOracle.run(Self.pythonOracle, lines: pairs.map { "\($0.0) \($0.1)" })
        try #require(answers.count == pairs.count)

        var equalPairs = 0, multiples = 0
        for ((aText, bText), answer) in zip(pairs, answers) {
            let a = try #require(JSONNumber(validating: aText)), b = try #require(JSONNumber(validating: bText))
            let fields = answer.split(separator: " ").compactMap { Int($0) }
            try #require(fields.count == 3, "python said \(answer)")
            let order = a < b ? -1 : (b < a ? 1 : 0)
            #expect(order == fields[0], "order of \(aText) and \(bText)")
            #expect((a == b) == (fields[0] == 0), "equality of \(aText) and \(bText)")
            if a == b { #expect(a.hashValue == b.hashValue, "hash of \(aText) and \(bText)") }
            #expect(a.isInteger == (fields[1] == 1), "isInteger of \(aText)")
            #expect(a.isMultiple(of: b) == (fields[2] == 1), "\(aText) multiple of \(bText)")
            if fields[0] == 0 { equalPairs += 1 }
            if fields[2] == 1 { multiples += 1 }
        }
        #expect(equalPairs > 100)
        #expect(multiples > 300)
    }

    /// Random literals: small and wide coefficients, fractions, exponents up to ±400.
    private static func literal(using generator: inout SplitMix64, maxDigits: Int = 45) -> String {
        var text = generator.next() % 4 == 0 ? "-" : ""
        let digits = 1 + Int(generator.next() % UInt64(maxDigits))
        var integer = String(1 + generator.next() % 9)
        for _ in 1..<digits { integer += String(generator.next() % 10) }
        if generator.next() % 10 == 0 { integer = "0" }
        text += integer
        if generator.next() % 2 == 0 {
            var fraction = ""
            for _ in 0..<(1 + Int(generator.next() % 25)) { fraction += String(generator.next() % 10) }
            text += "." + fraction
        }
        if generator.next() % 2 == 0 { text += "e" + String(Int(generator.next() % 801) - 400) }
        return text
    }

    /// The same value written differently: the decimal point moved into the exponent, and
    /// sometimes a trailing zero added.
    private static func respelled(_ literal: String, using generator: inout SplitMix64) -> String {
        let number = JSONNumber(literal: literal)
        guard let value = number.exactValue else { return literal }
        let digits = value.digits.map { String($0) }.joined()
        let zeros = String(repeating: "0", count: Int(generator.next() % 3))
        return (value.isNegative ? "-" : "") + "0." + digits + zeros + "e" + String(value.exponent + value.digitCount)
    }
}
