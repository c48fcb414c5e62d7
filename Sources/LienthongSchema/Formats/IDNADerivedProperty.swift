/// The IDNA2008 derived property of a code point, computed with the algorithm of RFC 5892 §3
/// from the standard library's Unicode properties.
///
/// The repertoire is pinned to Unicode 15.0, the version of the generated Bidi, joining-type
/// and script tables, so that a newer toolchain cannot admit characters those tables do not know.
enum IDNADerivedProperty: Sendable, Equatable {
    case pvalid
    /// Allowed only where the joiner rules of RFC 5892 Appendix A.1-A.2 hold.
    case contextJ
    /// Allowed only where the rules of RFC 5892 Appendix A.3-A.9 hold.
    case contextO
    case disallowed
    case unassigned

    init(_ scalar: Unicode.Scalar) {
        if let exception = Self.exception(scalar) {
            self = exception
            return
        }
        let properties = scalar.properties
        guard let age = properties.age, (age.major, age.minor) <= Self.unicodeVersion,
            properties.generalCategory != .unassigned
        else {
            // Noncharacters are also general category Cn, but RFC 5892 counts them as ignorable.
            self = properties.isNoncharacterCodePoint ? .disallowed : .unassigned
            return
        }
        switch scalar.value {
        case 0x2D, 0x30...0x39, 0x61...0x7A:  // LDH
            self = .pvalid
            return
        default: break
        }
        if properties.isJoinControl {
            self = .contextJ
        } else if properties.changesWhenNFKCCaseFolded  // Unstable
            || properties.isDefaultIgnorableCodePoint || properties.isWhitespace  // IgnorableProperties
            || properties.isNoncharacterCodePoint
            || Self.isInIgnorableBlock(scalar) || Self.isOldHangulJamo(scalar)
        {
            self = .disallowed
        } else {
            switch properties.generalCategory {
            case .lowercaseLetter, .uppercaseLetter, .otherLetter, .decimalNumber, .modifierLetter,
                .nonspacingMark, .spacingMark:  // LetterDigits
                self = .pvalid
            default:
                self = .disallowed
            }
        }
    }

    private static let unicodeVersion = (15, 0)

    /// RFC 5892 §2.6 Exceptions (F).
    private static func exception(_ scalar: Unicode.Scalar) -> IDNADerivedProperty? {
        switch scalar.value {
        case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007:
            return .pvalid
        case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x0660...0x0669, 0x06F0...0x06F9:
            return .contextO
        case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B:
            return .disallowed
        default:
            return nil
        }
    }

    /// RFC 5892 §2.4 IgnorableBlocks (D): Combining Diacritical Marks for Symbols, Musical Symbols,
    /// Ancient Greek Musical Notation.
    private static func isInIgnorableBlock(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20D0...0x20FF, 0x1D100...0x1D1FF, 0x1D200...0x1D24F: return true
        default: return false
        }
    }

    /// RFC 5892 §2.9 OldHangulJamo (I): Hangul_Syllable_Type L, V or T (HangulSyllableType.txt).
    private static func isOldHangulJamo(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0xA960...0xA97C, 0xD7B0...0xD7C6, 0xD7CB...0xD7FB: return true
        default: return false
        }
    }
}
