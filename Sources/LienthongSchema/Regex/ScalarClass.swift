/// A set of scalar values that one input position is tested against: `[a-z]`, `\d`, `\p{L}`, `.`.
///
/// ASCII membership is precomputed into a 128-bit set, so the common case is two shifts. Other
/// scalars are looked up in sorted ranges and then in the Unicode property tests (which ask the
/// standard library's Unicode tables, so `\p{L}` needs no table of its own).
struct ScalarClass: Sendable, Hashable {
    /// Membership of U+0000…U+003F, one bit each.
    let asciiLow: UInt64
    /// Membership of U+0040…U+007F, one bit each.
    let asciiHigh: UInt64
    /// Sorted, disjoint ranges at or above U+0080, before `inverted` applies.
    let ranges: [ClosedRange<UInt32>]
    /// Property tests for scalars at or above U+0080, before `inverted` applies.
    let tests: [UnicodePropertyTest]
    /// True for a negated class (`[^…]`).
    let inverted: Bool

    /// Builds the class of `items`, negated when `inverted`.
    init(_ items: [ClassItem], inverted: Bool = false) {
        var ranges: [ClosedRange<UInt32>] = []
        var tests: [UnicodePropertyTest] = []
        for item in items {
            switch item {
            case .ranges(let more): ranges += more
            case .test(let test): tests.append(test)
            }
        }
        let all = ScalarRanges.normalized(ranges)
        let nonASCII = ScalarRanges.intersection(all, [0x80...ScalarRanges.maxValue])
        var low: UInt64 = 0
        var high: UInt64 = 0
        for value: UInt32 in 0..<128 {
            let inRanges = all.contains { $0.contains(value) }
            let member = (inRanges || tests.contains { $0.matches(value) }) != inverted
            guard member else { continue }
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
        self.asciiLow = low
        self.asciiHigh = high
        self.ranges = nonASCII
        self.tests = tests
        self.inverted = inverted
    }

    /// Whether the scalar value `value` is a member.
    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        if value < 64 { return (asciiLow >> UInt64(value)) & 1 == 1 }
        if value < 128 { return (asciiHigh >> UInt64(value - 64)) & 1 == 1 }
        return containsNonASCII(value)
    }

    /// Whether a scalar at or above U+0080 is a member.
    func containsNonASCII(_ value: UInt32) -> Bool {
        var found = ranges.withUnsafeBufferPointer { ScalarRanges.contains(value, in: $0) }
        if !found {
            for test in tests where test.matches(value) {
                found = true
                break
            }
        }
        return found != inverted
    }

    /// True when some member is outside ASCII (used to decide which UTF-8 lead bytes can start a match).
    var mayContainNonASCII: Bool { inverted || !ranges.isEmpty || !tests.isEmpty }

    /// True when the class has no member at all: `[]`.
    var isEmpty: Bool { asciiLow == 0 && asciiHigh == 0 && !mayContainNonASCII }
}

/// One part of a class: explicit ranges (`a-z`, `\d`, `\p{Script=Greek}`) or a property test (`\p{L}`).
enum ClassItem: Sendable, Hashable {
    case ranges([ClosedRange<UInt32>])
    case test(UnicodePropertyTest)

    /// A single scalar value.
    static func scalar(_ value: UInt32) -> ClassItem { .ranges([value...value]) }
}

/// The classes ECMA-262 defines by escapes, and `.`.
enum StandardClasses {
    /// `\d`: ASCII digits only (ECMA-262 `CharacterClassEscape :: d`), never other scripts' digits.
    static let digits: [ClosedRange<UInt32>] = [0x30...0x39]

    /// `\w`: `[A-Za-z0-9_]` (ECMA-262 WordCharacters without the `i` flag).
    static let wordCharacters: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]

    /// `\s`: ECMA-262 WhiteSpace (TAB, VT, FF, ZWNBSP U+FEFF, and category Zs) plus LineTerminator.
    /// Zs has been this set since Unicode 6.3 removed U+180E from it.
    static let whiteSpace: [ClosedRange<UInt32>] = [
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ]

    /// ECMA-262 LineTerminator: what `.` does not match.
    static let lineTerminators: [ClosedRange<UInt32>] = [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029]

    /// Whether an ASCII byte is a word character, for `\b` and `\B`.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x5F, 0x61...0x7A: return true
        default: return false
        }
    }
}
