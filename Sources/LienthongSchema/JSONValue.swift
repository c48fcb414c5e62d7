/// A JSON value (RFC 8259) as the parser reads it: numbers kept exact, object key order kept.
///
/// Equality is JSON Schema equality: numbers by mathematical value (`1 == 1.0`), strings by
/// Unicode code points (not by Swift's canonical equivalence, so `"é"` precomposed and
/// decomposed differ, as RFC 8259 §8.3 compares them), arrays element-wise, objects by their
/// members in any order. `true` is not equal to `1`.
///
/// `JSONNumber` and `JSONObject` live in `JSON/`, with the parser, serializer and JSON Pointer.
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
