import Testing

@testable import LienthongSchema

@Suite struct FormatURITests {
    private func check(_ format: String, _ value: String) -> Bool? { FormatChecker.check(format, value) }

    @Test(arguments: [
        ("foo:", true), ("a:b:c", true), ("http://user:pass@host:8080/p/a/t/h?q=1&r[]=2#f/r?a", false),
        ("http://user:pass@host:8080/p/a/t/h?q=1&r=2#f/r?a", true), ("http://host:/", true),
        ("http://[v1.x]", true), ("http://[::1]:80/", true), ("file:///etc/hosts", true), ("x+y-z.w:", true),
        ("http://[v.x]", false), ("http://[vz.x]", false), ("http://[v1.]", false), ("http://[::1", false),
        ("http://[::1]x/", false), ("http://a b", false), ("http://%zz/", false), ("http://h/#a#b", false),
        ("http://h/%2", false), (":x", false), ("-a:b", false), ("http://h:8o/", false),
    ])
    func uri(value: String, valid: Bool) {
        #expect(check("uri", value) == valid, "\(value)")
    }

    @Test(arguments: [
        ("", true), ("//host", true), ("//host:1/p", true), ("./a:b", true), ("a/b:c", true), ("a:b", true),
        ("?", true), ("#", true), ("?a#b", true), ("%41", true), ("//user@[::1]", true),
        ("1a:b", false), ("a b", false), ("%4", false), ("//h/#[", false), ("//[::1]:x", false),
    ])
    func uriReference(value: String, valid: Bool) {
        #expect(check("uri-reference", value) == valid, "\(value)")
    }

    @Test func iriAllowsUcscharEverywhereAndPrivateUseOnlyInTheQuery() {
        #expect(check("iri", "http://例子.测试/路径?查询=值#片段") == true)
        #expect(check("uri", "http://例子.测试/路径?查询=值#片段") == false)
        #expect(check("iri", "http://x/?\u{E000}") == true)
        #expect(check("iri", "http://x/\u{E000}") == false)
        #expect(check("iri", "http://x/#\u{E000}") == false)
        #expect(check("iri", "http://x/\u{FFFE}") == false)  // noncharacters are not ucschar
        #expect(check("iri", "http://x/\u{1FFFE}") == false)
        #expect(check("iri", "http://x/\u{E0FFF}") == false)  // plane 14 starts at E1000
        #expect(check("iri", "http://x/\u{E1000}") == true)
        #expect(check("iri", "http://x/\u{85}") == false)  // C1 controls are not ucschar
        #expect(check("iri-reference", "/路径") == true)
        #expect(check("iri-reference", "路:径") == false)  // not a scheme, and a colon in the first segment
    }

    @Test(arguments: [
        ("", true), ("/", true), ("/a~0b~1c", true), ("/ü/😀", true), ("/a/", true),
        ("a", false), ("/~", false), ("/~2", false), ("/a~", false), ("#/a", false),
    ])
    func jsonPointer(value: String, valid: Bool) {
        #expect(check("json-pointer", value) == valid, "\(value)")
    }

    @Test(arguments: [
        ("0", true), ("10", true), ("0#", true), ("3/a/b", true), ("0/", true),
        ("", false), ("#", false), ("00", false), ("-0", false), ("1 ", false), ("1#/a", false), ("1a", false),
    ])
    func relativeJSONPointer(value: String, valid: Bool) {
        #expect(check("relative-json-pointer", value) == valid, "\(value)")
    }

    @Test(arguments: [
        ("", true), ("{var}", true), ("{+a,b.c*,d:9999}", true), ("x{=a}", true), ("{|a}", true),
        ("/{%41%42}/ü", true), ("a{b}c{d}", true), ("{a_1}", true), ("x?y=z#f", true),
        ("{", false), ("}", false), ("{{a}}", false), ("{a}}", false), ("{a:}", false), ("{a*:1}", false),
        ("{a:1*}", false), ("{.a.}", false), ("{%4}", false), ("a%zz", false), ("a\"b", false), ("{a b}", false),
        ("a<b", false), ("a\\b", false), ("{++a}", false),
    ])
    func uriTemplate(value: String, valid: Bool) {
        #expect(check("uri-template", value) == valid, "\(value)")
    }
}
