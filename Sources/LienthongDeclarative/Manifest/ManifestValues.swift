/// Checks of single manifest values, shared by the parser and the settings.
enum ManifestValues {
    /// `http(s)://host[:port][/path]` without query or fragment, trailing slashes removed; nil otherwise.
    static func baseURL(_ text: String) -> String? {
        guard text.hasPrefix("http://") || text.hasPrefix("https://") else { return nil }
        guard !text.contains("?"), !text.contains("#"), !text.contains(where: { $0.isWhitespace }) else { return nil }
        var base = text
        while base.hasSuffix("/") { base.removeLast() }
        let afterScheme = base.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard afterScheme.count >= 3, !afterScheme[2].isEmpty else { return nil }
        return base
    }

    /// Adapter ids: lower-case letters, digits and hyphens, starting with a letter, at most 64.
    static func isAdapterID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.unicodeScalars.count <= 64 else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// `MAJOR.MINOR.PATCH` with an optional `-pre` or `+build` suffix.
    static func isVersion(_ text: String) -> Bool {
        let core = text.prefix { $0 != "-" && $0 != "+" }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return false }
        let suffix = text.dropFirst(core.count)
        return suffix.isEmpty || (suffix.count > 1 && suffix.dropFirst().allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
    }

    /// HTTP header names (RFC 9110 tokens).
    static func isHeaderName(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
        }
    }

    /// Headers the HTTP client sets itself; a manifest may not.
    static let reservedHeaders: Set<String> = ["host", "content-length", "transfer-encoding", "connection", "content-type"]

    /// Literal text of a path template: URL path characters only (no query, no fragment).
    static func isPathLiteral(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~!$&'()*+,;=:@/%".unicodeScalars.contains(scalar))
        }
    }
}
