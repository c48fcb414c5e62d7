/// A JSON value (RFC 8259) as the parser reads it: numbers kept exact, object key order kept.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// A JSON number kept exactly as written, so that big integers and decimals such as `0.1`
/// compare and divide without binary floating-point error. `1`, `1.0` and `10e-1` are equal.
///
/// CONTRACT (owned by the JSON/parser work): exact decimal value; Hashable consistent with ==.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number's text as it appeared in the document (or a canonical form when built in code).
    public let literal: String

    public init(literal: String) { self.literal = literal }  // STUB: replaced by the exact implementation
    public init(_ value: Int) { self.literal = String(value) }
    public init(_ value: Double) { self.literal = String(value) }

    /// True when the value is mathematically an integer (`1.0` and `1e2` are).
    public var isInteger: Bool { doubleValue.rounded() == doubleValue }  // STUB
    /// The nearest Double (may lose precision or be infinite for huge values).
    public var doubleValue: Double { Double(literal) ?? .nan }  // STUB
    /// The value as an Int when it is an integer that fits.
    public var intValue: Int? { isInteger ? Int(exactly: doubleValue) : nil }  // STUB
    /// True when `self / divisor` is an integer, computed exactly. `divisor` is > 0.
    public func isMultiple(of divisor: JSONNumber) -> Bool {  // STUB
        let q = doubleValue / divisor.doubleValue
        return q.rounded() == q
    }

    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool { lhs.doubleValue < rhs.doubleValue }  // STUB
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool { lhs.doubleValue == rhs.doubleValue }  // STUB
    public func hash(into hasher: inout Hasher) { hasher.combine(doubleValue) }  // STUB
    public var description: String { literal }
}

/// A JSON object: members in document order, with lookup by key.
/// Duplicate keys: the parser refuses them (RFC 8259 leaves them undefined; refusing is safest).
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var members: [(key: String, value: JSONValue)]
    private var index: [String: Int]

    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = []
        self.index = [:]
        for member in members { self[member.key] = member.value }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public subscript(key: String) -> JSONValue? {
        get { index[key].map { members[$0].value } }
        set {
            if let position = index[key] {
                if let newValue { members[position].value = newValue } else {
                    members.remove(at: position)
                    index = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($0.element.key, $0.offset) })
                }
            } else if let newValue {
                index[key] = members.count
                members.append((key, newValue))
            }
        }
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
            h.combine(key)
            h.combine(value)
            combined ^= h.finalize()
        }
        hasher.combine(combined)
    }
}
