/// Checks of JSON Schema `format` values (JSON Schema 2020-12 Validation §7.3).
///
/// Each format is checked by a small hand-written parser over the string's UTF-8 bytes that
/// follows the grammar of the RFC the specification names; none allocates for ASCII input
/// except where IDNA labels need decoding. Bad input only ever yields `false`.
public enum FormatChecker {
    /// Whether `value` conforms to `format`; nil when the format is unknown to us
    /// (unknown formats are always accepted, as the specification requires).
    /// `regex` is included: it compiles the value with `ECMARegex`.
    public static func check(_ format: String, _ value: String) -> Bool? {
        guard let checker = Checker(rawValue: format) else { return nil }
        if checker == .regex { return (try? ECMARegex(value)) != nil }
        var value = value
        return value.withUTF8(checker.check)
    }

    /// The formats `check` knows.
    public static let knownFormats: Set<String> = Set(Checker.allCases.map(\.rawValue))

    private enum Checker: String, CaseIterable {
        case date, time
        case dateTime = "date-time"
        case duration
        case email
        case idnEmail = "idn-email"
        case hostname
        case idnHostname = "idn-hostname"
        case ipv4, ipv6
        case uri
        case uriReference = "uri-reference"
        case iri
        case iriReference = "iri-reference"
        case uriTemplate = "uri-template"
        case uuid
        case jsonPointer = "json-pointer"
        case relativeJSONPointer = "relative-json-pointer"
        case regex

        func check(_ bytes: UTF8Bytes) -> Bool {
            switch self {
            case .date: DateTimeFormat.isValidDate(bytes)
            case .time: DateTimeFormat.isValidTime(bytes)
            case .dateTime: DateTimeFormat.isValidDateTime(bytes)
            case .duration: DurationFormat.isValid(bytes)
            case .email: EmailFormat.isValid(bytes, internationalized: false)
            case .idnEmail: EmailFormat.isValid(bytes, internationalized: true)
            case .hostname: HostnameFormat.isValid(bytes)
            case .idnHostname: IDNHostnameFormat.isValid(bytes)
            case .ipv4: IPv4Format.isValid(bytes)
            case .ipv6: IPv6Format.isValid(bytes)
            case .uri: URIFormat.isValid(bytes, kind: .uri)
            case .uriReference: URIFormat.isValid(bytes, kind: .uriReference)
            case .iri: URIFormat.isValid(bytes, kind: .iri)
            case .iriReference: URIFormat.isValid(bytes, kind: .iriReference)
            case .uriTemplate: URITemplateFormat.isValid(bytes)
            case .uuid: UUIDFormat.isValid(bytes)
            case .jsonPointer: JSONPointerFormat.isValidPointer(bytes)
            case .relativeJSONPointer: JSONPointerFormat.isValidRelativePointer(bytes)
            case .regex: false  // handled by `check(_:_:)`, which needs the string itself
            }
        }
    }
}
