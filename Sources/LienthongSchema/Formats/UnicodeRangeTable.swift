/// A sorted table of scalar ranges with a small value each, searched by bisection.
///
/// Each entry packs `first << 32 | last << 8 | value`, the layout the generated tables in
/// `IDNAUnicodeTables.swift` use; scalars outside every range have no value.
struct UnicodeRangeTable<Value: RawRepresentable & Sendable>: Sendable where Value.RawValue == UInt8 {
    private let packedRanges: [UInt64]

    init(packedRanges: [UInt64]) {
        self.packedRanges = packedRanges
    }

    func value(of scalar: Unicode.Scalar) -> Value? {
        let target = UInt64(scalar.value)
        var low = 0
        var high = packedRanges.count
        while low < high {  // find the last range starting at or before `target`
            let middle = (low + high) / 2
            if packedRanges[middle] >> 32 <= target { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let entry = packedRanges[low - 1]
        guard target <= (entry >> 8) & 0xFF_FFFF else { return nil }
        return Value(rawValue: UInt8(entry & 0xFF))
    }
}

/// Bidi_Class values the Bidi rule of RFC 5893 distinguishes; `other` stands for the classes it
/// never allows in a label (B, S, WS, the explicit embedding and isolate controls).
enum BidiClass: UInt8, Sendable {
    case leftToRight = 0  // L
    case rightToLeft = 1  // R
    case arabicLetter = 2  // AL
    case europeanNumber = 3  // EN
    case europeanSeparator = 4  // ES
    case europeanTerminator = 5  // ET
    case arabicNumber = 6  // AN
    case commonSeparator = 7  // CS
    case nonspacingMark = 8  // NSM
    case boundaryNeutral = 9  // BN
    case otherNeutral = 10  // ON
    case other = 11

    /// The class of `scalar` (Unicode 15.0).
    init(_ scalar: Unicode.Scalar) {
        self = IDNAUnicodeTables.bidiClasses.value(of: scalar) ?? .leftToRight
    }
}

/// Joining_Type values, for the ZERO WIDTH NON-JOINER rule of RFC 5892 Appendix A.1.
enum JoiningType: UInt8, Sendable {
    case nonJoining = 0  // U
    case dualJoining = 1  // D
    case leftJoining = 2  // L
    case rightJoining = 3  // R
    case transparent = 4  // T
    case joinCausing = 5  // C

    /// The joining type of `scalar` (Unicode 15.0).
    init(_ scalar: Unicode.Scalar) {
        self = IDNAUnicodeTables.joiningTypes.value(of: scalar) ?? .nonJoining
    }
}

/// The scripts RFC 5892's contextual rules ask about.
enum IDNAScript: UInt8, Sendable {
    case greek = 1
    case hebrew = 2
    case hiragana = 3
    case katakana = 4
    case han = 5

    /// The script of `scalar` when it is one of these (Unicode 15.0), else nil.
    init?(_ scalar: Unicode.Scalar) {
        guard let script = IDNAUnicodeTables.scripts.value(of: scalar) else { return nil }
        self = script
    }
}
