/// `uri`, `uri-reference` (RFC 3986) and `iri`, `iri-reference` (RFC 3987), checked against the
/// generic syntax:
///
///     URI-reference = URI / relative-ref
///     URI           = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
///     relative-ref  = relative-part [ "?" query ] [ "#" fragment ]
///     hier-part     = "//" authority path-abempty / path-absolute / path-rootless / path-empty
///     relative-part = "//" authority path-abempty / path-absolute / path-noscheme / path-empty
///     authority     = [ userinfo "@" ] host [ ":" port ]
///
/// Scheme-specific rules are not checked, and a host that looks like an IPv4 address but is not
/// one (`999.1.1.1`) is still a valid `reg-name`, as the grammar says.
enum URIFormat {
    enum Kind {
        case uri, uriReference, iri, iriReference

        var requiresScheme: Bool { self == .uri || self == .iri }
        var isInternationalized: Bool { self == .iri || self == .iriReference }
    }

    static func isValid(_ bytes: UTF8Bytes, kind: Kind) -> Bool {
        let components = kind.isInternationalized ? NonASCIIRules.iri : NonASCIIRules.uri
        let afterScheme = endOfScheme(bytes).map { $0 + 1 }
        if kind.requiresScheme, afterScheme == nil { return false }
        let partStart = afterScheme ?? 0

        var partEnd = partStart
        while partEnd < bytes.count, bytes[partEnd] != ASCII.questionMark, bytes[partEnd] != ASCII.numberSign {
            partEnd += 1
        }
        guard isHierarchicalPart(bytes, partStart..<partEnd, isRelative: afterScheme == nil, components) else {
            return false
        }

        var index = partEnd
        if index < bytes.count, bytes[index] == ASCII.questionMark {
            let queryEnd = bytes.firstIndex(of: ASCII.numberSign, from: index + 1) ?? bytes.count
            guard
                URICharacters.isComponent(
                    bytes, (index + 1)..<queryEnd, allowed: URICharacters.queryOrFragment, nonASCII: components.query)
            else { return false }
            index = queryEnd
        }
        if index < bytes.count {  // at "#": the fragment runs to the end and may not hold another "#"
            return URICharacters.isComponent(
                bytes, (index + 1)..<bytes.count, allowed: URICharacters.queryOrFragment,
                nonASCII: components.other)
        }
        return true
    }

    /// Which non-ASCII characters each component admits: none in a URI; `ucschar` in an IRI, plus
    /// `iprivate` in its query (RFC 3987 §2.2).
    private struct NonASCIIRules {
        var other: URICharacters.NonASCII
        var query: URICharacters.NonASCII

        static let uri = NonASCIIRules(other: .refused, query: .refused)
        static let iri = NonASCIIRules(other: .ucschar, query: .ucscharOrPrivate)
    }

    /// The index of the colon ending a valid `scheme` at the start, if there is one.
    private static func endOfScheme(_ bytes: UTF8Bytes) -> Int? {
        guard let first = bytes.byte(at: 0), first.isASCIILetter else { return nil }
        var index = 1
        while index < bytes.count, URICharacters.scheme.contains(bytes[index]) { index += 1 }
        return bytes.byte(at: index) == ASCII.colon ? index : nil
    }

    /// `hier-part` (after a scheme) or `relative-part` (without one).
    private static func isHierarchicalPart(
        _ bytes: UTF8Bytes, _ range: Range<Int>, isRelative: Bool, _ components: NonASCIIRules
    ) -> Bool {
        let start = range.lowerBound
        if range.count >= 2, bytes[start] == ASCII.slash, bytes[start + 1] == ASCII.slash {
            // "//" authority path-abempty
            let authorityEnd =
                bytes.firstIndex(of: ASCII.slash, from: start + 2, to: range.upperBound) ?? range.upperBound
            return isAuthority(bytes, (start + 2)..<authorityEnd, components)
                && URICharacters.isComponent(
                    bytes, authorityEnd..<range.upperBound, allowed: URICharacters.path, nonASCII: components.other)
        }
        if isRelative {
            // path-noscheme: a colon in the first segment would make it look like a scheme.
            let firstSegmentEnd =
                bytes.firstIndex(of: ASCII.slash, from: start, to: range.upperBound) ?? range.upperBound
            if bytes.firstIndex(of: ASCII.colon, from: start, to: firstSegmentEnd) != nil { return false }
        }
        return URICharacters.isComponent(bytes, range, allowed: URICharacters.path, nonASCII: components.other)
    }

    /// `authority = [ userinfo "@" ] host [ ":" port ]`
    private static func isAuthority(_ bytes: UTF8Bytes, _ range: Range<Int>, _ components: NonASCIIRules) -> Bool {
        var hostStart = range.lowerBound
        if let at = bytes.firstIndex(of: ASCII.at, from: range.lowerBound, to: range.upperBound) {
            guard
                URICharacters.isComponent(
                    bytes, range.lowerBound..<at, allowed: URICharacters.userinfo, nonASCII: components.other)
            else { return false }
            hostStart = at + 1
        }
        let hostEnd: Int
        if hostStart < range.upperBound, bytes[hostStart] == ASCII.openBracket {
            guard let close = bytes.firstIndex(of: ASCII.closeBracket, from: hostStart, to: range.upperBound),
                isIPLiteral(bytes.rebased((hostStart + 1)..<close))
            else { return false }
            hostEnd = close + 1
        } else {
            hostEnd = bytes.firstIndex(of: ASCII.colon, from: hostStart, to: range.upperBound) ?? range.upperBound
            guard
                URICharacters.isComponent(
                    bytes, hostStart..<hostEnd, allowed: URICharacters.regName, nonASCII: components.other)
            else { return false }
        }
        guard hostEnd < range.upperBound else { return true }
        // ":" port, with port = *DIGIT
        guard bytes[hostEnd] == ASCII.colon else { return false }
        return bytes[(hostEnd + 1)..<range.upperBound].allSatisfy(\.isASCIIDigit)
    }

    /// The inside of `IP-literal = "[" ( IPv6address / IPvFuture ) "]"`, where
    /// `IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )`.
    private static func isIPLiteral(_ bytes: UTF8Bytes) -> Bool {
        guard let first = bytes.byte(at: 0), first | 0x20 == UInt8(ascii: "v") else {
            return IPv6Format.isValid(bytes)
        }
        var index = 1
        while index < bytes.count, bytes[index].isASCIIHexDigit { index += 1 }
        guard index > 1, bytes.byte(at: index) == ASCII.dot, index + 1 < bytes.count else { return false }
        return bytes[(index + 1)...].allSatisfy(URICharacters.ipFutureAddress.contains)
    }
}
