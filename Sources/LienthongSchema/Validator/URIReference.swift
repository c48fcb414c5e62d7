/// A URI reference (RFC 3986 §4.1) split into its five components, with reference resolution
/// (§5.2) so that `$id`, `$ref` and `$schema` values combine with the base URI in effect.
///
/// Only what schema identification needs: no percent-decoding of components (identifiers are
/// compared as written, after resolution and the normalisations in `normalized`).
struct URIReference: Sendable, Hashable, CustomStringConvertible {
    var scheme: String?
    /// The authority without the leading `//`; nil when there is none (`urn:x`), empty for `file:///`.
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Splits `text` following the component grammar of RFC 3986 Appendix B.
    /// Returns nil only when the text contains characters a URI can never hold (spaces, controls).
    init?(_ text: String) {
        for scalar in text.unicodeScalars where scalar.value <= 0x20 || scalar.value == 0x7F {
            return nil
        }
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if let colon = rest.firstIndex(of: ":"), URIReference.isScheme(rest[..<colon]) {
            scheme = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = URIReference.normalizedAuthority(rest[afterSlashes..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// True for an absolute URI (it has a scheme), with or without a fragment.
    var isAbsolute: Bool { scheme != nil }

    /// The same reference without its fragment.
    var withoutFragment: URIReference {
        var copy = self
        copy.fragment = nil
        return copy
    }

    var description: String {
        var text = ""
        if let scheme { text += scheme + ":" }
        if let authority { text += "//" + authority }
        text += path
        if let query { text += "?" + query }
        if let fragment { text += "#" + fragment }
        return text
    }

    /// Resolves `self` (a reference) against `base` (an absolute URI), RFC 3986 §5.2.2.
    func resolved(against base: URIReference) -> URIReference {
        if let scheme {
            return URIReference(
                scheme: scheme, authority: authority, path: Self.removingDotSegments(path),
                query: query, fragment: fragment)
        }
        if authority != nil {
            return URIReference(
                scheme: base.scheme, authority: authority, path: Self.removingDotSegments(path),
                query: query, fragment: fragment)
        }
        if path.isEmpty {
            return URIReference(
                scheme: base.scheme, authority: base.authority, path: base.path,
                query: query ?? base.query, fragment: fragment)
        }
        let mergedPath = path.hasPrefix("/") ? path : Self.merge(base: base, relativePath: path)
        return URIReference(
            scheme: base.scheme, authority: base.authority, path: Self.removingDotSegments(mergedPath),
            query: query, fragment: fragment)
    }

    // MARK: - RFC 3986 helpers

    private static func isScheme(_ candidate: Substring) -> Bool {
        guard let first = candidate.unicodeScalars.first, isASCIILetter(first) else { return false }
        return candidate.unicodeScalars.allSatisfy { scalar in
            isASCIILetter(scalar) || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
        }
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Host names are case-insensitive; user information is not, so only the part after `@` is lowered.
    private static func normalizedAuthority(_ authority: Substring) -> String {
        guard let at = authority.lastIndex(of: "@") else { return authority.lowercased() }
        return String(authority[...at]) + authority[authority.index(after: at)...].lowercased()
    }

    /// RFC 3986 §5.2.3.
    private static func merge(base: URIReference, relativePath: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + relativePath }
        guard let lastSlash = base.path.lastIndex(of: "/") else { return relativePath }
        return String(base.path[...lastSlash]) + relativePath
    }

    /// RFC 3986 §5.2.4, over path segments.
    static func removingDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        let isAbsolutePath = path.hasPrefix("/")
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if isAbsolutePath { segments.removeFirst() }
        var output: [String] = []
        var endsWithDirectory = false
        for segment in segments {
            endsWithDirectory = false
            switch segment {
            case ".":
                endsWithDirectory = true
            case "..":
                if !output.isEmpty { output.removeLast() }
                endsWithDirectory = true
            default:
                output.append(segment)
            }
        }
        var result = (isAbsolutePath ? "/" : "") + output.joined(separator: "/")
        if endsWithDirectory && !result.hasSuffix("/") && !(result.isEmpty && !isAbsolutePath) { result += "/" }
        return result
    }
}
