/// Bounds on what `XMLElementTreeReader` accepts, so that hostile XML cannot exhaust memory or stack.
public struct XMLReadLimits: Sendable, Hashable {
    /// Largest document in bytes.
    public var maxBytes: Int
    /// Deepest element nesting.
    public var maxDepth: Int
    /// Most elements in one document.
    public var maxElements: Int

    public init(maxBytes: Int, maxDepth: Int, maxElements: Int) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
    }
}

/// Why bytes could not be read as an XML element tree.
public enum XMLReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The document is larger than the reader accepts.
    case tooLarge(bytes: Int, limit: Int)
    /// The document is not UTF-8 (or holds a zero byte).
    case notUTF8
    /// The XML declaration names an encoding other than UTF-8.
    case unsupportedEncoding(String)
    /// The document declares a DTD; refused so that no entity can expand (XML bombs, external entities).
    case doctypeRefused
    /// The bytes are not well-formed XML.
    case malformed(line: Int, column: Int, reason: String)
    /// Elements nest deeper than the limit.
    case tooDeep(limit: Int)
    /// More elements than the limit.
    case tooManyElements(limit: Int)

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit): "the XML document has \(bytes) bytes; at most \(limit) are accepted"
        case .notUTF8: "the XML document is not UTF-8 text"
        case .unsupportedEncoding(let encoding):
            "the XML document declares encoding \"\(encoding.prefix(40))\"; only UTF-8 is accepted"
        case .doctypeRefused: "the XML document declares a DTD (<!DOCTYPE); DTDs and entities are refused"
        case .malformed(let line, let column, let reason):
            "the XML document is not well-formed at line \(line), column \(column): \(reason)"
        case .tooDeep(let limit): "the XML document nests elements deeper than \(limit) levels"
        case .tooManyElements(let limit): "the XML document has more than \(limit) elements"
        }
    }
}
