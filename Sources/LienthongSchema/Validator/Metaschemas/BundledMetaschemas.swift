/// The metaschemas of the supported dialects, available offline to `$schema` and `$ref`.
enum BundledMetaschemas {
    /// Source texts by absolute URI without fragment.
    static let texts: [String: String] = [
        "https://json-schema.org/draft/2020-12/schema": Draft202012.schema,
        "https://json-schema.org/draft/2020-12/meta/core": Draft202012.core,
        "https://json-schema.org/draft/2020-12/meta/applicator": Draft202012.applicator,
        "https://json-schema.org/draft/2020-12/meta/unevaluated": Draft202012.unevaluated,
        "https://json-schema.org/draft/2020-12/meta/validation": Draft202012.validation,
        "https://json-schema.org/draft/2020-12/meta/meta-data": Draft202012.metaData,
        "https://json-schema.org/draft/2020-12/meta/format-annotation": Draft202012.formatAnnotation,
        "https://json-schema.org/draft/2020-12/meta/format-assertion": Draft202012.formatAssertion,
        "https://json-schema.org/draft/2020-12/meta/content": Draft202012.content,
        "https://json-schema.org/draft/2019-09/schema": Draft201909.schema,
        "https://json-schema.org/draft/2019-09/meta/core": Draft201909.core,
        "https://json-schema.org/draft/2019-09/meta/applicator": Draft201909.applicator,
        "https://json-schema.org/draft/2019-09/meta/validation": Draft201909.validation,
        "https://json-schema.org/draft/2019-09/meta/meta-data": Draft201909.metaData,
        "https://json-schema.org/draft/2019-09/meta/format": Draft201909.format,
        "https://json-schema.org/draft/2019-09/meta/content": Draft201909.content,
        "http://json-schema.org/draft-07/schema": Draft07.schema,
    ]

    /// Parsed once, on first use, and shared (a global `let` is initialised thread-safely).
    private static let parsed: [String: JSONValue] = texts.compactMapValues { text in
        try? JSONParser.parse(text)
    }

    /// The metaschema at `uri` (absolute, without fragment), if bundled.
    static func document(at uri: String) -> JSONValue? {
        parsed[uri]
    }
}
