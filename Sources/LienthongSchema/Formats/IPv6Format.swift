/// `ipv6`: the text forms of RFC 4291 §2.2: eight groups of 1-4 hex digits, one `::` standing for
/// one or more zero groups, and an optional dotted-quad IPv4 address as the last 32 bits.
/// Zone identifiers (`%eth0`), prefixes (`/64`) and brackets are not part of an address.
enum IPv6Format {
    /// - Parameter elisionCoversTwoGroups: RFC 5321's `IPv6-comp` (e-mail address literals) lets
    ///   `::` stand only for two or more groups, so at most six groups may be written beside it.
    static func isValid(_ bytes: UTF8Bytes, elisionCoversTwoGroups: Bool = false) -> Bool {
        guard !bytes.isEmpty else { return false }
        var index = 0
        var groups = 0
        var isCompressed = false
        if bytes[0] == ASCII.colon {
            guard bytes.byte(at: 1) == ASCII.colon else { return false }
            isCompressed = true
            index = 2
        }
        while index < bytes.count {
            let groupStart = index
            while let byte = bytes.byte(at: index), byte.isASCIIHexDigit { index += 1 }
            if bytes.byte(at: index) == ASCII.dot {
                // The embedded IPv4 address takes the last 32 bits and ends the address.
                guard IPv4Format.isValid(bytes.rebased(groupStart..<bytes.count)) else { return false }
                groups += 2
                break
            }
            let digits = index - groupStart
            guard digits >= 1, digits <= 4 else { return false }
            groups += 1
            guard index < bytes.count else { break }
            guard bytes[index] == ASCII.colon, index + 1 < bytes.count else { return false }
            index += 1
            if bytes[index] == ASCII.colon {
                guard !isCompressed else { return false }
                isCompressed = true
                index += 1
            }
        }
        if !isCompressed { return groups == 8 }
        return groups <= (elisionCoversTwoGroups ? 6 : 7)
    }
}
