/// A JSON Pointer (RFC 6901): a path of reference tokens into a JSON value, written
/// `"/a/b~1c/0"` (`~1` is `/`, `~0` is `~`); the empty pointer `""` is the whole document.
///
/// Built for validators that track instance and keyword locations: appending a key or an index
/// stores the token without formatting anything, and a pointer that is mutated in place with
/// `append`/`removeLast` (push on the way down, pop on the way up) does not allocate once its
/// storage has grown. Text is only produced by `description` and `uriFragment`.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// A reference token. Indices appended by code stay integers until rendered; tokens read
    /// from text stay strings, and `"0"` equals `.index(0)`.
    enum Token: Sendable {
        case key(String)
        case index(Int)

        var text: String {
            switch self {
            case .key(let key): return key
            case .index(let index): return String(index)
            }
        }
    }

    private var storage: [Token]

    /// The empty pointer, which refers to the whole document.
    public init() { storage = [] }

    /// A pointer from unescaped tokens, e.g. `["a", "b/c", "0"]` for `/a/b~1c/0`.
    public init(tokens: [String]) { storage = tokens.map(Token.key) }

    /// Parses the JSON string form: `""` or `/`-separated tokens with `~0` and `~1` escapes.
    public init(_ text: String) throws(JSONPointerError) {
        storage = []
        guard !text.isEmpty else { return }
        guard text.utf8.first == UInt8(ascii: "/") else {
            throw JSONPointerError(pointer: text, reason: .missingLeadingSlash)
        }
        for rawToken in text.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            storage.append(.key(try Self.unescape(rawToken, in: text)))
        }
    }

    /// Parses the URI fragment form used by `$ref`, e.g. `"#/definitions/a%25b"`: the leading
    /// `#` is optional, percent-encoded UTF-8 is decoded, then the result is parsed as a pointer.
    public init(uriFragment: String) throws(JSONPointerError) {
        var fragment = Substring(uriFragment)
        if fragment.first == "#" { fragment = fragment.dropFirst() }
        guard let decoded = PercentEncoding.decode(fragment) else {
            throw JSONPointerError(pointer: uriFragment, reason: .invalidPercentEncoding)
        }
        try self.init(decoded)
    }

    /// Unescaped tokens, e.g. `["a", "b/c", "0"]`.
    public var tokens: [String] { storage.map(\.text) }
    public var count: Int { storage.count }
    /// True for the empty pointer (the whole document).
    public var isRoot: Bool { storage.isEmpty }
    /// The last token, unescaped; nil for the root.
    public var lastToken: String? { storage.last?.text }

    /// The pointer without its last token; nil for the root.
    public var parent: JSONPointer? {
        guard !storage.isEmpty else { return nil }
        var parent = self
        parent.storage.removeLast()
        return parent
    }

    public mutating func append(_ key: String) { storage.append(.key(key)) }
    public mutating func append(index: Int) { storage.append(.index(index)) }
    public mutating func append(contentsOf other: JSONPointer) { storage.append(contentsOf: other.storage) }

    /// Removes the last token (pops what `append` pushed). The root stays the root.
    public mutating func removeLast() {
        if !storage.isEmpty { storage.removeLast() }
    }

    public func appending(_ key: String) -> JSONPointer {
        var result = self
        result.append(key)
        return result
    }

    public func appending(index: Int) -> JSONPointer {
        var result = self
        result.append(index: index)
        return result
    }

    public func appending(contentsOf other: JSONPointer) -> JSONPointer {
        var result = self
        result.append(contentsOf: other)
        return result
    }

    /// The JSON string form: `""` for the root, else `/token/token` with `~0` and `~1` escapes.
    public var description: String {
        var result = ""
        for token in storage {
            result.append("/")
            switch token {
            case .key(let key): result.append(Self.escape(key))
            case .index(let index): result.append(String(index))
            }
        }
        return result
    }

    /// The URI fragment form with its `#`: `"#/definitions/a%25b"`. Characters a fragment may
    /// not hold (RFC 3986 §3.5), and all non-ASCII, are percent-encoded as UTF-8.
    public var uriFragment: String { "#" + PercentEncoding.encodeFragment(description) }

    /// Escapes one token for the string form: `~` → `~0`, then `/` → `~1`.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return token
        }
        var escaped = ""
        for character in token.unicodeScalars {
            switch character {
            case "~": escaped.append("~0")
            case "/": escaped.append("~1")
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// The value this pointer refers to in `document`, or nil when a token names a missing
    /// member, an index out of range (or `-`, past the end), or steps into a scalar. Array
    /// tokens must be `0` or a number without leading zeros.
    public func resolve(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in storage {
            switch current {
            case .object(let object):
                guard let member = object[token.text] else { return nil }
                current = member
            case .array(let elements):
                guard let index = Self.arrayIndex(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    public static func == (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        guard lhs.storage.count == rhs.storage.count else { return false }
        for (a, b) in zip(lhs.storage, rhs.storage) {
            switch (a, b) {
            case (.index(let x), .index(let y)):
                if x != y { return false }
            case (.key(let x), .key(let y)):
                if !x.hasSameCodePoints(as: y) { return false }
            default:
                if !a.text.hasSameCodePoints(as: b.text) { return false }
            }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.count)
        for token in storage { token.text.hashCodePoints(into: &hasher) }
    }

    private static func arrayIndex(_ token: Token) -> Int? {
        switch token {
        case .index(let index):
            return index
        case .key(let key):
            // RFC 6901 §4: "0" or a digit 1-9 followed by digits; no sign, no leading zero.
            let digits = key.utf8
            guard let first = digits.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
                first != UInt8(ascii: "0") || digits.count == 1,
                digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { return nil }
            return Int(key)
        }
    }

    private static func unescape(_ raw: Substring.UTF8View, in pointer: String) throws(JSONPointerError) -> String {
        guard raw.contains(UInt8(ascii: "~")) else { return String(Substring(raw)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var iterator = raw.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "~") else {
                bytes.append(byte)
                continue
            }
            switch iterator.next() {
            case UInt8(ascii: "0"): bytes.append(UInt8(ascii: "~"))
            case UInt8(ascii: "1"): bytes.append(UInt8(ascii: "/"))
            default: throw JSONPointerError(pointer: pointer, reason: .invalidTildeEscape)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Why a text is not a JSON Pointer.
public struct JSONPointerError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// A non-empty pointer must start with `/`.
        case missingLeadingSlash
        /// `~` must be followed by `0` or `1`.
        case invalidTildeEscape
        /// A `%` not followed by two hexadecimal digits, or bytes that are not UTF-8.
        case invalidPercentEncoding

        public var description: String {
            switch self {
            case .missingLeadingSlash: return "a non-empty pointer must start with '/'"
            case .invalidTildeEscape: return "'~' must be followed by '0' or '1'"
            case .invalidPercentEncoding: return "invalid percent-encoding or UTF-8"
            }
        }
    }

    /// The text as given.
    public let pointer: String
    public let reason: Reason

    public init(pointer: String, reason: Reason) {
        self.pointer = pointer
        self.reason = reason
    }

    public var description: String { "invalid JSON Pointer \(JSONValue.string(pointer).serialized()): \(reason)" }
}

extension JSONValue {
    /// The value at `pointer`, or nil; see `JSONPointer.resolve(in:)`.
    public subscript(pointer pointer: JSONPointer) -> JSONValue? { pointer.resolve(in: self) }
}
