/// The JSON Schema specification versions the validator understands.
public enum SchemaDialect: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Draft 2020-12, the default: `https://json-schema.org/draft/2020-12/schema`.
    case draft2020_12
    /// Draft 2019-09: `https://json-schema.org/draft/2019-09/schema`.
    case draft2019_09
    /// Draft-07: `http://json-schema.org/draft-07/schema#`.
    case draft07

    /// The canonical `$schema` URI of the dialect's metaschema.
    public var metaschemaURI: String {
        switch self {
        case .draft2020_12: "https://json-schema.org/draft/2020-12/schema"
        case .draft2019_09: "https://json-schema.org/draft/2019-09/schema"
        case .draft07: "http://json-schema.org/draft-07/schema#"
        }
    }

    /// "draft 2020-12", "draft 2019-09" or "draft-07".
    public var description: String {
        switch self {
        case .draft2020_12: "draft 2020-12"
        case .draft2019_09: "draft 2019-09"
        case .draft07: "draft-07"
        }
    }

    /// The dialect whose metaschema `uri` names (with or without an empty fragment, http or https).
    public init?(metaschemaURI uri: String) {
        var text = uri
        if text.hasSuffix("#") { text.removeLast() }
        if text.hasPrefix("http://") { text = "https://" + text.dropFirst("http://".count) }
        switch text {
        case "https://json-schema.org/draft/2020-12/schema": self = .draft2020_12
        case "https://json-schema.org/draft/2019-09/schema": self = .draft2019_09
        case "https://json-schema.org/draft-07/schema": self = .draft07
        default: return nil
        }
    }

    /// The vocabularies in force when a schema of this dialect names the standard metaschema.
    var defaultVocabularies: Vocabularies {
        switch self {
        case .draft2020_12:
            [.core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content]
        case .draft2019_09:
            // 2019-09 keeps unevaluated* inside its applicator vocabulary.
            [.core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content]
        case .draft07:
            // Everything, except that `format` asserts only when the options ask for it.
            Vocabularies.all.subtracting(.formatAssertion)
        }
    }
}

/// The keyword groups a metaschema's `$vocabulary` can switch on (2019-09 and later).
struct Vocabularies: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    static let core = Vocabularies(rawValue: 1 << 0)
    static let applicator = Vocabularies(rawValue: 1 << 1)
    static let unevaluated = Vocabularies(rawValue: 1 << 2)
    static let validation = Vocabularies(rawValue: 1 << 3)
    static let metaData = Vocabularies(rawValue: 1 << 4)
    static let formatAnnotation = Vocabularies(rawValue: 1 << 5)
    static let formatAssertion = Vocabularies(rawValue: 1 << 6)
    static let content = Vocabularies(rawValue: 1 << 7)
    static let all = Vocabularies(rawValue: 0xFF)

    /// The vocabulary a `$vocabulary` URI names within `dialect`, or nil when unknown to us.
    static func named(_ uri: String, in dialect: SchemaDialect) -> Vocabularies? {
        switch dialect {
        case .draft2020_12:
            switch uri {
            case "https://json-schema.org/draft/2020-12/vocab/core": .core
            case "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator
            case "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated
            case "https://json-schema.org/draft/2020-12/vocab/validation": .validation
            case "https://json-schema.org/draft/2020-12/vocab/meta-data": .metaData
            case "https://json-schema.org/draft/2020-12/vocab/format-annotation": .formatAnnotation
            case "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion
            case "https://json-schema.org/draft/2020-12/vocab/content": .content
            default: nil
            }
        case .draft2019_09:
            switch uri {
            case "https://json-schema.org/draft/2019-09/vocab/core": .core
            case "https://json-schema.org/draft/2019-09/vocab/applicator": [.applicator, .unevaluated]
            case "https://json-schema.org/draft/2019-09/vocab/validation": .validation
            case "https://json-schema.org/draft/2019-09/vocab/meta-data": .metaData
            case "https://json-schema.org/draft/2019-09/vocab/format": .formatAnnotation
            case "https://json-schema.org/draft/2019-09/vocab/content": .content
            default: nil
            }
        case .draft07:
            nil
        }
    }
}

/// The rules that apply to one schema resource: the specification version and, for custom
/// metaschemas, the vocabularies they enable.
struct DialectRules: Sendable, Hashable {
    let dialect: SchemaDialect
    let vocabularies: Vocabularies

    init(_ dialect: SchemaDialect, vocabularies: Vocabularies? = nil) {
        self.dialect = dialect
        self.vocabularies = vocabularies ?? dialect.defaultVocabularies
    }

    func has(_ vocabulary: Vocabularies) -> Bool { vocabularies.contains(vocabulary) }
}
