/// Why a schema could not be compiled, and where in it the problem is.
public struct SchemaCompileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// A subschema is neither an object nor a boolean.
        case notASchema(found: String)
        /// A keyword's value has the wrong type or range, e.g. `"minimum": "x"`.
        case invalidKeywordValue(keyword: String, expected: String, found: String)
        /// A `pattern` or `patternProperties` name is not an ECMA-262 regular expression.
        case invalidRegularExpression(RegexSyntaxError)
        /// A URI-valued keyword (`$id`, `$ref`, `$schema`, …) does not hold a URI reference.
        case invalidURI(keyword: String, value: String)
        /// `$id` with a non-empty fragment (2019-09 and later use `$anchor` for that).
        case identifierWithFragment(String)
        /// `$schema` names a metaschema that is neither bundled nor in the registry.
        case unknownMetaschema(String)
        /// A metaschema requires (`true`) a vocabulary this validator does not implement.
        case unsupportedVocabulary(String)
        /// `$ref` / `$dynamicRef` / `$recursiveRef` points nowhere: neither this schema, nor the
        /// registry, nor the bundled metaschemas hold the target.
        case unresolvableReference(reference: String, resolved: String)
        /// A reference whose JSON Pointer lands on a value that is not a schema.
        case referenceToNonSchema(reference: String, found: String)
        /// Schemas applying each other to the same instance in a loop, so evaluation would never
        /// end; `path` lists the schema locations around the loop.
        case referenceCycle(path: [String])
        /// Metaschemas refer to each other's `$schema` without reaching a known dialect.
        case metaschemaChainTooLong(String)
    }

    /// JSON Pointer to the offending place within its document (`/properties/age/minimum`).
    public let location: String
    /// The document holding the problem when it is not the schema given to the validator
    /// (a registry document or metaschema); nil for the schema itself.
    public let documentURI: String?
    public let reason: Reason

    /// An error at `location` of the document `documentURI` (nil: the schema being compiled).
    public init(location: String, documentURI: String? = nil, reason: Reason) {
        self.location = location
        self.documentURI = documentURI
        self.reason = reason
    }

    /// "schema error at /properties/age/minimum: 'minimum' must be a number, found string".
    public var description: String {
        let place = location.isEmpty ? "the schema root" : location
        let document = documentURI.map { " in \($0)" } ?? ""
        return "schema error\(document) at \(place): \(reasonText)"
    }

    private var reasonText: String {
        switch reason {
        case .notASchema(let found):
            "a schema must be an object or a boolean, found \(found)"
        case .invalidKeywordValue(let keyword, let expected, let found):
            "'\(keyword)' must be \(expected), found \(found)"
        case .invalidRegularExpression(let error):
            error.description
        case .invalidURI(let keyword, let value):
            "'\(keyword)' is not a valid URI reference: \(MessageText.json(.string(value)))"
        case .identifierWithFragment(let value):
            "'$id' must not contain a fragment (use '$anchor'): \(MessageText.json(.string(value)))"
        case .unknownMetaschema(let uri):
            "unknown '$schema' \(uri): not a supported dialect and not in the schema registry"
        case .unsupportedVocabulary(let uri):
            "the metaschema requires the vocabulary \(uri), which this validator does not implement"
        case .unresolvableReference(let reference, let resolved):
            reference == resolved
                ? "unresolvable reference \(MessageText.json(.string(reference)))"
                : "unresolvable reference \(MessageText.json(.string(reference))) (resolved to \(resolved))"
        case .referenceToNonSchema(let reference, let found):
            "reference \(MessageText.json(.string(reference))) points to a value of type \(found), not to a schema"
        case .referenceCycle(let path):
            "reference cycle without progress at \(path.first ?? ""): "
                + path.joined(separator: " → ") + " applies to the same value again without end"
        case .metaschemaChainTooLong(let uri):
            "the metaschema chain starting at \(uri) does not reach a known dialect"
        }
    }
}
