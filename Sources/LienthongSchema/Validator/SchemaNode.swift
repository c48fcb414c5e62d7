/// One compiled schema (an object or a boolean schema) at one location.
final class SchemaNode: Sendable {
    enum Body: Sendable {
        case alwaysValid
        case alwaysInvalid
        case keywords([KeywordEntry])
    }

    let body: Body
    /// The schema resource the node belongs to (index into `CompiledSchema.resourceURIs`),
    /// which is what the dynamic scope of `$dynamicRef` is made of.
    let resource: Int
    /// The node's canonical absolute URI with a JSON Pointer fragment, e.g.
    /// `https://example.com/polygon#/$defs/point`: the prefix of `absoluteKeywordLocation`.
    let absoluteLocation: String
    /// True when the node has `unevaluatedProperties` or `unevaluatedItems`, so it must
    /// collect what its other keywords evaluated before applying them.
    let needsEvaluatedLocations: Bool

    init(body: Body, resource: Int, absoluteLocation: String) {
        self.body = body
        self.resource = resource
        self.absoluteLocation = absoluteLocation
        if case .keywords(let keywords) = body {
            needsEvaluatedLocations = keywords.contains { entry in
                switch entry.keyword {
                case .unevaluatedItems, .unevaluatedProperties: true
                default: false
                }
            }
        } else {
            needsEvaluatedLocations = false
        }
    }
}
