import Testing

@testable import LienthongSchema

@Suite("ECMARegex Unicode semantics")
struct RegexUnicodeTests {
    /// Where ECMA-262 and ICU (NSRegularExpression) disagree, we must answer as ECMA-262 does.
    @Test(arguments: [
        RegexCase("^\\d$", "\u{663}", false),  // ARABIC-INDIC DIGIT THREE: a digit to ICU, not to ECMA-262
        RegexCase("^\\d+$", "\u{9EA}\u{9E8}", false),
        RegexCase("^\\D$", "\u{663}", true),
        RegexCase("^\\w$", "\u{E9}", false),  // é is a word character to ICU only
        RegexCase("^\\W$", "\u{E9}", true),
        RegexCase("^\\w+$", "abc_XYZ_019", true),
        RegexCase("\\bcole", "\u{E9}cole", true),  // \b sees é as a non-word character
        RegexCase("abc$", "abc\n", false),  // ICU's $ also matches before a final line terminator
        RegexCase("^abc\\n$", "abc\n", true),
    ])
    func ecmaNotICU(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("^\\s$", " ", true), RegexCase("^\\s$", "\t", true), RegexCase("^\\s$", "\u{0B}", true),
        RegexCase("^\\s$", "\u{0C}", true), RegexCase("^\\s$", "\n", true), RegexCase("^\\s$", "\r", true),
        RegexCase("^\\s$", "\u{A0}", true), RegexCase("^\\s$", "\u{FEFF}", true),
        RegexCase("^\\s$", "\u{1680}", true), RegexCase("^\\s$", "\u{2003}", true),
        RegexCase("^\\s$", "\u{2028}", true), RegexCase("^\\s$", "\u{2029}", true),
        RegexCase("^\\s$", "\u{202F}", true), RegexCase("^\\s$", "\u{205F}", true),
        RegexCase("^\\s$", "\u{3000}", true),
        RegexCase("^\\s$", "\u{85}", false),  // NEL is not ECMA-262 white space
        RegexCase("^\\s$", "\u{180E}", false),  // no longer Zs since Unicode 6.3
        RegexCase("^\\s$", "\u{200B}", false),
        RegexCase("^\\s$", "\u{1}", false),
        RegexCase("^\\s$", "\u{2013}", false),
        RegexCase("^\\S$", "\u{FEFF}", false),
        RegexCase("^\\S$", "\u{2013}", true),
    ])
    func whiteSpace(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("^\\p{L}+$", "Ngh\u{1EC7}An", true),
        RegexCase("^\\p{L}+( \\p{L}+)*$", "Nguy\u{1EC5}n V\u{103}n An", true),
        RegexCase("^\\p{L}+( \\p{L}+)*$", "Nguy\u{1EC5}n  An", false),
        RegexCase("^\\p{Letter}+$", "\u{3C0}", true),
        RegexCase("^\\p{Letter}+$", "123", false),
        RegexCase("^\\p{Lu}$", "\u{C9}", true),
        RegexCase("^\\p{Lu}$", "\u{E9}", false),
        RegexCase("^\\p{Uppercase_Letter}$", "\u{C9}", true),
        RegexCase("^\\p{gc=Ll}$", "\u{E9}", true),
        RegexCase("^\\p{General_Category=Decimal_Number}$", "\u{663}", true),
        RegexCase("^\\p{digit}+$", "\u{9EA}\u{9E8}", true),
        RegexCase("^\\p{Nd}+$", "42", true),
        RegexCase("^\\p{N}$", "\u{2167}", true),  // ROMAN NUMERAL EIGHT, Nl
        RegexCase("^\\p{LC}$", "\u{1C5}", true),  // Dž, Lt
        RegexCase("^\\p{P}$", "\u{201C}", true),
        RegexCase("^\\p{punct}$", "!", true),
        RegexCase("^\\p{Sc}$", "\u{20AB}", true),  // ĐỒNG SIGN
        RegexCase("^\\p{M}$", "\u{301}", true),
        RegexCase("^\\p{Cn}$", "\u{378}", true),
        RegexCase("^\\p{Co}$", "\u{E000}", true),
        RegexCase("^\\P{L}$", "1", true),
        RegexCase("^\\P{L}$", "\u{E9}", false),
        RegexCase("^[\\p{L}\\d]+$", "a\u{E9}1", true),
        RegexCase("^[^\\p{L}]+$", "123", true),
        RegexCase("^[^\\p{L}]+$", "12a", false),
        RegexCase("^[^\\P{L}]$", "\u{E9}", true),
        RegexCase("^[\\P{L}a]+$", "1a", true),
    ])
    func generalCategories(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("^\\p{Script=Greek}+$", "\u{3C0}\u{3B1}", true),
        RegexCase("^\\p{Script=Greek}$", "p", false),
        RegexCase("^\\p{sc=Grek}$", "\u{3A9}", true),
        RegexCase("^\\p{sc=Latn}+$", "Vi\u{1EC7}t", true),
        RegexCase("^\\p{Script=Han}+$", "\u{4E2D}\u{6587}", true),
        RegexCase("^\\p{Script=Cyrillic}$", "\u{416}", true),
        RegexCase("^\\P{Script=Latin}$", "\u{416}", true),
        RegexCase("^\\p{sc=Zyyy}$", "1", true),
        RegexCase("^\\p{Script=Inherited}$", "\u{301}", true),
        RegexCase("^\\p{sc=Qaai}$", "\u{301}", true),
        // DEVANAGARI DANDA is Common, but its Script_Extensions include Devanagari.
        RegexCase("^\\p{Script=Devanagari}$", "\u{964}", false),
        RegexCase("^\\p{scx=Deva}$", "\u{964}", true),
        RegexCase("^\\p{Script_Extensions=Devanagari}$", "\u{915}", true),
        RegexCase("^\\p{scx=Deva}$", "a", false),
    ])
    func scripts(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("^\\p{Any}$", "\u{10FFFF}", true),
        RegexCase("^\\p{ASCII}+$", "abc~", true),
        RegexCase("^\\p{ASCII}$", "\u{E9}", false),
        RegexCase("^\\p{Assigned}$", "a", true),
        RegexCase("^\\p{Assigned}$", "\u{378}", false),
        RegexCase("^\\p{Alphabetic}$", "\u{E9}", true),
        RegexCase("^\\p{Alpha}$", "1", false),
        RegexCase("^\\p{White_Space}$", "\u{85}", true),
        RegexCase("^\\p{Emoji}$", "\u{1F600}", true),
        RegexCase("^\\p{Extended_Pictographic}$", "\u{1F600}", true),
        RegexCase("^\\p{ExtPict}$", "a", false),
        RegexCase("^\\p{Emoji_Component}$", "\u{200D}", true),
        RegexCase("^\\p{RI}{2}$", "\u{1F1FB}\u{1F1F3}", true),
        RegexCase("^\\p{Uppercase}$", "A", true),
        RegexCase("^\\p{Lower}$", "A", false),
        RegexCase("^\\p{Hex}+$", "09afAF", true),
        RegexCase("^\\p{ID_Start}\\p{ID_Continue}*$", "t\u{EA}n_1", true),
    ])
    func binaryProperties(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("^\u{1F432}*$", "", true),
        RegexCase("^\u{1F432}*$", "\u{1F432}\u{1F432}", true),
        RegexCase("^\u{1F432}*$", "\u{1F409}", false),
        RegexCase("^\u{1F432}*$", "D", false),
        RegexCase("^.{2}$", "\u{1F432}\u{1F409}", true),
        RegexCase("^[\u{1F400}-\u{1F4FF}]+$", "\u{1F432}\u{1F409}", true),
        RegexCase("^\\u{1F432}+$", "\u{1F432}", true),
        RegexCase("\\uD83D", "\u{1F600}", false),  // a lone surrogate never matches half of a pair
        RegexCase("^[\\uD800-\\uDFFF]$", "\u{1F600}", false),
        // The search advances by code points, so nothing is tried inside a surrogate pair
        // (V8's /\B/u.test("a😀a") is true only because its search loop does that).
        RegexCase("\\B", "a\u{1F600}a", false),
        RegexCase("^(?:)$", "\u{1F600}", false),
    ])
    func nonBMP(_ testCase: RegexCase) throws { try expectCase(testCase) }
}
