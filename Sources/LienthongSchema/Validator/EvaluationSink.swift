/// Where the evaluator sends locations and failures. The evaluator is generic over its sink so
/// that the fast path (`FirstFailureSink`) compiles to code that tracks no locations, builds no
/// messages and returns at the first failure, while `ErrorCollectingSink` records everything.
protocol EvaluationSink {
    /// False: stop at the first failure, record nothing. True: evaluate everything and record.
    static var recordsErrors: Bool { get }

    mutating func enterKeyword(_ name: StaticString)
    /// A name from the schema's data: a property name or a `patternProperties` pattern.
    mutating func enterKeyword(member name: String)
    mutating func enterKeyword(index: Int)
    mutating func leaveKeyword()
    mutating func enterInstance(key: String)
    mutating func enterInstance(index: Int)
    mutating func leaveInstance()

    /// Records that `keyword` of `node` failed at the current locations. `keyword` is nil for a
    /// `false` schema, whose location is the node itself. `position` inserts the error earlier
    /// in the list (an applicator's own error before its subschemas' errors).
    mutating func fail(_ node: SchemaNode, keyword: StaticString?, at position: Int?, message: () -> String)

    /// Records a failure of the whole evaluation (the depth limit): kept even when the branch
    /// it happened in is rolled back, because the instance is then invalid whatever the branch.
    mutating func failEvaluation(_ node: SchemaNode, keyword: StaticString?, message: () -> String)

    /// The number of errors recorded so far: a mark to roll back to.
    var errorCount: Int { get }
    /// Forgets errors recorded after `mark` (a branch of `anyOf`, `not`, `if`, `contains`).
    mutating func discardErrors(after mark: Int)
}

extension EvaluationSink {
    mutating func fail(_ node: SchemaNode, keyword: StaticString?, message: () -> String) {
        fail(node, keyword: keyword, at: nil, message: message)
    }
}

/// The `isValid` sink: no state at all.
struct FirstFailureSink: EvaluationSink {
    static var recordsErrors: Bool { false }
    @inline(__always) mutating func enterKeyword(_ name: StaticString) {}
    @inline(__always) mutating func enterKeyword(member name: String) {}
    @inline(__always) mutating func enterKeyword(index: Int) {}
    @inline(__always) mutating func leaveKeyword() {}
    @inline(__always) mutating func enterInstance(key: String) {}
    @inline(__always) mutating func enterInstance(index: Int) {}
    @inline(__always) mutating func leaveInstance() {}
    @inline(__always) mutating func fail(_ node: SchemaNode, keyword: StaticString?, at position: Int?, message: () -> String) {}
    @inline(__always) mutating func failEvaluation(_ node: SchemaNode, keyword: StaticString?, message: () -> String) {}
    var errorCount: Int { 0 }
    @inline(__always) mutating func discardErrors(after mark: Int) {}
}

/// The `validate` sink: keeps the current instance and keyword paths as token stacks and turns
/// them into JSON Pointers only when an error is recorded.
struct ErrorCollectingSink: EvaluationSink {
    private enum Token {
        case keyword(StaticString)
        case name(String)
        case index(Int)

        var escaped: String {
            switch self {
            case .keyword(let keyword): JSONPointer.escape(keyword.description)
            case .name(let name): JSONPointer.escape(name)
            case .index(let index): String(index)
            }
        }
    }

    static var recordsErrors: Bool { true }
    private var keywordPath: [Token] = []
    private var instancePath: [Token] = []
    private var recorded: [ValidationError] = []
    /// Failures of the whole evaluation, which no rollback removes.
    private var evaluationFailures: [ValidationError] = []

    /// Everything recorded: the evaluation failures first, since they explain the rest.
    var errors: [ValidationError] { evaluationFailures + recorded }

    mutating func enterKeyword(_ name: StaticString) { keywordPath.append(.keyword(name)) }
    mutating func enterKeyword(member name: String) { keywordPath.append(.name(name)) }
    mutating func enterKeyword(index: Int) { keywordPath.append(.index(index)) }
    mutating func leaveKeyword() { keywordPath.removeLast() }
    mutating func enterInstance(key: String) { instancePath.append(.name(key)) }
    mutating func enterInstance(index: Int) { instancePath.append(.index(index)) }
    mutating func leaveInstance() { instancePath.removeLast() }

    mutating func fail(_ node: SchemaNode, keyword: StaticString?, at position: Int?, message: () -> String) {
        let error = makeError(node, keyword, message)
        if let position, position < recorded.count {
            recorded.insert(error, at: position)
        } else {
            recorded.append(error)
        }
    }

    mutating func failEvaluation(_ node: SchemaNode, keyword: StaticString?, message: () -> String) {
        evaluationFailures.append(makeError(node, keyword, message))
    }

    private func makeError(_ node: SchemaNode, _ keyword: StaticString?, _ message: () -> String) -> ValidationError {
        var keywordLocation = Self.pointer(keywordPath)
        var absolute = node.absoluteLocation
        if let keyword {
            let escaped = JSONPointer.escape(keyword.description)
            keywordLocation += "/" + escaped
            absolute += PercentEncoding.encodeFragment("/" + escaped)
        }
        return ValidationError(
            instanceLocation: Self.pointer(instancePath), keywordLocation: keywordLocation,
            absoluteKeywordLocation: absolute, message: message())
    }

    var errorCount: Int { recorded.count }

    mutating func discardErrors(after mark: Int) {
        if recorded.count > mark { recorded.removeSubrange(mark...) }
    }

    private static func pointer(_ tokens: [Token]) -> String {
        var text = ""
        for token in tokens { text += "/" + token.escaped }
        return text
    }
}
