/// One compiled schema (an object or a boolean schema) at one location.
///
/// `@unchecked Sendable` because of `keywords`, an unsafe buffer: the node allocates and
/// initialises it in `init`, never writes it again, and frees it in `deinit`; every stored
/// property is a `let`. Concurrent readers therefore only ever see immutable memory that lives
/// as long as the node. The buffer (rather than an array) lets the evaluator read entries in
/// place: an array subscript copies each entry with its reference counts, and going through
/// `withUnsafeBufferPointer` costs a closure and extra stack frames on every node.
final class SchemaNode: @unchecked Sendable {
    enum Kind: Sendable {
        case alwaysValid
        case alwaysInvalid
        case keywords
    }

    let kind: Kind
    /// The compiled keywords in evaluation order (empty for boolean schemas).
    let keywords: UnsafeBufferPointer<KeywordEntry>
    /// The schema resource the node belongs to (numbered by the compiler), which is what the
    /// dynamic scope of `$dynamicRef` is made of.
    let resource: Int
    /// The node's canonical absolute URI with a JSON Pointer fragment, e.g.
    /// `https://example.com/polygon#/$defs/point`: the prefix of `absoluteKeywordLocation`.
    let absoluteLocation: String
    /// True when the node has `unevaluatedProperties` or `unevaluatedItems`, so it must
    /// collect what its other keywords evaluated before applying them.
    let needsEvaluatedLocations: Bool

    init(kind: Kind, keywords: [KeywordEntry] = [], resource: Int, absoluteLocation: String) {
        self.kind = kind
        let storage = UnsafeMutableBufferPointer<KeywordEntry>.allocate(capacity: keywords.count)
        _ = storage.initialize(from: keywords)
        self.keywords = UnsafeBufferPointer(storage)
        self.resource = resource
        self.absoluteLocation = absoluteLocation
        self.needsEvaluatedLocations = keywords.contains { entry in
            switch entry.keyword {
            case .unevaluatedItems, .unevaluatedProperties: true
            default: false
            }
        }
    }

    deinit {
        let storage = UnsafeMutableBufferPointer(mutating: keywords)
        storage.deinitialize()
        storage.deallocate()
    }
}
