/// The ECMA-262 binary Unicode properties that the standard library answers directly
/// (`\p{Alphabetic}`, `\p{White_Space}`, …). `Any`, `ASCII`, `Assigned`, `Emoji_Component`,
/// `Extended_Pictographic` and `Regional_Indicator` are resolved to ranges instead (see
/// `UnicodePropertyResolver`).
enum BinaryUnicodeProperty: String, Sendable, CaseIterable {
    case asciiHexDigit, alphabetic, bidiControl, bidiMirrored, caseIgnorable, cased
    case changesWhenCasefolded, changesWhenCasemapped, changesWhenLowercased, changesWhenNFKCCasefolded
    case changesWhenTitlecased, changesWhenUppercased, dash, defaultIgnorableCodePoint, deprecated
    case diacritic, emoji, emojiModifier, emojiModifierBase, emojiPresentation, extender
    case graphemeBase, graphemeExtend, hexDigit, idsBinaryOperator, idsTrinaryOperator, idContinue
    case idStart, ideographic, joinControl, logicalOrderException, lowercase, math
    case noncharacterCodePoint, patternSyntax, patternWhiteSpace, quotationMark, radical
    case sentenceTerminal, softDotted, terminalPunctuation, unifiedIdeograph, uppercase
    case variationSelector, whiteSpace, xidContinue, xidStart

    /// The canonical name and short alias ECMA-262 accepts for each property (Table "Binary Unicode
    /// property aliases and their canonical property names").
    var names: [String] {
        switch self {
        case .asciiHexDigit: return ["ASCII_Hex_Digit", "AHex"]
        case .alphabetic: return ["Alphabetic", "Alpha"]
        case .bidiControl: return ["Bidi_Control", "Bidi_C"]
        case .bidiMirrored: return ["Bidi_Mirrored", "Bidi_M"]
        case .caseIgnorable: return ["Case_Ignorable", "CI"]
        case .cased: return ["Cased"]
        case .changesWhenCasefolded: return ["Changes_When_Casefolded", "CWCF"]
        case .changesWhenCasemapped: return ["Changes_When_Casemapped", "CWCM"]
        case .changesWhenLowercased: return ["Changes_When_Lowercased", "CWL"]
        case .changesWhenNFKCCasefolded: return ["Changes_When_NFKC_Casefolded", "CWKCF"]
        case .changesWhenTitlecased: return ["Changes_When_Titlecased", "CWT"]
        case .changesWhenUppercased: return ["Changes_When_Uppercased", "CWU"]
        case .dash: return ["Dash"]
        case .defaultIgnorableCodePoint: return ["Default_Ignorable_Code_Point", "DI"]
        case .deprecated: return ["Deprecated", "Dep"]
        case .diacritic: return ["Diacritic", "Dia"]
        case .emoji: return ["Emoji"]
        case .emojiModifier: return ["Emoji_Modifier", "EMod"]
        case .emojiModifierBase: return ["Emoji_Modifier_Base", "EBase"]
        case .emojiPresentation: return ["Emoji_Presentation", "EPres"]
        case .extender: return ["Extender", "Ext"]
        case .graphemeBase: return ["Grapheme_Base", "Gr_Base"]
        case .graphemeExtend: return ["Grapheme_Extend", "Gr_Ext"]
        case .hexDigit: return ["Hex_Digit", "Hex"]
        case .idsBinaryOperator: return ["IDS_Binary_Operator", "IDSB"]
        case .idsTrinaryOperator: return ["IDS_Trinary_Operator", "IDST"]
        case .idContinue: return ["ID_Continue", "IDC"]
        case .idStart: return ["ID_Start", "IDS"]
        case .ideographic: return ["Ideographic", "Ideo"]
        case .joinControl: return ["Join_Control", "Join_C"]
        case .logicalOrderException: return ["Logical_Order_Exception", "LOE"]
        case .lowercase: return ["Lowercase", "Lower"]
        case .math: return ["Math"]
        case .noncharacterCodePoint: return ["Noncharacter_Code_Point", "NChar"]
        case .patternSyntax: return ["Pattern_Syntax", "Pat_Syn"]
        case .patternWhiteSpace: return ["Pattern_White_Space", "Pat_WS"]
        case .quotationMark: return ["Quotation_Mark", "QMark"]
        case .radical: return ["Radical"]
        case .sentenceTerminal: return ["Sentence_Terminal", "STerm"]
        case .softDotted: return ["Soft_Dotted", "SD"]
        case .terminalPunctuation: return ["Terminal_Punctuation", "Term"]
        case .unifiedIdeograph: return ["Unified_Ideograph", "UIdeo"]
        case .uppercase: return ["Uppercase", "Upper"]
        case .variationSelector: return ["Variation_Selector", "VS"]
        case .whiteSpace: return ["White_Space", "space"]
        case .xidContinue: return ["XID_Continue", "XIDC"]
        case .xidStart: return ["XID_Start", "XIDS"]
        }
    }

    /// Whether the property holds for `scalar`.
    func holds(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        switch self {
        case .asciiHexDigit: return p.isASCIIHexDigit
        case .alphabetic: return p.isAlphabetic
        case .bidiControl: return p.isBidiControl
        case .bidiMirrored: return p.isBidiMirrored
        case .caseIgnorable: return p.isCaseIgnorable
        case .cased: return p.isCased
        case .changesWhenCasefolded: return p.changesWhenCaseFolded
        case .changesWhenCasemapped: return p.changesWhenCaseMapped
        case .changesWhenLowercased: return p.changesWhenLowercased
        case .changesWhenNFKCCasefolded: return p.changesWhenNFKCCaseFolded
        case .changesWhenTitlecased: return p.changesWhenTitlecased
        case .changesWhenUppercased: return p.changesWhenUppercased
        case .dash: return p.isDash
        case .defaultIgnorableCodePoint: return p.isDefaultIgnorableCodePoint
        case .deprecated: return p.isDeprecated
        case .diacritic: return p.isDiacritic
        case .emoji: return p.isEmoji
        case .emojiModifier: return p.isEmojiModifier
        case .emojiModifierBase: return p.isEmojiModifierBase
        case .emojiPresentation: return p.isEmojiPresentation
        case .extender: return p.isExtender
        case .graphemeBase: return p.isGraphemeBase
        case .graphemeExtend: return p.isGraphemeExtend
        case .hexDigit: return p.isHexDigit
        case .idsBinaryOperator: return p.isIDSBinaryOperator
        case .idsTrinaryOperator: return p.isIDSTrinaryOperator
        case .idContinue: return p.isIDContinue
        case .idStart: return p.isIDStart
        case .ideographic: return p.isIdeographic
        case .joinControl: return p.isJoinControl
        case .logicalOrderException: return p.isLogicalOrderException
        case .lowercase: return p.isLowercase
        case .math: return p.isMath
        case .noncharacterCodePoint: return p.isNoncharacterCodePoint
        case .patternSyntax: return p.isPatternSyntax
        case .patternWhiteSpace: return p.isPatternWhitespace
        case .quotationMark: return p.isQuotationMark
        case .radical: return p.isRadical
        case .sentenceTerminal: return p.isSentenceTerminal
        case .softDotted: return p.isSoftDotted
        case .terminalPunctuation: return p.isTerminalPunctuation
        case .unifiedIdeograph: return p.isUnifiedIdeograph
        case .uppercase: return p.isUppercase
        case .variationSelector: return p.isVariationSelector
        case .whiteSpace: return p.isWhitespace
        case .xidContinue: return p.isXIDContinue
        case .xidStart: return p.isXIDStart
        }
    }

    /// Every name and alias, to the property it names.
    static let byName: [String: BinaryUnicodeProperty] = {
        var table: [String: BinaryUnicodeProperty] = [:]
        for property in allCases {
            for name in property.names { table[name] = property }
        }
        return table
    }()
}
