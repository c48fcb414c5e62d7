import Testing

@testable import LienthongSchema

@Suite struct FormatNetworkTests {
    private func check(_ format: String, _ value: String) -> Bool? { FormatChecker.check(format, value) }

    @Test(arguments: [
        ("0.0.0.0", true), ("255.255.255.255", true), ("10.0.0.255", true), ("1.2.3.4", true),
        ("01.2.3.4", false), ("1.2.3.04", false), ("1.2.3.00", false), ("1.2.3.256", false),
        ("1.2.3.4.", false), ("1.2.3", false), ("1..2.3", false), ("1.2.3.4/8", false), ("1.2.3.1000", false),
    ])
    func ipv4(value: String, valid: Bool) {
        #expect(check("ipv4", value) == valid, "\(value)")
    }

    @Test(arguments: [
        ("::ffff:1.2.3.4", true), ("::1.2.3.4", true), ("1:2:3:4:5:6:1.2.3.4", true), ("FE80::1", true),
        ("::1:2:3:4:5:6:7", true), ("1:2:3:4:5:6:7::", true), ("1::8", true), ("0:0:0:0:0:0:0:0", true),
        ("1:2:3:4:5:6:7:1.2.3.4", false), ("1::2::3", false), ("1:2:3:4:5:6:7:8::", false),
        ("::1:2:3:4:5:6:7:8", false), (":", false), ("", false), ("1:2:3:4:5:6:7:8:9", false),
        ("1.2.3.4::", false), ("::1.2.3.4:1", false), ("::ffff:1.2.3.04", false), ("::g", false),
        ("1:::2", false), ("1:2:", false), (":1:2", false), ("::00000", false),
    ])
    func ipv6(value: String, valid: Bool) {
        #expect(check("ipv6", value) == valid, "\(value)")
    }

    @Test func rfc5321ElisionStandsForAtLeastTwoGroups() {
        let seven = "1:2:3:4:5:6:7::"
        #expect(check("ipv6", seven) == true)
        #expect(check("email", "a@[IPv6:\(seven)]") == false)
        #expect(check("email", "a@[IPv6:1:2:3:4:5:6::]") == true)
        #expect(check("email", "a@[IPv6:1:2:3:4::1.2.3.4]") == true)
        #expect(check("email", "a@[IPv6:1:2:3:4:5::1.2.3.4]") == false)
        #expect(check("email", "a@[ipv6:::1]") == true)  // ABNF literals are case-insensitive
        #expect(check("email", "a@[IPv6:1:2:3:4:5:6:7:8]") == true)
    }

    @Test func hostnameLengthLimits() {
        let label63 = String(repeating: "a", count: 63)
        #expect(check("hostname", label63) == true)
        #expect(check("hostname", label63 + "a") == false)
        // 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 characters is the longest name.
        let longest = [label63, label63, label63, String(repeating: "b", count: 61)].joined(separator: ".")
        #expect(longest.utf8.count == 253)
        #expect(check("hostname", longest) == true)
        #expect(check("hostname", longest + "b") == false)
    }

    @Test(arguments: [
        ("example.com", true), ("EXAMPLE.com", true), ("a", true), ("1.2.3.4", true), ("a-b-c", true),
        ("xn--bcher-kva.example", true), ("XN--BCHER-KVA.example", true), ("ab--cd", true),
        ("example..com", false), ("-a", false), ("a-", false), ("a_b", false), ("a b", false),
        ("xn--", false), ("xn--bcher-kva-", false), ("xn--bcher-kvb", false), ("xn--abc", false),
        ("bücher.example", false),
    ])
    func hostname(value: String, valid: Bool) {
        #expect(check("hostname", value) == valid, "\(value)")
    }

    @Test func bidiRuleCoversTheAsciiLabelsOfABidiDomain() {
        // xn--4dbc5h is Hebrew; once a label is right-to-left, an LDH label must start with a letter.
        #expect(check("hostname", "xn--4dbc5h.com") == true)
        #expect(check("hostname", "xn--4dbc5h.1com") == false)
        #expect(check("hostname", "example.1com") == true)
    }

    @Test(arguments: [
        ("simple@example.com", true), ("a.b.c@example.com", true), ("!#$%&'*+-/=?^_`{|}~@example.com", true),
        ("\"\"@example.com", true), ("\"a\\\"b\"@example.com", true), ("\"a b\"@example.com", true),
        ("user@localhost", true), ("user@[192.168.0.1]", true),
        ("a..b@example.com", false), (".a@example.com", false), ("a.@example.com", false),
        ("a@b@example.com", false), ("\"a\"b@example.com", false), ("\"unterminated@example.com", false),
        ("a@[300.1.1.1]", false), ("a@[tag:anything]", false), ("a@[1.2.3.4", false), ("a@[]", false),
        ("a@-example.com", false), ("a@example.com.", false), ("a(b)@example.com", false),
        ("ü@example.com", false), ("\"\u{7F}\"@example.com", false),
    ])
    func email(value: String, valid: Bool) {
        #expect(check("email", value) == valid, "\(value)")
    }

    @Test func emailSizeLimits() {
        let local64 = String(repeating: "a", count: 64)
        #expect(check("email", "\(local64)@example.com") == true)
        #expect(check("email", "\(local64)a@example.com") == false)
        // A 254-octet mailbox is the longest: 64 + 1 + 189.
        let domain = [
            String(repeating: "d", count: 63), String(repeating: "d", count: 63),
            String(repeating: "d", count: 61),
        ].joined(separator: ".")
        #expect(check("email", "\(local64)@\(domain)") == true)
        #expect(check("email", "\(local64)@\(domain)d") == false)
    }

    @Test func internationalizedEmail() {
        #expect(check("idn-email", "用户@例子.广告") == true)
        #expect(check("idn-email", "\"用 户\"@example.com") == true)
        #expect(check("idn-email", "user@xn--bcher-kva.example") == true)
        #expect(check("idn-email", "user@bücher.example") == true)
        // Domains are resolved, so a decomposed "é" counts as its NFC form; a hostname must be NFC.
        #expect(check("idn-email", "user@cafe\u{301}.example") == true)
        #expect(check("idn-hostname", "cafe\u{301}.example") == false)
        #expect(check("idn-hostname", "caf\u{E9}.example") == true)
        #expect(check("idn-email", "user@exa mple.com") == false)
        #expect(check("idn-email", "user@Ⅻ.example") == false)  // U+216B is not PVALID
        #expect(check("email", "用户@example.com") == false)
    }
}
