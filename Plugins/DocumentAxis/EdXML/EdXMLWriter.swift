import LienthongPluginAPI
import LienthongSchema

/// Writes edXML elements from JSON following `EdXMLField` descriptions: every element in the edXML
/// namespace with the `edXML:` prefix, groups indented, text escaped, base64 in 76-character lines.
struct EdXMLWriter {
    private(set) var output = ""
    private var depth = 0

    init() {}

    /// Opens the root element and declares the namespace on it.
    mutating func openRoot(_ name: String) {
        output += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<\(EdXMLNamespace.prefix):\(name) xmlns:\(EdXMLNamespace.prefix)=\"\(EdXMLNamespace.uri)\">\n"
        depth = 1
    }

    mutating func open(_ name: String) {
        indent()
        output += "<\(EdXMLNamespace.prefix):\(name)>\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        indent()
        output += "</\(EdXMLNamespace.prefix):\(name)>\n"
    }

    /// An element holding `text` (escaped).
    mutating func textElement(_ name: String, _ text: String, path: String) throws(EdXMLError) {
        indent()
        let escaped: String
        do throws(XMLUnrepresentableCharacter) { escaped = try XMLTextEscaping.escaped(text) } catch {
            throw .unrepresentableCharacter(path: path, scalar: error.scalar)
        }
        output += "<\(EdXMLNamespace.prefix):\(name)>\(escaped)</\(EdXMLNamespace.prefix):\(name)>\n"
    }

    /// Writes `fields` from the members of `object`; a member without a field is an error, so that
    /// nothing the caller sent is silently dropped.
    mutating func write(_ fields: [EdXMLField], from object: JSONObject, path: String) throws(EdXMLError) {
        for key in object.keys where !fields.contains(where: { $0.name == key }) {
            throw .invalidJSON(path: "\(path)/\(key)", reason: "has no edXML element")
        }
        for field in fields {
            try write(field, value: object[field.name], path: "\(path)/\(field.name)")
        }
    }

    mutating func write(_ field: EdXMLField, value: JSONValue?, path: String) throws(EdXMLError) {
        guard let value else {
            if field.required { throw .invalidJSON(path: path, reason: "is required") }
            return
        }
        switch field.occurrence {
        case .single:
            try writeElement(field.element, content: field.content, value: value, path: path)
        case .repeated:
            guard case .array(let items) = value, !items.isEmpty else {
                throw .invalidJSON(path: path, reason: "must be a non-empty array")
            }
            for (index, item) in items.enumerated() {
                try writeElement(field.element, content: field.content, value: item, path: "\(path)[\(index)]")
            }
        case .list(let item):
            guard case .array(let items) = value else { throw .invalidJSON(path: path, reason: "must be an array") }
            open(field.element)
            for (index, entry) in items.enumerated() {
                try writeElement(item, content: field.content, value: entry, path: "\(path)[\(index)]")
            }
            close(field.element)
        }
    }

    private mutating func writeElement(_ name: String, content: EdXMLContent, value: JSONValue, path: String) throws(EdXMLError) {
        switch content {
        case .text:
            guard case .string(let text) = value else { throw .invalidJSON(path: path, reason: "must be a string") }
            try textElement(name, text, path: path)
        case .fixed(let expected):
            guard case .string(let text) = value, text == expected else {
                throw .invalidJSON(path: path, reason: "must be \"\(expected)\"")
            }
            try textElement(name, text, path: path)
        case .integer:
            guard case .number(let number) = value, let integer = number.intValue else {
                throw .invalidJSON(path: path, reason: "must be an integer")
            }
            try textElement(name, String(integer), path: path)
        case .base64:
            guard case .string(let text) = value, Base64Text.isValid(text) else {
                throw .invalidJSON(path: path, reason: "must be padded standard base64 without line breaks")
            }
            indent()
            output += "<\(EdXMLNamespace.prefix):\(name)>\n"
            output += Base64Text.wrapped(text)
            indent()
            output += "</\(EdXMLNamespace.prefix):\(name)>\n"
        case .group(let fields):
            guard case .object(let object) = value else { throw .invalidJSON(path: path, reason: "must be an object") }
            open(name)
            try write(fields, from: object, path: path)
            close(name)
        }
    }

    private mutating func indent() {
        output += String(repeating: "  ", count: depth)
    }
}
