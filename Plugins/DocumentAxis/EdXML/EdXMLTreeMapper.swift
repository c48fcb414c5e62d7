import LienthongPluginAPI
import LienthongSchema

/// Reads JSON from a parsed element tree following `EdXMLField` descriptions, refusing what the
/// description does not allow: foreign namespaces, unknown, missing or repeated elements, stray
/// text, bad integers and bad base64. Element order is not checked; the JSON keeps the
/// description's order.
enum EdXMLTreeMapper {
    /// The JSON object for a group element's children.
    static func object(_ fields: [EdXMLField], from element: XMLElementNode, path: String) throws(EdXMLError) -> JSONObject {
        try checkOnlyElements(element, path: path)
        for child in element.children where !fields.contains(where: { $0.element == child.name }) {
            throw .unexpectedElement(path: "\(path)/\(child.name)")
        }
        var members: [(key: String, value: JSONValue)] = []
        for field in fields {
            let matches = element.children.filter { $0.name == field.element }
            let fieldPath = "\(path)/\(field.element)"
            guard !matches.isEmpty else {
                if field.required { throw .missingElement(path: fieldPath) }
                continue
            }
            switch field.occurrence {
            case .single:
                guard matches.count == 1 else { throw .repeatedElement(path: fieldPath) }
                members.append((field.name, try value(field.content, of: matches[0], path: fieldPath)))
            case .repeated:
                var items: [JSONValue] = []
                for (index, match) in matches.enumerated() {
                    items.append(try value(field.content, of: match, path: "\(fieldPath)[\(index + 1)]"))
                }
                members.append((field.name, .array(items)))
            case .list(let item):
                guard matches.count == 1 else { throw .repeatedElement(path: fieldPath) }
                try checkOnlyElements(matches[0], path: fieldPath)
                var items: [JSONValue] = []
                for (index, entry) in matches[0].children.enumerated() {
                    guard entry.name == item else { throw .unexpectedElement(path: "\(fieldPath)/\(entry.name)") }
                    items.append(try value(field.content, of: entry, path: "\(fieldPath)/\(item)[\(index + 1)]"))
                }
                members.append((field.name, .array(items)))
            }
        }
        return JSONObject(members)
    }

    /// The single child named `name` of `element`, in the edXML namespace.
    static func child(_ name: String, of element: XMLElementNode, path: String) throws(EdXMLError) -> XMLElementNode {
        let matches = element.children.filter { $0.name == name }
        guard let first = matches.first else { throw .missingElement(path: "\(path)/\(name)") }
        guard matches.count == 1 else { throw .repeatedElement(path: "\(path)/\(name)") }
        return first
    }

    /// Refuses text (other than whitespace between elements) and children outside the namespace.
    static func checkOnlyElements(_ element: XMLElementNode, path: String) throws(EdXMLError) {
        guard element.text.unicodeScalars.allSatisfy(isWhitespace) else { throw .unexpectedText(path: path) }
        for child in element.children where child.namespace != EdXMLNamespace.uri {
            throw .wrongNamespace(path: "\(path)/\(child.name)", found: child.namespace)
        }
    }

    private static func value(_ content: EdXMLContent, of element: XMLElementNode, path: String) throws(EdXMLError) -> JSONValue {
        switch content {
        case .group(let fields):
            return .object(try object(fields, from: element, path: path))
        case .text:
            try checkNoChildren(element, path: path)
            return .string(element.text)
        case .fixed(let expected):
            try checkNoChildren(element, path: path)
            let text = trimmed(element.text)
            guard text == expected else { throw .unexpectedValue(path: path, expected: expected, found: text) }
            return .string(text)
        case .integer:
            try checkNoChildren(element, path: path)
            let text = trimmed(element.text)
            guard isDecimalInteger(text), let integer = Int(text) else { throw .invalidInteger(path: path, text: text) }
            return .number(JSONNumber(integer))
        case .base64:
            try checkNoChildren(element, path: path)
            let text = Base64Text.removingLineBreaks(element.text)
            guard Base64Text.isValid(text) else { throw .invalidBase64(path: path) }
            return .string(text)
        }
    }

    /// Refuses child elements inside an element that holds a value.
    private static func checkNoChildren(_ element: XMLElementNode, path: String) throws(EdXMLError) {
        if let child = element.children.first { throw .unexpectedElement(path: "\(path)/\(child.name)") }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isWhitespace($0) }),
              let end = scalars.lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// An optional minus and 1 to 18 digits: Int cannot overflow and "+1" or "0x1" are refused.
    private static func isDecimalInteger(_ text: String) -> Bool {
        let digits = (text.hasPrefix("-") ? Substring(text.dropFirst()) : Substring(text)).utf8
        return !digits.isEmpty && digits.count <= 18 && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
