import Testing

@testable import LienthongSchema

@Suite struct FormatCheckerTests {
    static let expectedFormats: Set<String> = [
        "date", "time", "date-time", "duration", "email", "idn-email", "hostname", "idn-hostname",
        "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uri-template", "uuid",
        "json-pointer", "relative-json-pointer", "regex",
    ]

    @Test func knownFormatsAreTheSpecificationsFormats() {
        #expect(FormatChecker.knownFormats == Self.expectedFormats)
        for format in Self.expectedFormats {
            #expect(FormatChecker.check(format, "") != nil, "\(format)")
        }
    }

    @Test func unknownFormatsAreNotJudged() {
        #expect(FormatChecker.check("color", "red") == nil)
        #expect(FormatChecker.check("Date", "2020-01-01") == nil)  // format names are case-sensitive
        #expect(FormatChecker.check("", "") == nil)
    }

    @Test(arguments: [
        ("2eb8aa08-aa98-11ea-b4aa-73b441d16380", true), ("2EB8AA08-AA98-11EA-B4AA-73B441D16380", true),
        ("{2eb8aa08-aa98-11ea-b4aa-73b441d16380}", false), ("2eb8aa08-aa98-11ea-b4aa-73b441d1638g", false),
        ("2eb8aa08-aa98-11ea-b4aa_73b441d16380", false), ("", false),
    ])
    func uuid(value: String, valid: Bool) {
        #expect(FormatChecker.check("uuid", value) == valid, "\(value)")
    }

    @Test func regexDelegatesToECMARegex() {
        #expect(FormatChecker.check("regex", "^[a-z]+$") == true)
        #expect(FormatChecker.check("regex", "(") == false)
    }

    /// Mutations of valid values (bytes dropped, duplicated, replaced by ASCII and multi-byte
    /// characters, truncated mid-way) must be judged without trapping: debug builds check every
    /// buffer access, so an out-of-bounds read would crash this test.
    @Test func mutatedInputNeverTraps() {
        let seeds = [
            "2020-02-29T23:59:60.5+01:00", "P1Y2M3DT4H5M6S", "\"a b\"@[IPv6:::ffff:1.2.3.4]",
            "user@xn--bcher-kva.example", "1:2::3:4.5.6.7", "http://u@[v1.x]:80/p?q#f", "{+a,b:12*}",
            "0/a~0b", "例子。xn--4dbc5h.ب\u{200C}\u{0627}", "2eb8aa08-aa98-11ea-b4aa-73b441d16380",
        ]
        let replacements: [String] = [
            "", "-", ".", ":", "@", "[", "]", "%", "~", "#", "{", "}", "0", "9", "a", "Z", "ü", "。",
            "\u{200C}", "\u{10FFFD}", "\"", "\\", "x", "xn--", "::", "T", "Z",
        ]
        var generator = SplitMix64(seed: 42)
        var judged = 0
        for seed in seeds {
            for _ in 0..<150 {
                var scalars = Array(seed.unicodeScalars)
                for _ in 0...(generator.next() % 3) where !scalars.isEmpty {
                    let position = Int(generator.next() % UInt64(scalars.count))
                    let replacement = replacements[Int(generator.next() % UInt64(replacements.count))]
                    scalars.replaceSubrange(position...position, with: replacement.unicodeScalars)
                }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                let mutated = String(view)
                for format in Self.expectedFormats where format != "regex" {
                    let first = FormatChecker.check(format, mutated)
                    #expect(first != nil)
                    #expect(FormatChecker.check(format, mutated) == first)
                    judged += 1
                }
            }
        }
        #expect(judged == seeds.count * 150 * (Self.expectedFormats.count - 1))
    }
}
