/// Index of a compiled schema node in `CompiledSchema.nodes`. References between nodes are indices,
/// not object references, so recursive schemas need no mutable links and the tree stays `Sendable`.
typealias NodeID = Int

/// One keyword of a schema, compiled: its argument parsed, checked and ready to apply.
/// `name` is the keyword as written in the schema, used only to build error locations.
struct KeywordEntry: Sendable {
    let name: String
    let keyword: CompiledKeyword
}

/// The compiled form of each keyword the validator applies. Annotation-only keywords
/// (`title`, `default`, `contentMediaType`, non-asserting `format`, …) are not compiled at all.
enum CompiledKeyword: Sendable {
    // Assertions on any instance.
    case type(JSONTypeSet)
    case constant(JSONValue)
    case enumeration(EnumerationValues)

    // Numbers.
    case multipleOf(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case minimum(JSONNumber)
    case exclusiveMinimum(JSONNumber)

    // Strings.
    case maxLength(Int)
    case minLength(Int)
    case pattern(ECMARegex)
    case format(String)

    // Arrays.
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    /// `prefixItems` (2020-12) or the array form of `items` (draft-07, 2019-09).
    case prefixItems([NodeID])
    /// `items` (2020-12, schema form) or `additionalItems`: applies to items from `startIndex` on.
    case items(startIndex: Int, NodeID)
    case contains(ContainsRule)
    case unevaluatedItems(NodeID)

    // Objects.
    case maxProperties(Int)
    case minProperties(Int)
    case required([String])
    case dependentRequired([(property: String, required: [String])])
    case properties([String: NodeID])
    case patternProperties([(regex: ECMARegex, node: NodeID)])
    case additionalProperties(AdditionalPropertiesRule)
    case propertyNames(NodeID)
    case dependentSchemas([(property: String, node: NodeID)])
    case unevaluatedProperties(NodeID)

    // In-place applicators.
    case reference(NodeID)
    case dynamicReference(DynamicReference)
    case allOf([NodeID])
    case anyOf([NodeID])
    case oneOf([NodeID])
    case not(NodeID)
    case conditional(ConditionalRule)
}

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

/// `additionalProperties` with what its sibling `properties` and `patternProperties` already cover.
struct AdditionalPropertiesRule: Sendable {
    let node: NodeID
    let coveredNames: Set<String>
    let coveringPatterns: [ECMARegex]
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
        /// 2020-12: the outermost resource in the dynamic scope with `$dynamicAnchor` named so.
        case dynamicAnchor(String)
        /// 2019-09: the outermost of the innermost run of resources with `$recursiveAnchor: true`.
        case recursiveAnchor
    }

    let initialTarget: NodeID
    let resolution: Resolution
}
