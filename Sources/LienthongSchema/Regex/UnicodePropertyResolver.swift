/// Resolves the text inside `\p{…}` to a class item, following ECMA-262's
/// UnicodePropertyValueExpression: `General_Category=…`, `Script=…`, `Script_Extensions=…`
/// (and their short names), a lone General_Category value, or a lone binary property.
/// Names are case-sensitive and must be spelled exactly as the Unicode aliases are.
enum UnicodePropertyResolver {
    /// The class item for `\p{name=value}` (or `\p{value}` when `name` is nil); nil when unknown.
    static func resolve(name: String?, value: String) -> ClassItem? {
        switch name {
        case nil:
            if let mask = GeneralCategoryBits.byName[value] {
                return .test(UnicodePropertyTest(kind: .generalCategories(mask), negated: false))
            }
            return binary(value)
        case "General_Category", "gc":
            return GeneralCategoryBits.byName[value].map {
                .test(UnicodePropertyTest(kind: .generalCategories($0), negated: false))
            }
        case "Script", "sc":
            return UnicodeScriptTable.shared.idsByName[value].map { .ranges(UnicodeScriptTable.shared.scriptRanges($0)) }
        case "Script_Extensions", "scx":
            return UnicodeScriptTable.shared.idsByName[value].map {
                .ranges(UnicodeScriptTable.shared.scriptExtensionRanges($0))
            }
        default:
            return nil
        }
    }

    /// A lone binary property name, or nil.
    private static func binary(_ name: String) -> ClassItem? {
        switch name {
        case "Any": return .ranges([0...ScalarRanges.maxValue])
        case "ASCII": return .ranges([0...0x7F])
        case "Assigned":
            let unassigned = GeneralCategoryBits.bit(.unassigned)
            return .test(UnicodePropertyTest(kind: .generalCategories(unassigned), negated: true))
        case "Regional_Indicator", "RI": return .ranges([0x1F1E6...0x1F1FF])
        case "Emoji_Component", "EComp": return .ranges(parsedRanges(UnicodeScriptData.emojiComponent))
        case "Extended_Pictographic", "ExtPict": return .ranges(parsedRanges(UnicodeScriptData.extendedPictographic))
        default:
            return BinaryUnicodeProperty.byName[name].map { .test(UnicodePropertyTest(kind: .binary($0), negated: false)) }
        }
    }

    private static func parsedRanges(_ text: String) -> [ClosedRange<UInt32>] {
        text.split(whereSeparator: \.isWhitespace).compactMap { UnicodeScriptTable.parseRange($0) }
    }
}
