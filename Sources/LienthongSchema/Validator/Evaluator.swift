/// Applies a compiled schema to one instance. A value type created per validation: it owns
/// the depth counter and the dynamic scope, so concurrent validations share nothing mutable.
struct Evaluator<Sink: EvaluationSink> {
    let schema: CompiledSchema
    var sink: Sink
    private var depth = 0
    /// Set once a check could not be completed (the depth limit, a regular expression over its
    /// matching budget). The whole validation then fails: a result that is unknown must not be
    /// turned into a pass by `not`, `if` or `oneOf` further up.
    private(set) var aborted = false
    /// The schema resources entered so far, outermost first (the dynamic scope of `$dynamicRef`).
    private(set) var dynamicScope: [Int] = []

    init(schema: CompiledSchema, sink: Sink) {
        self.schema = schema
        self.sink = sink
    }

    /// Evaluates node `id` against `instance`, recording into `evaluated` what it evaluated
    /// when the caller collects that (an `unevaluated*` keyword further up needs it).
    mutating func evaluate(_ id: NodeID, _ instance: JSONValue, _ evaluated: inout EvaluatedLocations) -> Bool {
        let node = schema.nodes[id]
        switch node.kind {
        case .alwaysValid:
            return true
        case .alwaysInvalid:
            sink.fail(node, keyword: nil) { "no value is allowed here (the schema is false)" }
            return false
        case .keywords:
            break
        }

        guard !aborted else { return false }
        depth += 1
        defer { depth -= 1 }
        guard depth <= schema.maxDepth else {
            let limit = schema.maxDepth
            abort(node, keyword: nil) {
                "evaluation exceeded the depth limit of \(limit) nested schemas; the instance is nested too deeply"
            }
            return false
        }

        let entersResource = schema.usesDynamicScope && dynamicScope.last != node.resource
        if entersResource { dynamicScope.append(node.resource) }
        defer { if entersResource { dynamicScope.removeLast() } }

        guard node.needsEvaluatedLocations else {
            return apply(node.keywords, of: node, to: instance, &evaluated)
        }
        // Own collection, so that siblings of this schema in the parent stay invisible to our
        // unevaluated* keywords; handed up only when this schema succeeded.
        var local = EvaluatedLocations.active
        let valid = apply(node.keywords, of: node, to: instance, &local)
        if valid { evaluated.merge(local) }
        return valid
    }

    private mutating func apply(
        _ keywords: UnsafeBufferPointer<KeywordEntry>, of node: SchemaNode, to instance: JSONValue, _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard let first = keywords.baseAddress else { return true }
        var valid = true
        for index in keywords.indices where !apply(first + index, of: node, to: instance, &evaluated) {
            valid = false
            if !Sink.recordsErrors { return false }
        }
        return valid
    }

    /// Fails the whole evaluation (see `aborted`).
    mutating func abort(_ node: SchemaNode, keyword: StaticString?, message: () -> String) {
        aborted = true
        sink.failEvaluation(node, keyword: keyword, message: message)
    }

    /// The node a `$dynamicRef` / `$recursiveRef` lands on in the current dynamic scope.
    func dynamicTarget(of reference: DynamicReference) -> NodeID {
        switch reference.resolution {
        case .staticOnly:
            return reference.initialTarget
        case .dynamicAnchor(let name):
            let byResource = schema.dynamicAnchors[name]
            for resource in dynamicScope {
                if let target = byResource[resource] { return target }
            }
            return reference.initialTarget
        case .recursiveAnchor:
            var target = reference.initialTarget
            for resource in dynamicScope.reversed() {
                guard let candidate = schema.recursiveAnchors[resource] else { break }
                target = candidate
            }
            return target
        }
    }
}
