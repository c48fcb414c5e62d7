/// How `JSONValue.serialized(options:)` lays out its output.
public struct JSONSerializationOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Newlines and two-space indentation, `"key": value`.
    public static let prettyPrinted = JSONSerializationOptions(rawValue: 1 << 0)
    /// Object members ordered by key, comparing Unicode code points (not document order).
    public static let sortedKeys = JSONSerializationOptions(rawValue: 1 << 1)
}

extension JSONValue {
    /// The value as JSON text: compact by default. Numbers are written as their literal,
    /// strings escape only what RFC 8259 requires (`"`, `\` and control characters as
    /// `\u00XX`) and keep other characters as UTF-8. `JSONParser.parse` of the result gives
    /// back an equal value.
    public func serialized(options: JSONSerializationOptions = []) -> String {
        String(decoding: serializedBytes(options: options), as: UTF8.self)
    }

    /// The UTF-8 bytes of `serialized(options:)`.
    public func serializedBytes(options: JSONSerializationOptions = []) -> [UInt8] {
        var writer = JSONWriter(options: options)
        writer.write(self, indent: 0)
        return writer.output
    }
}

/// Writes values into a byte buffer. Recursive: values from the parser are at most
/// `Limits.maxDepth` deep.
struct JSONWriter {
    let options: JSONSerializationOptions
    var output: [UInt8] = []

    init(options: JSONSerializationOptions) {
        self.options = options
    }

    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null:
            append("null")
        case .bool(let flag):
            append(flag ? "true" : "false")
        case .number(let number):
            // JSON has no NaN or infinity: like JavaScript's JSON.stringify, write null.
            if number.isWellFormed { output.append(contentsOf: number.literal.utf8) } else { append("null") }
        case .string(let text):
            Self.appendQuoted(text, to: &output)
        case .array(let elements):
            writeArray(elements, indent: indent)
        case .object(let object):
            writeObject(object, indent: indent)
        }
    }

    private mutating func writeArray(_ elements: [JSONValue], indent: Int) {
        guard !elements.isEmpty else {
            append("[]")
            return
        }
        output.append(UInt8(ascii: "["))
        for (position, element) in elements.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent: indent + 1)
            write(element, indent: indent + 1)
        }
        newline(indent: indent)
        output.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ object: JSONObject, indent: Int) {
        guard !object.isEmpty else {
            append("{}")
            return
        }
        var members = object.members
        if options.contains(.sortedKeys) {
            // UTF-8 byte order is code point order.
            members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        }
        output.append(UInt8(ascii: "{"))
        for (position, member) in members.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent: indent + 1)
            Self.appendQuoted(member.key, to: &output)
            output.append(UInt8(ascii: ":"))
            if options.contains(.prettyPrinted) { output.append(UInt8(ascii: " ")) }
            write(member.value, indent: indent + 1)
        }
        newline(indent: indent)
        output.append(UInt8(ascii: "}"))
    }

    private mutating func newline(indent: Int) {
        guard options.contains(.prettyPrinted) else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    /// Appends `text` as a JSON string literal, copying runs that need no escaping at once.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    output.append(byte)
                default:
                    output.append(UInt8(ascii: "u"))
                    output.append(UInt8(ascii: "0"))
                    output.append(UInt8(ascii: "0"))
                    output.append(hexDigit(byte >> 4))
                    output.append(hexDigit(byte & 0x0F))
                }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }
}
