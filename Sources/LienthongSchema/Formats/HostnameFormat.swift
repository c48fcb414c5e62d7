/// `hostname`: an ASCII host name per RFC 1123 §2.1, with IDNA A-labels checked per RFC 5890-5893.
///
/// Labels are 1-63 letters, digits and hyphens, neither starting nor ending with a hyphen; the
/// whole name is at most 253 characters (255 octets on the wire) without a trailing dot. A label
/// starting with `xn--` must be a valid A-label, and when one decodes to right-to-left text the
/// Bidi rule applies to every label.
enum HostnameFormat {
    static let maximumLength = 253

    static func isValid(_ bytes: UTF8Bytes) -> Bool {
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        var bidi = IDNABidiDomainCheck()
        var labelStart = 0
        while true {
            let labelEnd = bytes.firstIndex(of: ASCII.dot, from: labelStart) ?? bytes.count
            guard let rule = validateASCIILabel(bytes.rebased(labelStart..<labelEnd)) else { return false }
            bidi.add(rule)
            if labelEnd == bytes.count { break }
            labelStart = labelEnd + 1
        }
        return bidi.isSatisfied
    }

    /// Validates one ASCII label: LDH syntax, and A-label rules when it has the `xn--` prefix.
    static func validateASCIILabel(_ label: UTF8Bytes) -> IDNABidiRule? {
        guard let first = label.first, let last = label.last, label.count <= IDNALabel.maximumLength,
            first != ASCII.hyphen, last != ASCII.hyphen,
            label.allSatisfy({ $0.isASCIIAlphanumeric || $0 == ASCII.hyphen })
        else { return nil }
        if IDNALabel.hasACEPrefix(label) { return IDNALabel.validateALabel(label) }
        return IDNABidiRule(ldhLabel: label)
    }
}
