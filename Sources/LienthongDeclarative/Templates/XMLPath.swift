import LienthongPluginAPI

/// A path of element local names from an XML element, `Envelope/Body/TraCuuResponse/KetQua[2]/HoTen`.
/// Namespaces are ignored (SOAP prefixes vary between systems); `[n]` picks the n-th element of
/// that name (1-based, as in XPath), otherwise the first. The first step names the root element
/// itself when the path starts from the document, and a child when it starts from an `$each` item.
public struct XMLPath: Sendable, Hashable, CustomStringConvertible {
    public struct Step: Sendable, Hashable {
        public let name: String
        /// 1-based position among the siblings of that name; nil is "the first" (or "all" for `$each`).
        public let position: Int?
    }

    public let steps: [Step]
    public let text: String

    public var description: String { text }

    public init(parsing text: String) throws(TemplateSyntaxError) {
        guard !text.isEmpty else { throw TemplateSyntaxError("an XML element path needs at least one element name") }
        var steps: [Step] = []
        for raw in text.split(separator: "/", omittingEmptySubsequences: false) {
            var name = Substring(raw)
            var position: Int?
            if name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                let digits = name[name.index(after: open)..<name.index(before: name.endIndex)]
                guard let value = Int(digits), value >= 1 else {
                    throw TemplateSyntaxError("\"\(raw)\" in XML path \(text): the position in [ ] must be an integer from 1")
                }
                position = value
                name = name[..<open]
            }
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }) else {
                throw TemplateSyntaxError("\"\(raw)\" in XML path \(text) is not an element name (no prefixes, no wildcards)")
            }
            steps.append(Step(name: String(name), position: position))
        }
        self.steps = steps
        self.text = text
    }

    /// The element the path designates, starting with its first step at `root` itself.
    public func element(fromRoot root: XMLElementNode) -> XMLElementNode? {
        guard let first = steps.first, first.name == root.name, (first.position ?? 1) == 1 else { return nil }
        return Self.walk(Array(steps.dropFirst()), from: root)
    }

    /// The element the path designates, starting with its first step among `parent`'s children.
    public func element(below parent: XMLElementNode) -> XMLElementNode? {
        Self.walk(steps, from: parent)
    }

    /// Every element the last step matches (for `$each`), from the document root.
    public func elements(fromRoot root: XMLElementNode) -> [XMLElementNode]? {
        guard let first = steps.first, first.name == root.name else { return nil }
        if steps.count == 1 { return [root] }
        return Self.all(Array(steps.dropFirst()), from: root)
    }

    /// Every element the last step matches (for `$each`), below `parent`.
    public func elements(below parent: XMLElementNode) -> [XMLElementNode]? {
        Self.all(steps, from: parent)
    }

    private static func walk(_ steps: [Step], from start: XMLElementNode) -> XMLElementNode? {
        var current = start
        for step in steps {
            let matches = current.children.filter { $0.name == step.name }
            let index = (step.position ?? 1) - 1
            guard matches.indices.contains(index) else { return nil }
            current = matches[index]
        }
        return current
    }

    private static func all(_ steps: [Step], from start: XMLElementNode) -> [XMLElementNode]? {
        guard let last = steps.last else { return [start] }
        guard let parent = walk(Array(steps.dropLast()), from: start) else { return nil }
        let matches = parent.children.filter { $0.name == last.name }
        if let position = last.position {
            return matches.indices.contains(position - 1) ? [matches[position - 1]] : []
        }
        return matches
    }
}
