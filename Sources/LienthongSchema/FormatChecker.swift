/// Checks of JSON Schema `format` values.
///
/// CONTRACT (owned by the format work). STUB until then.
public enum FormatChecker {
    /// Whether `value` conforms to `format`; nil when the format is unknown to us
    /// (unknown formats are always accepted, as the specification requires).
    /// `regex` is included: it compiles the value with `ECMARegex`.
    public static func check(_ format: String, _ value: String) -> Bool? {
        nil  // STUB
    }

    /// The formats `check` knows.
    public static let knownFormats: Set<String> = []  // STUB
}
