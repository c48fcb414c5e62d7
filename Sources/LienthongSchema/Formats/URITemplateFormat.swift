/// `uri-template` per RFC 6570 §2 (all levels):
///
///     URI-Template  = *( literals / expression )
///     expression    = "{" [ operator ] variable-list "}"
///     operator      = "+" / "#" / "." / "/" / ";" / "?" / "&" / "=" / "," / "!" / "@" / "|"
///     variable-list = varspec *( "," varspec )
///     varspec       = varname [ ":" max-length / "*" ]
///     varname       = varchar *( ["."] varchar ),  varchar = ALPHA / DIGIT / "_" / pct-encoded
///     max-length    = %x31-39 0*3DIGIT
///
/// The operators RFC 6570 reserves for future extensions (`= , ! @ |`) are part of the grammar
/// and therefore accepted.
enum URITemplateFormat {
    static func isValid(_ bytes: UTF8Bytes) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] == ASCII.openBrace {
                guard let close = bytes.firstIndex(of: ASCII.closeBrace, from: index + 1),
                    isExpressionBody(bytes.rebased((index + 1)..<close))
                else { return false }
                index = close + 1
            } else {
                let literalEnd = bytes.firstIndex(of: ASCII.openBrace, from: index) ?? bytes.count
                guard
                    URICharacters.isComponent(
                        bytes, index..<literalEnd, allowed: literalCharacters, nonASCII: .ucscharOrPrivate)
                else { return false }
                index = literalEnd
            }
        }
        return true
    }

    /// `literals` without `pct-encoded`: any ASCII character but CTL, SP, DQUOTE, "%", "<", ">",
    /// "\", "^", "`", "{", "|" and "}". The RFC's ABNF also leaves out "'", but its prose and the
    /// JSON Schema test suite treat it as a literal (it is a URI sub-delim), so it is accepted.
    private static let literalCharacters = ASCIISet.letters.union(.digits).union(ASCIISet("!#$&'()*+,-./:;=?@[]_~"))
    private static let operators = ASCIISet("+#./;?&=,!@|")
    private static let varchar = ASCIISet.letters.union(.digits).union(ASCIISet("_"))

    /// What lies between the braces: `[ operator ] variable-list`.
    private static func isExpressionBody(_ bytes: UTF8Bytes) -> Bool {
        var index = 0
        if let first = bytes.byte(at: 0), operators.contains(first) { index = 1 }
        while true {
            guard let afterSpec = endOfVarspec(bytes, from: index) else { return false }
            if afterSpec == bytes.count { return true }
            guard bytes[afterSpec] == ASCII.comma else { return false }
            index = afterSpec + 1
        }
    }

    /// `varspec = varname [ modifier-level4 ]`; returns the index after it.
    private static func endOfVarspec(_ bytes: UTF8Bytes, from start: Int) -> Int? {
        var index = start
        var expectsVarchar = true  // at the start and after a "."
        while index < bytes.count {
            let byte = bytes[index]
            if varchar.contains(byte) {
                index += 1
            } else if byte == ASCII.percent {
                guard let high = bytes.byte(at: index + 1), high.isASCIIHexDigit,
                    let low = bytes.byte(at: index + 2), low.isASCIIHexDigit
                else { return nil }
                index += 3
            } else if byte == ASCII.dot, !expectsVarchar {
                index += 1
                expectsVarchar = true
                continue
            } else {
                break
            }
            expectsVarchar = false
        }
        guard !expectsVarchar else { return nil }
        switch bytes.byte(at: index) {
        case ASCII.asterisk:
            return index + 1
        case ASCII.colon:
            // max-length = %x31-39 0*3DIGIT
            guard let first = bytes.byte(at: index + 1), first != ASCII.zero, first.isASCIIDigit else { return nil }
            var end = index + 2
            while end < bytes.count, bytes[end].isASCIIDigit, end - index <= 4 { end += 1 }
            if let next = bytes.byte(at: end), next.isASCIIDigit { return nil }  // five digits or more
            return end
        default:
            return index
        }
    }
}
