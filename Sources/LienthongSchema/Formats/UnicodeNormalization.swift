import Foundation

/// Unicode Normalization Form C for IDNA labels (RFC 5891 §5.3: a U-label is in NFC).
///
/// The standard library has no public normalization API, so this uses Foundation's; it only
/// runs for labels with characters at or above U+0300, below which every string is already NFC.
enum UnicodeNormalization {
    /// Whether `scalars` are unchanged by NFC.
    static func isNFC(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.contains(where: { $0.value >= firstCombiningScalar }) else { return true }
        return nfc(scalars).elementsEqual(scalars)
    }

    /// The NFC form of `scalars`.
    static func nfc(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains(where: { $0.value >= firstCombiningScalar }) else { return scalars }
        var string = String.UnicodeScalarView()
        string.append(contentsOf: scalars)
        return Array(String(string).precomposedStringWithCanonicalMapping.unicodeScalars)
    }

    /// U+0300 COMBINING GRAVE ACCENT: no character below it composes or decomposes under NFC.
    private static let firstCombiningScalar: UInt32 = 0x300
}
