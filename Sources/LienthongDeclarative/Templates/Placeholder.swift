import LienthongJSON

/// One `{…}` of a template: where its value comes from, whether it may be absent, and an optional
/// conversion. The syntax (documented in docs/DESIGN.md and examples/adapters/):
///
///     {/a/b}            JSON Pointer into the input: the request payload, or the upstream's JSON answer
///     {xml:A/B/C[2]}    element path into the upstream's XML answer (local names; [n] is 1-based)
///     {@/a} {@}         inside `$each`: the current element (JSON), or the element itself
///     {@xml:B/C}        inside `$each` over XML elements: a path below the current element
///     {messageId} {from} {to} {service}    the exchange's envelope
///     {secret:NAME}     a secret declared under `secrets:` (request side only)
///
/// A `?` after the source makes the value optional (absent or null gives nothing), and `|string`,
/// `|number`, `|integer` or `|boolean` converts the value: `{xml:A/Amount|number}`, `{/code?|string}`.
public struct Placeholder: Sendable, Hashable, CustomStringConvertible {
    /// Where a placeholder's value comes from.
    public enum Source: Sendable, Hashable {
        case pointer(JSONPointer)
        case xml(XMLPath)
        case itemPointer(JSONPointer)
        case itemXML(XMLPath)
        case envelope(EnvelopeField)
        case secret(String)
    }

    /// Values of the exchange's envelope a template may use.
    public enum EnvelopeField: String, Sendable, Hashable, CaseIterable {
        case messageId, from, to, service
    }

    /// Conversions from the source's value.
    public enum Conversion: String, Sendable, Hashable, CaseIterable {
        case string, number, integer, boolean
    }

    public let source: Source
    public let optional: Bool
    public let conversion: Conversion?
    /// The text between the braces, for messages.
    public let text: String

    public var description: String { "{\(text)}" }

    /// Parses the text between the braces.
    public init(parsing text: String) throws(TemplateSyntaxError) {
        self.text = text
        var body = Substring(text)
        var conversion: Conversion?
        if let bar = body.lastIndex(of: "|") {
            let name = String(body[body.index(after: bar)...])
            guard let parsed = Conversion(rawValue: name) else {
                throw TemplateSyntaxError(
                    "{\(text)}: unknown conversion \"\(name)\" (known: \(Conversion.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            conversion = parsed
            body = body[..<bar]
        }
        var optional = false
        if body.hasSuffix("?") {
            optional = true
            body = body.dropLast()
        }
        self.optional = optional
        self.conversion = conversion
        self.source = try Self.source(String(body), in: text)
    }

    private static func source(_ body: String, in text: String) throws(TemplateSyntaxError) -> Source {
        if body.hasPrefix("/") { return .pointer(try pointer(body, in: text)) }
        if body == "@" { return .itemPointer(JSONPointer()) }
        if body.hasPrefix("@/") { return .itemPointer(try pointer(String(body.dropFirst()), in: text)) }
        if body.hasPrefix("@xml:") { return .itemXML(try xmlPath(String(body.dropFirst(5)), in: text)) }
        if body.hasPrefix("xml:") { return .xml(try xmlPath(String(body.dropFirst(4)), in: text)) }
        if body.hasPrefix("secret:") {
            let name = String(body.dropFirst(7))
            guard SecretName.isValid(name) else {
                throw TemplateSyntaxError("{\(text)}: a secret name is letters, digits, - and _")
            }
            return .secret(name)
        }
        if let field = EnvelopeField(rawValue: body) { return .envelope(field) }
        let known = EnvelopeField.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
        throw TemplateSyntaxError(
            "{\(text)}: unknown placeholder; use a JSON Pointer ({/field}), {xml:Path/To/Element}, {@…} inside $each or $with, "
                + "{secret:NAME} or one of \(known)")
    }

    private static func pointer(_ body: String, in text: String) throws(TemplateSyntaxError) -> JSONPointer {
        do { return try JSONPointer(body) } catch { throw TemplateSyntaxError("{\(text)}: \(error)") }
    }

    private static func xmlPath(_ body: String, in text: String) throws(TemplateSyntaxError) -> XMLPath {
        do { return try XMLPath(parsing: body) } catch { throw TemplateSyntaxError("{\(text)}: \(error)") }
    }
}

/// Names of secrets: letters, digits, `-` and `_`.
enum SecretName {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

/// A template that cannot be parsed, or uses a placeholder where it is not allowed.
public struct TemplateSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
