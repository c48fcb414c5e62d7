/// Validates JSON instances against one JSON Schema (draft 2020-12 by default; 2019-09 and
/// draft-07 by `$schema` or `Options.defaultDialect`).
///
/// The schema is compiled once, in `init`; `isValid` and `validate` then only walk the compiled
/// form. The validator is an immutable value: share it freely between tasks.
///
/// ```swift
/// let validator = try JSONSchemaValidator(schema: schema)
/// if !validator.isValid(message) {
///     let result = validator.validate(message)   // errors with locations and messages
/// }
/// ```
public struct JSONSchemaValidator: Sendable {
    /// How a schema is compiled and evaluated.
    public struct Options: Sendable {
        /// The dialect of schemas (and registry documents) that have no `$schema`.
        public var defaultDialect: SchemaDialect
        /// When true, `format` is an assertion (checked by `FormatChecker`; unknown formats
        /// pass). When false, it is an annotation, as the 2020-12 specification defaults to,
        /// unless a metaschema enables the format-assertion vocabulary.
        public var formatAssertion: Bool
        /// Documents that `$ref` and `$schema` may load by URI; the bundled metaschemas are
        /// always available. Nothing is fetched from the network.
        public var registry: SchemaRegistrySource
        /// The retrieval URI of the schema: the base for its relative references when it has
        /// no absolute `$id` of its own.
        public var baseURI: String
        /// Nesting of schema evaluations (through subschemas and references) beyond which an
        /// instance is reported invalid instead of evaluated further. Protects the stack from
        /// deeply nested instances; 2,048 allows the parser's default depth of 512 through
        /// schemas taking a few references per level. Each level takes about 1 KB of stack in
        /// optimised builds (3 KB unoptimised), so the default fits the 8 MB threads of Linux
        /// and Swift's concurrency pool with room to spare; lower it for smaller stacks.
        public var maxEvaluationDepth: Int

        /// Options with the defaults documented on each property.
        public init(
            defaultDialect: SchemaDialect = .draft2020_12,
            formatAssertion: Bool = false,
            registry: SchemaRegistrySource = SchemaRegistrySource(),
            baseURI: String = "urn:lienthong:schema",
            maxEvaluationDepth: Int = 2_048
        ) {
            self.defaultDialect = defaultDialect
            self.formatAssertion = formatAssertion
            self.registry = registry
            self.baseURI = baseURI
            self.maxEvaluationDepth = maxEvaluationDepth
        }
    }

    /// The compiled schema.
    public let compiledSchema: CompiledSchema

    /// Compiles `schema`. Throws when it is not a valid schema: a keyword with a wrong-typed
    /// value, an invalid regular expression, an unknown `$schema`, an unresolvable reference,
    /// or references looping without consuming the instance.
    public init(schema: JSONValue, options: Options = Options()) throws(SchemaCompileError) {
        var compiler = SchemaCompiler(options: options)
        compiledSchema = try compiler.compile(schema)
    }

    /// True when `instance` is valid. Stops at the first failure and builds no messages or
    /// locations: the path for the hot loop of the gateway.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = Evaluator(schema: compiledSchema, sink: FirstFailureSink())
        var evaluated = EvaluatedLocations.inactive
        let valid = evaluator.evaluate(compiledSchema.root, instance, &evaluated)
        return valid && !evaluator.aborted
    }

    /// Validates `instance` completely, collecting every error with its instance location,
    /// keyword location, absolute keyword location and message.
    ///
    /// Most instances are valid, so the fast path runs first; only an invalid instance is
    /// evaluated again with locations and messages. A valid instance costs what `isValid` costs.
    public func validate(_ instance: JSONValue) -> ValidationResult {
        if isValid(instance) { return ValidationResult(errors: []) }
        return collectErrors(instance)
    }

    /// The error-collecting evaluation on its own, without the fast path first (the test
    /// suite runs both evaluators on every case to check they agree).
    func collectErrors(_ instance: JSONValue) -> ValidationResult {
        var evaluator = Evaluator(schema: compiledSchema, sink: ErrorCollectingSink())
        var evaluated = EvaluatedLocations.inactive
        let valid = evaluator.evaluate(compiledSchema.root, instance, &evaluated) && !evaluator.aborted
        let errors = evaluator.sink.errors
        // Every failure path records an error; this guards the invariant isValid == errors.isEmpty.
        if !valid && errors.isEmpty {
            return ValidationResult(errors: [
                ValidationError(
                    instanceLocation: "", keywordLocation: "",
                    absoluteKeywordLocation: compiledSchema.nodes[compiledSchema.root].absoluteLocation,
                    message: "the instance does not conform to the schema")
            ])
        }
        return ValidationResult(errors: valid ? [] : errors)
    }
}
