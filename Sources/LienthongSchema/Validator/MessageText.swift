/// Short renderings of JSON values for error messages: compact JSON, cut off when long so
/// that one large instance cannot flood a log line.
enum MessageText {
    static let limit = 80

    /// `value` as compact JSON, shortened to about `limit` characters with "…".
    static func json(_ value: JSONValue, limit: Int = MessageText.limit) -> String {
        var text = ""
        write(value, into: &text, limit: limit)
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }

    /// `'name'` with the name shortened and quotes inside it visible.
    static func quoted(_ name: String) -> String {
        let short = name.count > limit ? String(name.prefix(limit)) + "…" : name
        return "'" + short + "'"
    }

    /// "a, b or c".
    static func list(_ items: [String], conjunction: String = "or") -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    private static func write(_ value: JSONValue, into text: inout String, limit: Int) {
        // Stop early: the result is cut at `limit` anyway, and instances can be huge.
        guard text.count <= limit else { return }
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number): text += number.literal
        case .string(let string): writeString(string, into: &text, limit: limit)
        case .array(let items):
            text += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { text += "," }
                write(item, into: &text, limit: limit)
                if text.count > limit { break }
            }
            text += "]"
        case .object(let object):
            text += "{"
            for (offset, member) in object.enumerated() {
                if offset > 0 { text += "," }
                writeString(member.key, into: &text, limit: limit)
                text += ":"
                write(member.value, into: &text, limit: limit)
                if text.count > limit { break }
            }
            text += "}"
        }
    }

    private static func writeString(_ string: String, into text: inout String, limit: Int) {
        text += "\""
        for scalar in string.unicodeScalars.prefix(limit + 1) {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
