/// A test of one Unicode property on a scalar, answered by the standard library's Unicode tables.
struct UnicodePropertyTest: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Member when the scalar's general category is one of the bits (see `GeneralCategoryBits`).
        case generalCategories(UInt32)
        /// Member when the binary property holds.
        case binary(BinaryUnicodeProperty)
    }

    let kind: Kind
    /// True for `\P{…}`: the test holds when the property does not.
    let negated: Bool

    /// Whether the scalar value satisfies the test (lone surrogates have category Cs and no binary property).
    func matches(_ value: UInt32) -> Bool {
        let holds: Bool
        switch kind {
        case .generalCategories(let mask):
            let bit: UInt32
            if let scalar = Unicode.Scalar(value) {
                bit = GeneralCategoryBits.bit(scalar.properties.generalCategory)
            } else {
                bit = GeneralCategoryBits.bit(.surrogate)
            }
            holds = mask & bit != 0
        case .binary(let property):
            holds = Unicode.Scalar(value).map(property.holds) ?? false
        }
        return holds != negated
    }

    /// The same test, negated.
    var inverted: UnicodePropertyTest { UnicodePropertyTest(kind: kind, negated: !negated) }
}

/// General categories as bits of a mask, so that `\p{L}` (five categories) is one AND.
enum GeneralCategoryBits {
    static func bit(_ category: Unicode.GeneralCategory) -> UInt32 {
        switch category {
        case .uppercaseLetter: return 1 << 0
        case .lowercaseLetter: return 1 << 1
        case .titlecaseLetter: return 1 << 2
        case .modifierLetter: return 1 << 3
        case .otherLetter: return 1 << 4
        case .nonspacingMark: return 1 << 5
        case .spacingMark: return 1 << 6
        case .enclosingMark: return 1 << 7
        case .decimalNumber: return 1 << 8
        case .letterNumber: return 1 << 9
        case .otherNumber: return 1 << 10
        case .connectorPunctuation: return 1 << 11
        case .dashPunctuation: return 1 << 12
        case .openPunctuation: return 1 << 13
        case .closePunctuation: return 1 << 14
        case .initialPunctuation: return 1 << 15
        case .finalPunctuation: return 1 << 16
        case .otherPunctuation: return 1 << 17
        case .mathSymbol: return 1 << 18
        case .currencySymbol: return 1 << 19
        case .modifierSymbol: return 1 << 20
        case .otherSymbol: return 1 << 21
        case .spaceSeparator: return 1 << 22
        case .lineSeparator: return 1 << 23
        case .paragraphSeparator: return 1 << 24
        case .control: return 1 << 25
        case .format: return 1 << 26
        case .surrogate: return 1 << 27
        case .privateUse: return 1 << 28
        case .unassigned: return 1 << 29
        @unknown default: return 1 << 29
        }
    }

    /// ECMA-262 General_Category values and aliases (table "Value aliases and canonical values for
    /// General_Category"), each with its mask.
    static let byName: [String: UInt32] = {
        let lu: UInt32 = 1 << 0, ll: UInt32 = 1 << 1, lt: UInt32 = 1 << 2, lm: UInt32 = 1 << 3, lo: UInt32 = 1 << 4
        let mn: UInt32 = 1 << 5, mc: UInt32 = 1 << 6, me: UInt32 = 1 << 7
        let nd: UInt32 = 1 << 8, nl: UInt32 = 1 << 9, no: UInt32 = 1 << 10
        let pc: UInt32 = 1 << 11, pd: UInt32 = 1 << 12, ps: UInt32 = 1 << 13, pe: UInt32 = 1 << 14
        let pi: UInt32 = 1 << 15, pf: UInt32 = 1 << 16, po: UInt32 = 1 << 17
        let sm: UInt32 = 1 << 18, sc: UInt32 = 1 << 19, sk: UInt32 = 1 << 20, so: UInt32 = 1 << 21
        let zs: UInt32 = 1 << 22, zl: UInt32 = 1 << 23, zp: UInt32 = 1 << 24
        let cc: UInt32 = 1 << 25, cf: UInt32 = 1 << 26, cs: UInt32 = 1 << 27, co: UInt32 = 1 << 28, cn: UInt32 = 1 << 29
        let groups: [([String], UInt32)] = [
            (["Cased_Letter", "LC"], lu | ll | lt),
            (["Close_Punctuation", "Pe"], pe),
            (["Connector_Punctuation", "Pc"], pc),
            (["Control", "Cc", "cntrl"], cc),
            (["Currency_Symbol", "Sc"], sc),
            (["Dash_Punctuation", "Pd"], pd),
            (["Decimal_Number", "Nd", "digit"], nd),
            (["Enclosing_Mark", "Me"], me),
            (["Final_Punctuation", "Pf"], pf),
            (["Format", "Cf"], cf),
            (["Initial_Punctuation", "Pi"], pi),
            (["Letter", "L"], lu | ll | lt | lm | lo),
            (["Letter_Number", "Nl"], nl),
            (["Line_Separator", "Zl"], zl),
            (["Lowercase_Letter", "Ll"], ll),
            (["Mark", "M", "Combining_Mark"], mn | mc | me),
            (["Math_Symbol", "Sm"], sm),
            (["Modifier_Letter", "Lm"], lm),
            (["Modifier_Symbol", "Sk"], sk),
            (["Nonspacing_Mark", "Mn"], mn),
            (["Number", "N"], nd | nl | no),
            (["Open_Punctuation", "Ps"], ps),
            (["Other", "C"], cc | cf | cs | co | cn),
            (["Other_Letter", "Lo"], lo),
            (["Other_Number", "No"], no),
            (["Other_Punctuation", "Po"], po),
            (["Other_Symbol", "So"], so),
            (["Paragraph_Separator", "Zp"], zp),
            (["Private_Use", "Co"], co),
            (["Punctuation", "P", "punct"], pc | pd | ps | pe | pi | pf | po),
            (["Separator", "Z"], zs | zl | zp),
            (["Space_Separator", "Zs"], zs),
            (["Spacing_Mark", "Mc"], mc),
            (["Surrogate", "Cs"], cs),
            (["Symbol", "S"], sm | sc | sk | so),
            (["Titlecase_Letter", "Lt"], lt),
            (["Unassigned", "Cn"], cn),
            (["Uppercase_Letter", "Lu"], lu),
        ]
        var table: [String: UInt32] = [:]
        for (names, mask) in groups {
            for name in names { table[name] = mask }
        }
        return table
    }()
}
