import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of an incoming edXML message: its local name, its children and its text.
struct EdXMLInputElement: Sendable {
    let name: String
    var children: [EdXMLInputElement] = []
    var text: String = ""

    /// The children named `name`.
    func all(_ name: String) -> [EdXMLInputElement] { children.filter { $0.name == name } }

    /// The one child named `name`, or a refusal naming the missing element.
    func required(_ name: String, in path: String) throws(AxisRefusal) -> EdXMLInputElement {
        let matches = all(name)
        guard let first = matches.first else { throw .invalid("E_MISSING_FIELD", "\(path)/\(name) is missing") }
        guard matches.count == 1 else { throw .invalid("E_INVALID_FIELD", "\(path)/\(name) occurs more than once") }
        return first
    }

    /// The non-blank text of the one child named `name`.
    func requiredText(_ name: String, in path: String) throws(AxisRefusal) -> String {
        let text = try required(name, in: path).text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .invalid("E_MISSING_FIELD", "\(path)/\(name) is empty") }
        return text
    }

    /// The trimmed text of the child named `name`, when present and not blank.
    func optionalText(_ name: String) -> String? {
        let text = all(name).first?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text?.isEmpty == false ? text : nil
    }
}

/// The mock axis' own XML reader, strict like the real gateway: no DTD, bounded size and depth,
/// every element in the edXML namespace.
enum EdXMLInputReader {
    static let namespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
    static let maxDepth = 16
    static let maxElements = 50_000

    static func parse(_ bytes: [UInt8]) throws(AxisRefusal) -> EdXMLInputElement {
        // The DOCTYPE scan below only works on UTF-8: UTF-16 or a declared UTF-7 could hide it.
        guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else {
            throw .invalid("E_XML_ENCODING", "messages must be UTF-8")
        }
        if bytes.starts(with: Array("<?xml".utf8)), let declarationEnd = offset(of: Array("?>".utf8), in: bytes) {
            let declaration = String(decoding: bytes[..<declarationEnd], as: UTF8.self).lowercased()
            if declaration.contains("encoding"), !declaration.contains("\"utf-8\""), !declaration.contains("'utf-8'") {
                throw .invalid("E_XML_ENCODING", "messages must be UTF-8; the XML declaration names another encoding")
            }
        }
        if offset(of: Array("<!DOCTYPE".utf8), in: bytes) != nil {
            throw .invalid("E_XML_DOCTYPE", "DTDs (<!DOCTYPE) are not accepted")
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let builder = InputTreeBuilder()
        parser.delegate = builder
        let succeeded = parser.parse()
        if let refusal = builder.refusal { throw refusal }
        guard succeeded, let root = builder.root else {
            throw .invalid("E_XML_MALFORMED", "not well-formed XML near line \(parser.lineNumber), column \(parser.columnNumber)")
        }
        return root
    }

    /// Where `needle` first occurs in `bytes`. (The generic `firstRange(of:)` was a tenth of the
    /// mock's CPU under load, which the benchmarks charge to the machine the gateways share.)
    static func offset(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                var index = 0
                let last = haystack.count - needle.count
                while index <= last {
                    if haystack[index] == first, memcmp(haystack.baseAddress! + index, needle.baseAddress!, needle.count) == 0 {
                        return index
                    }
                    index += 1
                }
                return nil
            }
        }
    }
}

private final class InputTreeBuilder: NSObject, XMLParserDelegate {
    var stack: [EdXMLInputElement] = []
    var root: EdXMLInputElement?
    var elements = 0
    var refusal: AxisRefusal?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        elements += 1
        if namespaceURI != EdXMLInputReader.namespace {
            refuse(parser, .invalid("E_XML_NAMESPACE", "element \(qName ?? elementName) is not in namespace \(EdXMLInputReader.namespace)"))
        } else if stack.count >= EdXMLInputReader.maxDepth || elements > EdXMLInputReader.maxElements {
            refuse(parser, .invalid("E_XML_LIMIT", "the message nests too deep or has too many elements"))
        } else {
            stack.append(EdXMLInputElement(name: elementName))
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let done = stack.popLast() else { return }
        if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    private func refuse(_ parser: XMLParser, _ refusal: AxisRefusal) {
        if self.refusal == nil { self.refusal = refusal }
        parser.abortParsing()
    }
}
