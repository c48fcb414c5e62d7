/// Character classes of RFC 3986 (URI) and RFC 3987 (IRI) used by the URI and URI template checks.
enum URICharacters {
    /// `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"`
    static let unreserved = ASCIISet.letters.union(.digits).union(ASCIISet("-._~"))
    /// `sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="`
    static let subDelims = ASCIISet("!$&'()*+,;=")
    /// `pchar` without `pct-encoded`: `unreserved / sub-delims / ":" / "@"`
    static let pchar = unreserved.union(subDelims).union(ASCIISet(":@"))
    /// Path bytes: `pchar` and the segment separator `/`.
    static let path = pchar.union(ASCIISet("/"))
    /// `query` and `fragment`: `*( pchar / "/" / "?" )`
    static let queryOrFragment = pchar.union(ASCIISet("/?"))
    /// `userinfo = *( unreserved / pct-encoded / sub-delims / ":" )`
    static let userinfo = unreserved.union(subDelims).union(ASCIISet(":"))
    /// `reg-name = *( unreserved / pct-encoded / sub-delims )`
    static let regName = unreserved.union(subDelims)
    /// The `IPvFuture` address after the dot: `1*( unreserved / sub-delims / ":" )`
    static let ipFutureAddress = unreserved.union(subDelims).union(ASCIISet(":"))
    /// `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`, after the first letter.
    static let scheme = ASCIISet.letters.union(.digits).union(ASCIISet("+-."))

    /// RFC 3987 `ucschar`: the non-ASCII characters an IRI may hold unescaped.
    static func isUCSChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: return true
        case 0x10000...0xEFFFD:
            // Each plane 1-14 except its last two code points (noncharacters); plane 14 starts at E1000.
            let plane = scalar.value >> 16
            return scalar.value & 0xFFFF <= 0xFFFD && (plane != 0xE || scalar.value >= 0xE1000)
        default: return false
        }
    }

    /// RFC 3987 `iprivate`: private-use characters, allowed only in an IRI query.
    static func isIPrivate(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD: return true
        default: return false
        }
    }

    /// Which non-ASCII characters a component may hold unescaped.
    enum NonASCII {
        /// None: a URI is ASCII only.
        case refused
        /// `ucschar` (IRI components).
        case ucschar
        /// `ucschar / iprivate` (IRI query; URI template literals).
        case ucscharOrPrivate

        func allows(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .refused: return false
            case .ucschar: return URICharacters.isUCSChar(scalar)
            case .ucscharOrPrivate: return URICharacters.isUCSChar(scalar) || URICharacters.isIPrivate(scalar)
            }
        }
    }

    /// Whether `bytes[range]` consists only of bytes in `allowed`, `pct-encoded` triplets
    /// (`"%" HEXDIG HEXDIG`) and the non-ASCII characters `nonASCII` admits.
    static func isComponent(
        _ bytes: UTF8Bytes, _ range: Range<Int>, allowed: ASCIISet, nonASCII: NonASCII
    ) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if allowed.contains(byte) {
                index += 1
            } else if byte == ASCII.percent {
                guard index + 2 < range.upperBound,
                    bytes[index + 1].isASCIIHexDigit, bytes[index + 2].isASCIIHexDigit
                else { return false }
                index += 3
            } else if byte >= 0x80, let (scalar, length) = bytes.scalar(at: index),
                index + length <= range.upperBound, nonASCII.allows(scalar)
            {
                index += length
            } else {
                return false
            }
        }
        return true
    }
}
