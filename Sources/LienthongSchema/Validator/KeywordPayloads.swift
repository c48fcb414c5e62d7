// The compiled arguments of the keywords whose argument is more than a number or a node.

/// The JSON types `type` accepts, as a bit set so that the check is one AND.
struct JSONTypeSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    init(rawValue: UInt8) { self.rawValue = rawValue }
    static let null = JSONTypeSet(rawValue: 1 << 0)
    static let boolean = JSONTypeSet(rawValue: 1 << 1)
    static let object = JSONTypeSet(rawValue: 1 << 2)
    static let array = JSONTypeSet(rawValue: 1 << 3)
    static let number = JSONTypeSet(rawValue: 1 << 4)
    static let string = JSONTypeSet(rawValue: 1 << 5)
    static let integer = JSONTypeSet(rawValue: 1 << 6)

    /// The set for a `type` name, or nil when the name is not one of the seven JSON Schema types.
    init?(typeName: String) {
        switch typeName {
        case "null": self = .null
        case "boolean": self = .boolean
        case "object": self = .object
        case "array": self = .array
        case "number": self = .number
        case "string": self = .string
        case "integer": self = .integer
        default: return nil
        }
    }

    /// Names in the canonical order, for messages.
    var names: [String] {
        let all: [(JSONTypeSet, String)] = [
            (.null, "null"), (.boolean, "boolean"), (.object, "object"), (.array, "array"),
            (.number, "number"), (.string, "string"), (.integer, "integer"),
        ]
        return all.filter { contains($0.0) }.map(\.1)
    }

    func accepts(_ value: JSONValue) -> Bool {
        switch value {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .object: contains(.object)
        case .array: contains(.array)
        case .string: contains(.string)
        case .number(let number): contains(.number) || (contains(.integer) && number.isInteger)
        }
    }
}

/// The values of `enum`, with a hash set for long lists so membership stays O(1).
struct EnumerationValues: Sendable {
    let values: [JSONValue]
    private let lookup: Set<JSONValue>?

    init(_ values: [JSONValue]) {
        self.values = values
        // A linear scan beats hashing for the short lists enums usually are.
        self.lookup = values.count > 8 ? Set(values) : nil
    }

    func contains(_ value: JSONValue) -> Bool {
        if let lookup { return lookup.contains(value) }
        return values.contains(value)
    }
}

/// `contains` with its `minContains` / `maxContains` bounds.
struct ContainsRule: Sendable {
    let node: NodeID
    /// `minContains` (default 1); `minimumGiven` tells whether it was written, for locations.
    let minimum: Int
    let minimumGiven: Bool
    let maximum: Int?
    /// 2020-12: matched items count as evaluated for `unevaluatedItems` (not so in 2019-09).
    let annotatesItems: Bool
}

/// The member applicators of one schema: `properties`, `patternProperties` and
/// `additionalProperties` (whichever are present), applied in one pass over the members.
/// When every name in the schema's `required` is also in `properties`, `required` is checked
/// here too, from the entries the pass saw, instead of looking each name up again.
/// A class, so that the keyword loop copies one reference rather than the tables.
final class MemberRule: Sendable {
    let properties: PropertyTable?
    let patterns: [(regex: ECMARegex, node: NodeID)]
    let additional: NodeID?
    /// Folded `required`: the property table entries that must be present, as a bit mask.
    let requiredEntries: [Int]
    let requiredMask: UInt64

    init(
        properties: PropertyTable?, patterns: [(regex: ECMARegex, node: NodeID)], additional: NodeID?,
        requiredEntries: [Int]
    ) {
        self.properties = properties
        self.patterns = patterns
        self.additional = additional
        self.requiredEntries = requiredEntries
        self.requiredMask = requiredEntries.reduce(0) { $0 | 1 << UInt64($1) }
    }

    /// The entries of `required`, when they can all be checked from a pass over the members:
    /// every name is in `properties` and the table fits the 64-bit mask.
    static func foldableRequired(_ names: [String], into table: PropertyTable?) -> [Int]? {
        guard let table, table.count <= 64 else { return nil }
        var entries: [Int] = []
        for name in names {
            guard let entry = table.entry(for: name) else { return nil }
            if !entries.contains(entry) { entries.append(entry) }
        }
        return entries
    }
}

/// `if` with its optional `then` and `else` (neither applies without `if`).
struct ConditionalRule: Sendable {
    let condition: NodeID
    let then: NodeID?
    let otherwise: NodeID?
}

/// `$dynamicRef` (2020-12) or `$recursiveRef` (2019-09).
struct DynamicReference: Sendable {
    enum Resolution: Sendable {
        /// The initial target does not carry a matching dynamic anchor: a plain reference.
        case staticOnly
        /// 2020-12: the outermost resource in the dynamic scope with a `$dynamicAnchor` of this
        /// name, given as its index in `CompiledSchema.dynamicAnchors` (no string hashing at
        /// evaluation time).
        case dynamicAnchor(Int)
        /// 2019-09: the outermost of the innermost run of resources with `$recursiveAnchor: true`.
        case recursiveAnchor
    }

    let initialTarget: NodeID
    let resolution: Resolution
}
