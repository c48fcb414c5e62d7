/// Text with placeholders: `/members/{/maSoBHXH}`, `Bearer {secret:token}`. `{{` and `}}` are
/// literal braces. How each value is escaped depends on where the text goes (path segment, query,
/// header, XML), so filling is left to `TemplateRenderer`.
public struct TextTemplate: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case placeholder(Placeholder)
    }

    public let segments: [Segment]
    /// The template as written.
    public let text: String

    public var description: String { text }

    /// The placeholders, in order.
    public var placeholders: [Placeholder] {
        segments.compactMap { if case .placeholder(let placeholder) = $0 { placeholder } else { nil } }
    }

    /// The placeholder when the template is exactly one placeholder and nothing else: its value
    /// keeps its JSON type (a number stays a number) instead of becoming text.
    public var soleSlot: Placeholder? {
        guard segments.count == 1, case .placeholder(let placeholder) = segments[0] else { return nil }
        return placeholder
    }

    public init(parsing text: String) throws(TemplateSyntaxError) {
        self.text = text
        var segments: [Segment] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "{" {
                if next < text.endIndex, text[next] == "{" {
                    literal.append("{")
                    index = text.index(after: next)
                    continue
                }
                guard let close = text[next...].firstIndex(of: "}") else {
                    throw TemplateSyntaxError("\"{\" without a closing \"}\" (write {{ for a literal brace)")
                }
                let body = String(text[next..<close])
                guard !body.contains("{") else {
                    throw TemplateSyntaxError("\"{\(body)}\": placeholders cannot nest (write {{ for a literal brace)")
                }
                if !literal.isEmpty { segments.append(.literal(literal)) }
                literal = ""
                segments.append(.placeholder(try Placeholder(parsing: body)))
                index = text.index(after: close)
                continue
            }
            if character == "}" {
                guard next < text.endIndex, text[next] == "}" else {
                    throw TemplateSyntaxError("\"}\" without an opening \"{\" (write }} for a literal brace)")
                }
                literal.append("}")
                index = text.index(after: next)
                continue
            }
            literal.append(character)
            index = next
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        self.segments = segments
    }
}
