/// JSON Pointer (RFC 6901) text as the validator needs it: schema and instance locations are
/// kept as escaped pointer strings ("/properties/a~1b/0"), and `$ref` fragments arrive
/// percent-encoded ("#/$defs/a%25b").
enum SchemaPointer {
    /// Escapes one reference token: `~` → `~0`, `/` → `~1`.
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return token
        }
        var escaped = ""
        escaped.reserveCapacity(token.utf8.count + 2)
        for character in token.unicodeScalars {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// `pointer` with `token` appended as its last reference token.
    static func appending(_ pointer: String, _ token: String) -> String {
        pointer + "/" + escape(token)
    }

    /// The unescaped reference tokens of `pointer`; nil when it is not a pointer
    /// (non-empty without a leading `/`, or a `~` not followed by `0` or `1`).
    static func tokens(of pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let token = unescape(raw) else { return nil }
            tokens.append(token)
        }
        return tokens
    }

    private static func unescape(_ raw: Substring) -> String? {
        guard raw.contains("~") else { return String(raw) }
        var result = ""
        var iterator = raw.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "~" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch iterator.next() {
            case "0": result += "~"
            case "1": result += "/"
            default: return nil
            }
        }
        return result
    }

    /// The value `tokens` designate inside `root`, or nil when a token does not exist.
    /// Array indices follow RFC 6901: decimal digits without leading zeros.
    static func resolve(_ tokens: [String], in root: JSONValue) -> JSONValue? {
        var current = root
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let array):
                guard let index = arrayIndex(token), index < array.count else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }

    private static func arrayIndex(_ token: String) -> Int? {
        let bytes = Array(token.utf8)
        guard let first = bytes.first, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        if first == 0x30 && bytes.count > 1 { return nil }
        return Int(token)
    }

    /// Decodes `%XX` escapes of a URI fragment into the pointer text; nil when an escape is
    /// malformed or the decoded bytes are not UTF-8.
    static func percentDecoded(_ fragment: String) -> String? {
        guard fragment.contains("%") else { return fragment }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fragment.utf8.count)
        var iterator = fragment.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `pointer` written as a URI fragment: characters a fragment may not hold are percent-encoded.
    static func fragmentEncoded(_ pointer: String) -> String {
        var encoded = ""
        for byte in pointer.utf8 {
            if isFragmentSafe(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits = Array("0123456789ABCDEF".utf8)
                encoded += "%"
                encoded.unicodeScalars.append(Unicode.Scalar(digits[Int(byte >> 4)]))
                encoded.unicodeScalars.append(Unicode.Scalar(digits[Int(byte & 0xF)]))
            }
        }
        return encoded
    }

    /// RFC 3986 `fragment = *( pchar / "/" / "?" )`, with `%` itself always encoded.
    private static func isFragmentSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~!$&'()*+,;=:@/?".utf8.contains(byte)
        }
    }
}
