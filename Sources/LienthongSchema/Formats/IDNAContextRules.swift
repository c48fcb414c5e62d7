/// The contextual rules of RFC 5892 Appendix A, which decide whether a CONTEXTJ or CONTEXTO code
/// point is allowed where it stands in a label.
enum IDNAContextRules {
    /// Whether the code point at `index` of `label` satisfies its rule; false when it has none.
    static func allows(_ label: [Unicode.Scalar], at index: Int) -> Bool {
        let before = index > 0 ? label[index - 1] : nil
        let after = index + 1 < label.count ? label[index + 1] : nil
        switch label[index].value {
        case 0x200C:  // ZERO WIDTH NON-JOINER
            return before.map(isVirama) == true || isBetweenJoiningLetters(label, at: index)
        case 0x200D:  // ZERO WIDTH JOINER
            return before.map(isVirama) == true
        case 0x00B7:  // MIDDLE DOT: only in "l·l" (Catalan)
            return before == "l" && after == "l"
        case 0x0375:  // GREEK LOWER NUMERAL SIGN (KERAIA)
            return after.flatMap(IDNAScript.init) == .greek
        case 0x05F3, 0x05F4:  // HEBREW PUNCTUATION GERESH, GERSHAYIM
            return before.flatMap(IDNAScript.init) == .hebrew
        case 0x30FB:  // KATAKANA MIDDLE DOT
            return label.contains { scalar in
                switch IDNAScript(scalar) {
                case .hiragana, .katakana, .han: return true
                default: return false
                }
            }
        case 0x0660...0x0669:  // ARABIC-INDIC DIGITS: not mixed with the extended ones
            return !label.contains { (0x06F0...0x06F9).contains($0.value) }
        case 0x06F0...0x06F9:  // EXTENDED ARABIC-INDIC DIGITS: not mixed with the plain ones
            return !label.contains { (0x0660...0x0669).contains($0.value) }
        default:
            return false
        }
    }

    private static func isVirama(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.canonicalCombiningClass == .virama
    }

    /// `(Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})`
    private static func isBetweenJoiningLetters(_ label: [Unicode.Scalar], at index: Int) -> Bool {
        var left = index - 1
        while left >= 0, JoiningType(label[left]) == .transparent { left -= 1 }
        guard left >= 0 else { return false }
        switch JoiningType(label[left]) {
        case .leftJoining, .dualJoining: break
        default: return false
        }
        var right = index + 1
        while right < label.count, JoiningType(label[right]) == .transparent { right += 1 }
        guard right < label.count else { return false }
        switch JoiningType(label[right]) {
        case .rightJoining, .dualJoining: return true
        default: return false
        }
    }
}
