/// Index of a compiled schema node in `CompiledSchema.nodes`. References between nodes are indices,
/// not object references, so recursive schemas need no mutable links and the tree stays `Sendable`.
typealias NodeID = Int

/// One keyword of a schema, compiled: its argument parsed, checked and ready to apply.
/// `name` is the keyword as written in the schema, used only to build error locations; a
/// `StaticString`, so that passing entries around involves no reference counting.
struct KeywordEntry: Sendable {
    let name: StaticString
    let keyword: CompiledKeyword
    /// Which instances the keyword looks at, so the evaluator can dispatch (and skip keywords
    /// for other types) on a plain byte before touching the payload.
    let category: KeywordCategory

    init(name: StaticString, keyword: CompiledKeyword) {
        self.name = name
        self.keyword = keyword
        self.category = KeywordCategory(keyword)
    }
}

enum KeywordCategory: UInt8, Sendable {
    case anyType, number, string, array, object, inPlace

    init(_ keyword: CompiledKeyword) {
        switch keyword {
        case .type, .constant, .enumeration:
            self = .anyType
        case .multipleOf, .maximum, .exclusiveMaximum, .minimum, .exclusiveMinimum:
            self = .number
        case .maxLength, .minLength, .pattern, .format:
            self = .string
        case .maxItems, .minItems, .uniqueItems, .prefixItems, .items, .contains, .unevaluatedItems:
            self = .array
        case .maxProperties, .minProperties, .required, .dependentRequired, .members, .propertyNames,
            .dependentSchemas, .unevaluatedProperties:
            self = .object
        case .reference, .dynamicReference, .allOf, .anyOf, .oneOf, .not, .conditional:
            self = .inPlace
        }
    }
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
    /// `properties`, `patternProperties` and `additionalProperties` together, so that each
    /// member is looked up once.
    case members(MemberRule)
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
