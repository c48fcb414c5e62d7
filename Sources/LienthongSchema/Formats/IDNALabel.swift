/// Validation of one IDNA2008 label: a U-label (Unicode, RFC 5891 §4.2 and §5.4) or an A-label
/// (`xn--` and Punycode, RFC 5890 §2.3.2.1). A valid label yields its Bidi rule outcome, which
/// only the whole domain name can judge.
enum IDNALabel {
    /// The longest label in octets, as an A-label (RFC 1034 §3.1).
    static let maximumLength = 63

    /// Whether an ASCII label starts with the ACE prefix `xn--` (in any case).
    static func hasACEPrefix(_ label: UTF8Bytes) -> Bool {
        label.count >= 4 && label[0] | 0x20 == UInt8(ascii: "x") && label[1] | 0x20 == UInt8(ascii: "n")
            && label[2] == ASCII.hyphen && label[3] == ASCII.hyphen
    }

    /// Validates the A-label `label` (ASCII, starting with `xn--` in any case).
    ///
    /// The Punycode must decode to a valid U-label with at least one non-ASCII character, and
    /// encode back to the same text: this refuses non-canonical encodings. DNS compares ASCII
    /// case-insensitively, so the label is read in lower case.
    static func validateALabel(_ label: UTF8Bytes) -> IDNABidiRule? {
        guard hasACEPrefix(label), label.count > 4, label.count <= maximumLength,
            let decoded = Punycode.decode(label.rebased(4..<label.count))
        else { return nil }
        let uLabel = decoded.map { $0.isASCII ? Unicode.Scalar(UInt8($0.value).asciiLowercased) : $0 }
        guard !uLabel.allSatisfy(\.isASCII), UnicodeNormalization.isNFC(uLabel),
            let bidi = checkCodePointsAndContext(uLabel),
            let reencoded = Punycode.encode(uLabel),
            reencoded.elementsEqual(label[4...], by: { $0 == $1.asciiLowercased })
        else { return nil }
        return bidi
    }

    /// Validates the U-label `label`, which holds at least one non-ASCII character, and checks
    /// that its A-label fits in 63 octets.
    ///
    /// - Parameter normalizing: when true the label is first put in NFC, as a lookup does
    ///   (RFC 5891 §5.2); otherwise a label not in NFC is refused, as registration requires.
    /// - Returns: the Bidi rule outcome and the length of the label's A-label.
    static func validateULabel(
        _ label: [Unicode.Scalar], normalizing: Bool
    ) -> (bidi: IDNABidiRule, aLabelLength: Int)? {
        let label = normalizing ? UnicodeNormalization.nfc(label) : label
        // Each character takes at least one octet of the A-label after "xn--": longer labels
        // cannot fit, and refusing them first keeps the quadratic Punycode encoder bounded.
        guard label.count <= maximumLength - 4 else { return nil }
        guard normalizing || UnicodeNormalization.isNFC(label),
            let bidi = checkCodePointsAndContext(label),
            let encoded = Punycode.encode(label), encoded.count + 4 <= maximumLength
        else { return nil }
        return (bidi, encoded.count + 4)
    }

    /// The checks RFC 5891 §5.4 runs on a putative U-label, whichever form it arrived in.
    private static func checkCodePointsAndContext(_ label: [Unicode.Scalar]) -> IDNABidiRule? {
        guard let first = label.first, let last = label.last else { return nil }
        // §4.2.3.1: no hyphen at either end, none in both the third and fourth positions.
        if first == "-" || last == "-" { return nil }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return nil }
        // §4.2.3.2: a label may not begin with a combining mark.
        switch first.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return nil
        default: break
        }
        // Every code point is PVALID, or CONTEXTJ/CONTEXTO with its rule satisfied. The rules run
        // once all code points are known to be permitted, since they look at their neighbours.
        var hasContextualCodePoint = false
        for scalar in label {
            switch IDNADerivedProperty(scalar) {
            case .pvalid: continue
            case .contextJ, .contextO: hasContextualCodePoint = true
            case .disallowed, .unassigned: return nil
            }
        }
        if hasContextualCodePoint {
            for index in label.indices where IDNADerivedProperty(label[index]) != .pvalid {
                guard IDNAContextRules.allows(label, at: index) else { return nil }
            }
        }
        return IDNABidiRule(label)
    }
}
