/// A JSON value (RFC 8259) as the parser reads it: numbers kept exact, object key order kept.
///
/// Equality is JSON Schema equality: numbers by mathematical value (`1 == 1.0`), strings by
/// Unicode code points (not by Swift's canonical equivalence, so `"é"` precomposed and
/// decomposed differ, as RFC 8259 §8.3 compares them), arrays element-wise, objects by their
/// members in any order. `true` is not equal to `1`.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a.hasSameCodePoints(as: b)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0 as UInt8)
        case .bool(let value):
            hasher.combine(1 as UInt8)
            hasher.combine(value)
        case .number(let value):
            hasher.combine(2 as UInt8)
            hasher.combine(value)
        case .string(let value):
            hasher.combine(3 as UInt8)
            value.hashCodePoints(into: &hasher)
        case .array(let value):
            hasher.combine(4 as UInt8)
            hasher.combine(value)
        case .object(let value):
            hasher.combine(5 as UInt8)
            hasher.combine(value)
        }
    }
}

/// A JSON number kept exactly as written, so that big integers and decimals such as `0.1`
/// compare and divide without binary floating-point error. `1`, `1.0` and `10e-1` are equal.
///
/// Equality, hashing, ordering, `isInteger` and `isMultiple(of:)` work on the exact decimal
/// value; `literal` only remembers the text. A `literal` that is not an RFC 8259 number (only
/// possible when built in code, e.g. `JSONNumber(Double.nan)`) is *not well-formed*: it equals
/// only a number with the same literal, sorts after every well-formed number, is not an integer,
/// is a multiple of nothing, and serializes as `null` (JSON has no NaN or infinity).
///
/// Exponents beyond about ±1.15e18 are clamped (see `ExactDecimal.exponentLimit`): such
/// numbers still compare correctly against every ordinary number.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number's text as it appeared in the document (or a canonical form when built in code).
    public let literal: String
    /// The exact value; nil when `literal` is not an RFC 8259 number.
    let exactValue: ExactDecimal?

    /// A number from its JSON text, e.g. `"-12.5e3"`. Text that is not exactly one RFC 8259
    /// number (`"+1"`, `".5"`, `" 1"`, `"NaN"`) gives a number that is not well-formed.
    public init(literal: String) {
        self.literal = literal
        self.exactValue = JSONNumberSyntax.value(ofLiteral: literal)
    }

    /// A number whose literal is known to be valid and whose value is already computed.
    init(literal: String, exactValue: ExactDecimal) {
        self.literal = literal
        self.exactValue = exactValue
    }

    public init(_ value: Int) {
        self.literal = String(value)
        self.exactValue = ExactDecimal(value)
    }

    /// The shortest decimal that round-trips to `value` (so `JSONNumber(0.1)` is exactly 0.1).
    /// NaN and infinities give a number that is not well-formed; see `init?(exactly:)`.
    public init(_ value: Double) {
        self.literal = String(value)
        self.exactValue = value.isFinite ? JSONNumberSyntax.value(ofLiteral: literal) : nil
    }

    /// Like `init(_:)`, but nil for NaN and infinities, which JSON cannot represent.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        self.init(value)
    }

    /// Like `init(literal:)`, but nil unless `literal` is exactly one RFC 8259 number.
    public init?(validating literal: String) {
        guard let value = JSONNumberSyntax.value(ofLiteral: literal) else { return nil }
        self.init(literal: literal, exactValue: value)
    }

    /// False only for numbers built in code from text that is not an RFC 8259 number.
    public var isWellFormed: Bool { exactValue != nil }

    /// True when the value is mathematically an integer (`1.0` and `1e2` are).
    public var isInteger: Bool {
        // Normalized coefficients have no trailing zeros, so a negative exponent means a
        // fractional part.
        guard let value = exactValue else { return false }
        return value.exponent >= 0
    }

    /// The nearest Double (may lose precision, or be infinite or zero for huge exponents).
    public var doubleValue: Double {
        guard let value = exactValue else { return Double(literal) ?? .nan }
        if case .small(let coefficient) = value.coefficient, coefficient <= 1 << 53,
            value.exponent.magnitude <= 22
        {
            // Both operands are exact doubles, so one correctly rounded operation gives the
            // correctly rounded result (Clinger's fast path).
            let magnitude = value.exponent >= 0
                ? Double(coefficient) * JSONNumber.exactPowersOfTen[value.exponent]
                : Double(coefficient) / JSONNumber.exactPowersOfTen[-value.exponent]
            return value.isNegative ? -magnitude : magnitude
        }
        if let parsed = Double(literal) { return parsed }
        let magnitude: Double = value.exponent > 0 ? .infinity : 0
        return value.isNegative ? -magnitude : magnitude
    }

    /// The value as an Int when it is an integer that fits (`2.0` gives 2; `2.5` and `1e30` nil).
    public var intValue: Int? {
        guard let value = exactValue, value.exponent >= 0, value.exponent < 20,
            case .small(let coefficient) = value.coefficient
        else { return nil }
        let (magnitude, overflow) = coefficient.multipliedReportingOverflow(
            by: ExactDecimal.powerOfTen(value.exponent))
        guard !overflow else { return nil }
        if value.isNegative {
            if magnitude == UInt64(Int.max) + 1 { return Int.min }
            return magnitude <= UInt64(Int.max) ? -Int(magnitude) : nil
        }
        return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
    }

    /// True when `self / divisor` is an integer, computed exactly. `divisor` is > 0 in JSON
    /// Schema; a negative divisor acts as its magnitude, and zero divides nothing.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        guard let value = exactValue, let divisorValue = divisor.exactValue else { return false }
        return value.isMultiple(of: divisorValue)
    }

    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.exactValue, rhs.exactValue) {
        case (let a?, let b?): return a < b
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs.literal < rhs.literal
        }
    }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.exactValue, rhs.exactValue) {
        case (let a?, let b?): return a == b
        case (nil, nil): return lhs.literal == rhs.literal
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        if let exactValue {
            hasher.combine(exactValue)
        } else {
            hasher.combine(literal)
        }
    }

    public var description: String { literal }

    /// 10^0 ... 10^22: every power of ten a Double holds exactly.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}

/// A JSON object: members in document order, with lookup by key.
/// Duplicate keys: the parser refuses them (RFC 8259 leaves them undefined; refusing is safest).
/// Keys are compared by Unicode code points, like JSON strings.
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var members: [(key: String, value: JSONValue)]
    /// Key → position in `members`; only built once the object outgrows `linearSearchLimit`,
    /// because most objects are small and a scan beats hashing and allocating a dictionary.
    private var index: [JSONObjectKey: Int]
    private static let linearSearchLimit = 16

    /// Builds an object from members in order; a repeated key keeps its first position and
    /// its last value.
    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = []
        self.index = [:]
        self.members.reserveCapacity(members.count)
        for member in members { self[member.key] = member.value }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let position = position(of: key) {
                if let newValue { members[position].value = newValue } else {
                    members.remove(at: position)
                    rebuildIndex()
                }
            } else if let newValue {
                _ = insertNew(key: key, value: newValue)
            }
        }
    }

    /// The position of a key that repeats an earlier one.
    struct DuplicateKey: Error {
        let position: Int
    }

    /// Builds an object from the parser's members in one allocation, refusing repeated keys.
    init(uniqueMembers: ArraySlice<(key: String, value: JSONValue)>) throws(DuplicateKey) {
        self.members = Array(uniqueMembers)
        self.index = [:]
        if members.count <= Self.linearSearchLimit {
            for later in members.indices.dropFirst() {
                for earlier in 0..<later where members[earlier].key.hasSameCodePoints(as: members[later].key) {
                    throw DuplicateKey(position: later)
                }
            }
        } else {
            index = Dictionary(minimumCapacity: members.count)
            for (position, member) in members.enumerated()
            where index.updateValue(position, forKey: JSONObjectKey(member.key)) != nil {
                throw DuplicateKey(position: position)
            }
        }
    }

    /// Appends a member unless the key is already present; returns false (and changes nothing)
    /// when it is.
    mutating func insertNew(key: String, value: JSONValue) -> Bool {
        if index.isEmpty {
            if position(of: key) != nil { return false }
            members.append((key, value))
            if members.count > Self.linearSearchLimit { rebuildIndex() }
            return true
        }
        let wrappedKey = JSONObjectKey(key)
        if let existing = index.updateValue(members.count, forKey: wrappedKey) {
            index[wrappedKey] = existing
            return false
        }
        members.append((key, value))
        return true
    }

    private func position(of key: String) -> Int? {
        if index.isEmpty {
            return members.firstIndex { $0.key.hasSameCodePoints(as: key) }
        }
        return index[JSONObjectKey(key)]
    }

    private mutating func rebuildIndex() {
        guard members.count > Self.linearSearchLimit else {
            index = [:]
            return
        }
        index = Dictionary(minimumCapacity: members.count)
        for (position, member) in members.enumerated() { index[JSONObjectKey(member.key)] = position }
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { members.makeIterator() }

    /// Objects are equal when they hold the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.members where rhs[key] != value { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent, consistent with ==.
        hasher.combine(count)
        var combined = 0
        for (key, value) in members {
            var h = Hasher()
            key.hashCodePoints(into: &h)
            h.combine(value)
            combined ^= h.finalize()
        }
        hasher.combine(combined)
    }
}
