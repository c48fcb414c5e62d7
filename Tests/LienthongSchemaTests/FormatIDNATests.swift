import Testing

@testable import LienthongSchema

@Suite struct FormatIDNATests {
    private func check(_ format: String, _ value: String) -> Bool? { FormatChecker.check(format, value) }

    private func decode(_ text: String) -> [Unicode.Scalar]? {
        Array(text.utf8).withUnsafeBufferPointer { Punycode.decode($0) }
    }

    /// Sample strings of RFC 3492 §7.1 and the German example of RFC 3490.
    @Test(arguments: [
        ("bücher", "bcher-kva"),
        ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
        ("Pročprostěnemluvíčesky", "Proprostnemluvesky-uyb24dma41a"),
        ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"),
        ("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn"),
    ])
    func punycodeSamples(unicode: String, encoded: String) throws {
        let scalars = Array(unicode.unicodeScalars)
        let output = try #require(Punycode.encode(scalars))
        #expect(String(decoding: output, as: UTF8.self) == encoded)
        #expect(decode(encoded) == scalars)
    }

    @Test func punycodeRoundTripsRandomLabels() throws {
        var generator = SplitMix64(seed: 0x5EED)
        let pool: [Unicode.Scalar] = ["a", "z", "0", "-", "é", "ß", "ж", "א", "ب", "中", "文", "한", "😀", "\u{10FFFD}"]
        for _ in 0..<500 {
            let length = Int(generator.next() % 20) + 1
            let scalars = (0..<length).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
            let encoded = try #require(Punycode.encode(scalars))
            let decoded = encoded.withUnsafeBufferPointer { Punycode.decode($0) }
            #expect(decoded == scalars)
        }
    }

    @Test(arguments: ["", "-", "a-", "-9uc", "X", "99999999999999", "zzzzzzzzzzzzzzzzzzzz", "a-ü", "ab$c"])
    func punycodeRefusesMalformedInput(text: String) {
        // "" and "a-" decode to plain ASCII (no deltas); the rest must fail outright.
        switch text {
        case "": #expect(decode(text) == [])
        case "a-": #expect(decode(text) == ["a"])
        default: #expect(decode(text) == nil, "\(text)")
        }
    }

    @Test func derivedProperty() {
        #expect(IDNADerivedProperty("a") == .pvalid)
        #expect(IDNADerivedProperty("-") == .pvalid)
        #expect(IDNADerivedProperty("A") == .disallowed)  // changes under case folding
        #expect(IDNADerivedProperty("ß") == .pvalid)  // exception
        #expect(IDNADerivedProperty("中") == .pvalid)
        #expect(IDNADerivedProperty("\u{200C}") == .contextJ)
        #expect(IDNADerivedProperty("\u{00B7}") == .contextO)
        #expect(IDNADerivedProperty("\u{0660}") == .contextO)
        #expect(IDNADerivedProperty("\u{0640}") == .disallowed)  // exception: ARABIC TATWEEL
        #expect(IDNADerivedProperty("\u{1100}") == .disallowed)  // old Hangul jamo
        #expect(IDNADerivedProperty("\u{20D0}") == .disallowed)  // ignorable block
        #expect(IDNADerivedProperty("\u{3000}") == .disallowed)  // white space
        #expect(IDNADerivedProperty("\u{FFFF}") == .disallowed)  // noncharacter
        #expect(IDNADerivedProperty("$") == .disallowed)
        #expect(IDNADerivedProperty("\u{0378}") == .unassigned)
        // Added in Unicode 16.0, after the 15.0 the tables describe.
        #expect(IDNADerivedProperty("\u{1C89}") == .unassigned)
    }

    @Test func propertyTables() {
        #expect(BidiClass("a") == .leftToRight)
        #expect(BidiClass("0") == .europeanNumber)
        #expect(BidiClass("-") == .europeanSeparator)
        #expect(BidiClass("א") == .rightToLeft)
        #expect(BidiClass("ب") == .arabicLetter)
        #expect(BidiClass("\u{0660}") == .arabicNumber)
        #expect(BidiClass("\u{0301}") == .nonspacingMark)
        #expect(BidiClass("\u{200C}") == .boundaryNeutral)
        #expect(JoiningType("\u{0628}") == .dualJoining)
        #expect(JoiningType("\u{0627}") == .rightJoining)
        #expect(JoiningType("\u{064B}") == .transparent)
        #expect(JoiningType("a") == .nonJoining)
        #expect(IDNAScript("α") == .greek)
        #expect(IDNAScript("א") == .hebrew)
        #expect(IDNAScript("あ") == .hiragana)
        #expect(IDNAScript("ア") == .katakana)
        #expect(IDNAScript("中") == .han)
        #expect(IDNAScript("a") == nil)
        #expect(IDNAScript("\u{30FB}") == nil)  // KATAKANA MIDDLE DOT is Common
    }

    @Test func contextualRules() {
        #expect(check("idn-hostname", "l·l") == true)
        #expect(check("idn-hostname", "l·a") == false)
        // ZWNJ between a dual-joining and a right-joining letter, across a transparent mark.
        #expect(check("idn-hostname", "\u{0628}\u{064B}\u{200C}\u{0627}") == true)
        #expect(check("idn-hostname", "\u{0627}\u{200C}\u{0628}") == false)  // R before ZWNJ
        #expect(check("idn-hostname", "\u{0628}\u{200C}") == false)
        #expect(check("idn-hostname", "\u{0660}\u{0661}") == false)  // an RTL label cannot start with AN
        #expect(check("idn-hostname", "\u{0628}\u{0660}\u{0661}") == true)
        #expect(check("idn-hostname", "\u{0628}\u{0660}\u{06F1}") == false)
    }

    @Test func bidiRule() {
        #expect(check("idn-hostname", "אב.example") == true)
        #expect(check("idn-hostname", "אב.1example") == false)  // LTR label starting with EN
        #expect(check("idn-hostname", "אב.example1") == true)  // LTR label may end with EN
        #expect(check("idn-hostname", "א1") == true)  // RTL label may end with EN
        #expect(check("idn-hostname", "אa") == false)  // L inside an RTL label
        #expect(check("idn-hostname", "\u{05D0}\u{05B0}") == true)  // trailing NSM is skipped
        #expect(check("idn-hostname", "1.example") == true)  // no RTL label: rule not applied
    }

    @Test func unicodeLabelsAndSeparators() {
        #expect(check("idn-hostname", "bücher.example") == true)
        #expect(check("idn-hostname", "Bücher.example") == false)  // upper case is not PVALID
        #expect(check("idn-hostname", "例子。测试") == true)
        #expect(check("idn-hostname", "例子..测试") == false)
        #expect(check("idn-hostname", "ab--ü") == false)  // hyphens in positions 3 and 4
        #expect(check("idn-hostname", "\u{0301}a") == false)  // leading combining mark
        // The limit is on the A-label: 57 "ü" encode to 63 octets ("xn--tda" and 56 "a"), 58 to 64.
        #expect(check("idn-hostname", String(repeating: "ü", count: 57)) == true)
        #expect(check("idn-hostname", String(repeating: "ü", count: 58)) == false)
    }
}

@Suite struct FormatIDNALimitTests {
    @Test func hugeLabelsAreRefusedWithoutEncodingThem() {
        let huge = String(repeating: "中文", count: 50_000)
        #expect(FormatChecker.check("idn-hostname", huge) == false)
        #expect(FormatChecker.check("idn-email", "a@" + huge) == false)
        #expect(FormatChecker.check("hostname", "xn--" + String(repeating: "a", count: 100_000)) == false)
    }

    @Test func decomposedLabelsOfAnEmailDomainAreMeasuredAfterNFC() {
        // Twenty "ệ" written as e + U+0323 + U+0302 are 60 characters, more than a U-label may
        // have, but 20 once composed: the limits apply to the NFC form a mail system looks up.
        let composed = String(repeating: "\u{1EC7}", count: 20)
        let decomposed = String(repeating: "e\u{323}\u{302}", count: 20)
        #expect(FormatChecker.check("idn-email", "a@\(composed).example") == true)
        #expect(FormatChecker.check("idn-email", "a@\(decomposed).example") == true)
        #expect(FormatChecker.check("idn-hostname", "\(decomposed).example") == false)
    }
}
