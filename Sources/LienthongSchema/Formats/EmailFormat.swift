/// `email` (RFC 5321 §4.1.2 `Mailbox`) and `idn-email` (RFC 6531 §3.3).
///
///     Mailbox       = Local-part "@" ( Domain / address-literal )
///     Local-part    = Dot-string / Quoted-string
///     Dot-string    = Atom *("."  Atom)
///     Quoted-string = DQUOTE *QcontentSMTP DQUOTE
///     address-literal = "[" ( IPv4-address-literal / IPv6-address-literal ) "]"
///
/// RFC 6531 adds any non-ASCII character to `atext` and `qtextSMTP`, and U-labels to `Domain`.
/// The size limits of RFC 5321 §4.5.3.1 apply: 64 octets for the local part, 254 for the mailbox
/// (a 256-octet path less its angle brackets). General address literals (`[tag:…]`) are refused:
/// no standardized tag other than `IPv6` is registered.
enum EmailFormat {
    static let maximumLocalPartLength = 64
    static let maximumLength = 254

    static func isValid(_ bytes: UTF8Bytes, internationalized: Bool) -> Bool {
        guard bytes.count <= maximumLength,
            let at = endOfLocalPart(bytes, internationalized: internationalized),
            at <= maximumLocalPartLength, bytes.byte(at: at) == ASCII.at
        else { return false }
        let domain = bytes.rebased((at + 1)..<bytes.count)
        if domain.first == ASCII.openBracket {
            guard domain.count >= 2, domain.last == ASCII.closeBracket else { return false }
            return isAddressLiteral(domain.rebased(1..<(domain.count - 1)))
        }
        // A mail domain is resolved, so U-labels are put in NFC as a lookup would (RFC 5891 §5.2).
        return internationalized
            ? IDNHostnameFormat.isValid(domain, normalizingLabels: true) : HostnameFormat.isValid(domain)
    }

    /// `atext`: ALPHA / DIGIT and the printable specials of RFC 5322 §3.2.3.
    private static let atext = ASCIISet.letters.union(.digits).union(ASCIISet("!#$%&'*+-/=?^_`{|}~"))

    /// The index just after the local part (where "@" should be), or nil when it is malformed.
    private static func endOfLocalPart(_ bytes: UTF8Bytes, internationalized: Bool) -> Int? {
        guard let first = bytes.first else { return nil }
        if first == ASCII.quote {
            // QcontentSMTP = qtextSMTP / quoted-pairSMTP; qtextSMTP = %d32-33 / %d35-91 / %d93-126
            var index = 1
            while let byte = bytes.byte(at: index) {
                switch byte {
                case ASCII.quote:
                    return index + 1
                case ASCII.backslash:  // quoted-pairSMTP = %d92 %d32-126
                    guard let escaped = bytes.byte(at: index + 1), (32...126).contains(escaped) else { return nil }
                    index += 2
                case 32...126:
                    index += 1
                case 0x80...0xFF where internationalized:
                    index += 1
                default:
                    return nil
                }
            }
            return nil
        }
        // Dot-string: atoms of one or more atext separated by single dots.
        var index = 0
        var atomLength = 0
        while let byte = bytes.byte(at: index), byte != ASCII.at {
            if byte == ASCII.dot {
                guard atomLength > 0 else { return nil }
                atomLength = 0
            } else if atext.contains(byte) || (internationalized && byte >= 0x80) {
                atomLength += 1
            } else {
                return nil
            }
            index += 1
        }
        return atomLength > 0 ? index : nil
    }

    /// The inside of the brackets: `IPv4-address-literal` or `"IPv6:" IPv6-addr` (RFC 5321 §4.1.3).
    private static func isAddressLiteral(_ bytes: UTF8Bytes) -> Bool {
        let tag = "ipv6:".utf8
        if bytes.count > tag.count, bytes.prefix(tag.count).elementsEqual(tag, by: { $0.asciiLowercased == $1 }) {
            return IPv6Format.isValid(bytes.rebased(tag.count..<bytes.count), elisionCoversTwoGroups: true)
        }
        return IPv4Format.isValid(bytes)
    }
}
