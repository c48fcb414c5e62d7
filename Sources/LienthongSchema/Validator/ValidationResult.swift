/// One reason an instance is not valid, in the shape of a JSON Schema "basic" output unit.
public struct ValidationError: Sendable, Hashable, CustomStringConvertible {
    /// JSON Pointer to the offending value in the instance (`""` is the whole instance).
    public let instanceLocation: String
    /// JSON Pointer through the schema as evaluated, following references
    /// (e.g. `/properties/a/$ref/minimum`).
    public let keywordLocation: String
    /// The failing keyword's canonical absolute URI (e.g. `https://example.com/s#/$defs/a/minimum`).
    public let absoluteKeywordLocation: String
    /// A sentence an operator can read, e.g. "12 is less than the minimum of 18".
    public let message: String

    /// An error as the validator reports it; public for tests and for adapters that add their own.
    public init(instanceLocation: String, keywordLocation: String, absoluteKeywordLocation: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.message = message
    }

    /// "/age: 12 is less than the minimum of 18 [schema /properties/age/minimum]".
    public var description: String {
        "\(instanceLocation.isEmpty ? "(root)" : instanceLocation): \(message) [schema \(keywordLocation.isEmpty ? "(root)" : keywordLocation)]"
    }
}

/// The outcome of validating one instance.
public struct ValidationResult: Sendable, Hashable, CustomStringConvertible {
    /// True when the instance conforms to the schema; then `errors` is empty.
    public let isValid: Bool
    /// Every failing keyword found, in evaluation order (parents before the failures they explain).
    public let errors: [ValidationError]

    /// A result with `errors`; valid exactly when there are none.
    public init(errors: [ValidationError]) {
        self.isValid = errors.isEmpty
        self.errors = errors
    }

    /// "valid", or "invalid:" followed by one error per line.
    public var description: String {
        isValid ? "valid" : "invalid:\n" + errors.map { "  " + $0.description }.joined(separator: "\n")
    }

    /// The result in the JSON Schema "basic" output format (draft 2020-12 core §12.4.2):
    /// `{"valid": true}` or `{"valid": false, "errors": [{"keywordLocation": …,
    /// "absoluteKeywordLocation": …, "instanceLocation": …, "error": …}, …]}`.
    public func basicOutput() -> JSONValue {
        guard !isValid else { return .object(JSONObject([("valid", .bool(true))])) }
        let units: [JSONValue] = errors.map { error in
            .object(
                JSONObject([
                    ("keywordLocation", .string(error.keywordLocation)),
                    ("absoluteKeywordLocation", .string(error.absoluteKeywordLocation)),
                    ("instanceLocation", .string(error.instanceLocation)),
                    ("error", .string(error.message)),
                ]))
        }
        return .object(JSONObject([("valid", .bool(false)), ("errors", .array(units))]))
    }
}
