import LienthongPluginAPI

/// Why an edXML message could not be written or read. Paths name elements from the root, e.g.
/// `edXMLEnvelope/edXMLHeader/MessageHeader/To[2]/OrganId`.
public enum EdXMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message is larger than the reader accepts.
    case tooLarge(bytes: Int, limit: Int)
    /// The message is not UTF-8 (or holds a zero byte).
    case notUTF8
    /// The XML declaration names an encoding other than UTF-8.
    case unsupportedEncoding(String)
    /// The message declares a DTD; refused so that no entity can expand (XML bombs, external entities).
    case doctypeRefused
    /// The bytes are not well-formed XML.
    case malformed(line: Int, column: Int, reason: String)
    /// Elements nest deeper than the limit.
    case tooDeep(limit: Int)
    /// More elements than the limit.
    case tooManyElements(limit: Int)
    /// An element is not in the edXML namespace.
    case wrongNamespace(path: String, found: String?)
    /// The root element is not the expected one.
    case unexpectedRoot(expected: String, found: String)
    /// A required element is absent.
    case missingElement(path: String)
    /// An element the format does not define at this place.
    case unexpectedElement(path: String)
    /// An element that may occur once occurs again.
    case repeatedElement(path: String)
    /// Text where only child elements may be.
    case unexpectedText(path: String)
    /// An element that must hold an integer holds something else.
    case invalidInteger(path: String, text: String)
    /// An element that must hold base64 holds something else.
    case invalidBase64(path: String)
    /// An element whose value is fixed by the format holds another value.
    case unexpectedValue(path: String, expected: String, found: String)
    /// Two parts of the message that must agree do not.
    case inconsistent(path: String, reason: String)
    /// The JSON given to the writer does not have the shape of the message.
    case invalidJSON(path: String, reason: String)
    /// A character XML 1.0 cannot carry (most control characters).
    case unrepresentableCharacter(path: String, scalar: UInt32)

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit):
            "the edXML message has \(bytes) bytes; at most \(limit) are accepted"
        case .notUTF8:
            "the edXML message is not UTF-8 text"
        case .unsupportedEncoding(let encoding):
            "the edXML message declares encoding \"\(encoding.prefix(40))\"; only UTF-8 is accepted"
        case .doctypeRefused:
            "the edXML message declares a DTD (<!DOCTYPE); DTDs and entities are refused"
        case .malformed(let line, let column, let reason):
            "the edXML message is not well-formed XML at line \(line), column \(column): \(reason)"
        case .tooDeep(let limit):
            "the edXML message nests elements deeper than \(limit) levels"
        case .tooManyElements(let limit):
            "the edXML message has more than \(limit) elements"
        case .wrongNamespace(let path, let found):
            "element \(path) is in namespace \(found.map { "\"\($0)\"" } ?? "(none)"); expected \"\(EdXMLNamespace.uri)\""
        case .unexpectedRoot(let expected, let found):
            "the root element is \(found); expected \(expected)"
        case .missingElement(let path):
            "required element \(path) is missing"
        case .unexpectedElement(let path):
            "element \(path) is not part of the message format"
        case .repeatedElement(let path):
            "element \(path) may occur only once"
        case .unexpectedText(let path):
            "element \(path) holds text but may hold only elements"
        case .invalidInteger(let path, let text):
            "element \(path) must hold an integer, not \"\(text.prefix(40))\""
        case .invalidBase64(let path):
            "element \(path) does not hold valid base64 (RFC 4648 alphabet, padded)"
        case .unexpectedValue(let path, let expected, let found):
            "element \(path) must be \"\(expected)\", not \"\(found.prefix(40))\""
        case .inconsistent(let path, let reason):
            "element \(path): \(reason)"
        case .invalidJSON(let path, let reason):
            "cannot write edXML: \(path) \(reason)"
        case .unrepresentableCharacter(let path, let scalar):
            "cannot write edXML: \(path) holds U+\(String(scalar, radix: 16, uppercase: true)), which XML 1.0 cannot carry"
        }
    }
}

/// The edXML namespace of QCVN 102:2016/BTTTT and the prefix the writer uses.
public enum EdXMLNamespace {
    public static let uri = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
    public static let prefix = "edXML"
}

/// Bounds on what the reader accepts, so that a hostile message cannot exhaust memory or stack.
public struct EdXMLLimits: Sendable, Hashable {
    /// Largest message in bytes (attachments included, base64-encoded).
    public var maxBytes: Int
    /// Deepest element nesting.
    public var maxDepth: Int
    /// Most elements in one message.
    public var maxElements: Int

    public init(maxBytes: Int = 96 * 1024 * 1024, maxDepth: Int = 16, maxElements: Int = 50_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
    }

    public static let `default` = EdXMLLimits()
}

extension EdXMLLimits {
    /// The same bounds for the shared XML reader.
    var xmlReadLimits: XMLReadLimits { XMLReadLimits(maxBytes: maxBytes, maxDepth: maxDepth, maxElements: maxElements) }
}

extension EdXMLError {
    /// The shared XML reader's refusal as the edXML error of the same meaning.
    init(_ error: XMLReadError) {
        switch error {
        case .tooLarge(let bytes, let limit): self = .tooLarge(bytes: bytes, limit: limit)
        case .notUTF8: self = .notUTF8
        case .unsupportedEncoding(let encoding): self = .unsupportedEncoding(encoding)
        case .doctypeRefused: self = .doctypeRefused
        case .malformed(let line, let column, let reason): self = .malformed(line: line, column: column, reason: reason)
        case .tooDeep(let limit): self = .tooDeep(limit: limit)
        case .tooManyElements(let limit): self = .tooManyElements(limit: limit)
        }
    }
}
