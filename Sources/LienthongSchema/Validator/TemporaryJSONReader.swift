// TEMPORARY: a minimal JSON reader for the bundled metaschemas and the validator's tests, used
// until `JSONParser` (branch `json`) lands; then this file is deleted.

/// Reads RFC 8259 JSON into `JSONValue`, keeping number literals as written.
enum TemporaryJSONReader {
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    static func parse(_ text: String) throws -> JSONValue {
        var reader = Reader(bytes: Array(text.utf8))
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.position == reader.bytes.count else { throw reader.failure("trailing characters") }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        func failure(_ reason: String) -> Failure { Failure(offset: position, reason: reason) }

        mutating func skipWhitespace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard depth < 512 else { throw failure("nesting too deep") }
            guard position < bytes.count else { throw failure("unexpected end") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default: return try number()
            }
        }

        mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
            let expected = Array(word.utf8)
            guard position + expected.count <= bytes.count, Array(bytes[position..<position + expected.count]) == expected
            else { throw failure("invalid literal") }
            position += expected.count
            return value
        }

        mutating func number() throws -> JSONValue {
            let start = position
            while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
            guard position > start, let text = String(validating: bytes[start..<position], as: UTF8.self),
                Double(text) != nil
            else { throw failure("invalid number") }
            return .number(JSONNumber(literal: text))
        }

        mutating func string() throws -> String {
            position += 1
            var scalars = String.UnicodeScalarView()
            var run: [UInt8] = []
            while true {
                guard position < bytes.count else { throw failure("unterminated string") }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    break
                }
                if byte == UInt8(ascii: "\\") {
                    scalars.append(contentsOf: try decode(run))
                    run.removeAll()
                    scalars.append(try escape())
                    continue
                }
                run.append(byte)
                position += 1
            }
            scalars.append(contentsOf: try decode(run))
            return String(scalars)
        }

        func decode(_ run: [UInt8]) throws -> String.UnicodeScalarView {
            guard let text = String(validating: run, as: UTF8.self) else { throw failure("invalid UTF-8") }
            return text.unicodeScalars
        }

        mutating func escape() throws -> Unicode.Scalar {
            position += 1
            guard position < bytes.count else { throw failure("unterminated escape") }
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                let unit = try hex4()
                if (0xD800..<0xDC00).contains(unit), position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                {
                    position += 2
                    let low = try hex4()
                    let combined = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    guard (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(combined) else {
                        throw failure("invalid surrogate pair")
                    }
                    return scalar
                }
                guard let scalar = Unicode.Scalar(unit) else { throw failure("lone surrogate") }
                return scalar
            default:
                throw failure("invalid escape")
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard position + 4 <= bytes.count,
                let text = String(validating: bytes[position..<position + 4], as: UTF8.self),
                let value = UInt32(text, radix: 16)
            else { throw failure("invalid \\u escape") }
            position += 4
            return value
        }

        mutating func array(depth: Int) throws -> JSONValue {
            position += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                guard position < bytes.count else { throw failure("unterminated array") }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "]") { return .array(items) }
                guard bytes[position - 1] == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
            }
        }

        mutating func object(depth: Int) throws -> JSONValue {
            position += 1
            var members: [(key: String, value: JSONValue)] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(JSONObject(members))
            }
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("expected key") }
                let key = try string()
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure("expected ':'") }
                position += 1
                skipWhitespace()
                members.append((key, try value(depth: depth + 1)))
                skipWhitespace()
                guard position < bytes.count else { throw failure("unterminated object") }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "}") { return .object(JSONObject(members)) }
                guard bytes[position - 1] == UInt8(ascii: ",") else { throw failure("expected ',' or '}'") }
            }
        }
    }
}
