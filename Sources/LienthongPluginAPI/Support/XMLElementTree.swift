import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a parsed XML document: local name, namespace, child elements and its own text.
/// Attributes are not kept: the formats read with it carry their data in elements.
public struct XMLElementNode: Sendable, Hashable {
    public let name: String
    public let namespace: String?
    public var children: [XMLElementNode] = []
    /// The character data directly inside this element (CDATA included), concatenated.
    public var text: String = ""

    public init(name: String, namespace: String?, children: [XMLElementNode] = [], text: String = "") {
        self.name = name
        self.namespace = namespace
        self.children = children
        self.text = text
    }
}

/// Parses bytes into an element tree with Foundation's XMLParser, after `XMLInputGuard` refused
/// DTDs, other encodings and inputs beyond the limits. Refusing `<!DOCTYPE` before parsing is what
/// keeps entity expansion (billion laughs) and external entities out: without a DTD no entity but
/// the five predefined ones exists. Shared by the edXML codec and the declarative adapters.
public enum XMLElementTreeReader {
    public static func parse(_ bytes: [UInt8], limits: XMLReadLimits) throws(XMLReadError) -> XMLElementNode {
        try XMLInputGuard.check(bytes, limits: limits)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder(limits: limits)
        parser.delegate = builder
        let succeeded = parser.parse()
        if let limitError = builder.limitError { throw limitError }
        guard succeeded, let root = builder.root else {
            let reason = parser.parserError.map { "parser error \(($0 as NSError).code)" } ?? "no root element"
            throw .malformed(line: parser.lineNumber, column: parser.columnNumber, reason: reason)
        }
        return root
    }
}

/// XMLParser's delegate: builds the tree on a stack and stops at the first limit exceeded.
// Used only inside one synchronous `parse` call, on one thread; never shared.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    let limits: XMLReadLimits
    var stack: [XMLElementNode] = []
    var root: XMLElementNode?
    var elementCount = 0
    var limitError: XMLReadError?

    init(limits: XMLReadLimits) { self.limits = limits }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        elementCount += 1
        if elementCount > limits.maxElements {
            stop(parser, .tooManyElements(limit: limits.maxElements))
            return
        }
        if stack.count >= limits.maxDepth {
            stop(parser, .tooDeep(limit: limits.maxDepth))
            return
        }
        let namespace = namespaceURI.flatMap { $0.isEmpty ? nil : $0 }
        stack.append(XMLElementNode(name: elementName, namespace: namespace))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let finished = stack.popLast() else { return }
        if stack.isEmpty {
            root = finished
        } else {
            stack[stack.count - 1].children.append(finished)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        guard let text = String(data: CDATABlock, encoding: .utf8) else {
            stop(parser, .malformed(line: parser.lineNumber, column: parser.columnNumber, reason: "CDATA section is not UTF-8"))
            return
        }
        stack[stack.count - 1].text += text
    }

    private func stop(_ parser: XMLParser, _ error: XMLReadError) {
        if limitError == nil { limitError = error }
        parser.abortParsing()
    }
}
