/// `idn-hostname`: an internationalized host name per RFC 5890 §2.3.2.3 (IDNA2008).
///
/// Each label is an LDH label or A-label (checked as for `hostname`) or a U-label (RFC 5891
/// §5.4: permitted code points, contextual rules, NFC, no leading combining mark). Labels are
/// separated by the full stops RFC 3490 §3.1 recognises (`.`, `。`, `．`, `｡`), and the lengths
/// that count are those of the A-label forms: 63 octets a label, 253 for the name.
enum IDNHostnameFormat {
    /// - Parameter normalizingLabels: put U-labels in NFC before checking them, as a lookup does,
    ///   instead of refusing labels that are not in NFC.
    static func isValid(_ bytes: UTF8Bytes, normalizingLabels: Bool = false) -> Bool {
        guard !bytes.isEmpty else { return false }
        var bidi = IDNABidiDomainCheck()
        var length = 0  // of the name written with A-labels and "." separators
        var labelStart = 0
        var index = 0
        while true {
            if index < bytes.count, separatorLength(bytes, at: index) == nil {
                index += 1
                continue
            }
            // The label ends here, at a separator or at the end of the string.
            let label = bytes.rebased(labelStart..<index)
            guard let (rule, labelLength) = validateLabel(label, normalizing: normalizingLabels) else { return false }
            bidi.add(rule)
            length += labelLength
            guard index < bytes.count, let separator = separatorLength(bytes, at: index) else { break }
            length += 1
            index += separator
            labelStart = index
        }
        return length <= HostnameFormat.maximumLength && bidi.isSatisfied
    }

    private static func validateLabel(_ label: UTF8Bytes, normalizing: Bool) -> (IDNABidiRule, Int)? {
        if label.isASCII {
            return HostnameFormat.validateASCIILabel(label).map { ($0, label.count) }
        }
        // A U-label has at most 59 characters (see `IDNALabel.validateULabel`) of at most 4 octets;
        // before NFC up to 4 characters may compose into one (ω and three marks make ᾥ).
        let maximumCharacters = (IDNALabel.maximumLength - 4) * (normalizing ? 4 : 1)
        guard label.count <= 4 * maximumCharacters else { return nil }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(label.count)
        var index = 0
        while index < label.count {
            guard let (scalar, length) = label.scalar(at: index) else { return nil }
            scalars.append(scalar)
            index += length
        }
        return IDNALabel.validateULabel(scalars, normalizing: normalizing).map { ($0.bidi, $0.aLabelLength) }
    }

    /// The length in bytes of the label separator starting at `index`, or nil when there is none:
    /// U+002E FULL STOP, U+3002 IDEOGRAPHIC FULL STOP, U+FF0E FULLWIDTH FULL STOP and
    /// U+FF61 HALFWIDTH IDEOGRAPHIC FULL STOP.
    private static func separatorLength(_ bytes: UTF8Bytes, at index: Int) -> Int? {
        switch bytes[index] {
        case ASCII.dot:
            return 1
        case 0xE3 where bytes.byte(at: index + 1) == 0x80 && bytes.byte(at: index + 2) == 0x82,
            0xEF where bytes.byte(at: index + 1) == 0xBC && bytes.byte(at: index + 2) == 0x8E,
            0xEF where bytes.byte(at: index + 1) == 0xBD && bytes.byte(at: index + 2) == 0xA1:
            return 3
        default:
            return nil
        }
    }
}
