import LienthongJSON

/// A JSON value with placeholders, written as YAML in a manifest: mappings become objects, lists
/// arrays, numbers, booleans and null stay literal, and strings are text templates. A string that
/// is exactly one placeholder (`"{/hoTen}"`) takes the value with its JSON type; an optional one
/// that has no value removes its member (or array element).
///
/// `{$each: "{/items}", $map: <template>}` maps every element of an array (or every XML element
/// the path's last step matches) through `$map`, where `{@…}` reads the current element.
/// `{$with: "{/item?}", $map: <template>}` maps one value the same way; when an optional source
/// is absent the whole member is left out (an optional nested object).
public indirect enum ValueTemplate: Sendable, Hashable {
    case literal(JSONValue)
    case text(TextTemplate)
    case object([Member])
    case array([ValueTemplate])
    case each(source: Placeholder, template: ValueTemplate)
    case with(source: Placeholder, template: ValueTemplate)

    public struct Member: Sendable, Hashable {
        public let key: String
        public let value: ValueTemplate

        public init(key: String, value: ValueTemplate) {
            self.key = key
            self.value = value
        }
    }

    /// Every placeholder with whether it sits inside a `$each` (where `{@…}` is allowed).
    public func placeholders(insideEach: Bool = false) -> [(placeholder: Placeholder, insideEach: Bool)] {
        switch self {
        case .literal: return []
        case .text(let template): return template.placeholders.map { ($0, insideEach) }
        case .object(let members): return members.flatMap { $0.value.placeholders(insideEach: insideEach) }
        case .array(let items): return items.flatMap { $0.placeholders(insideEach: insideEach) }
        case .each(let source, let template), .with(let source, let template):
            return [(source, insideEach)] + template.placeholders(insideEach: true)
        }
    }
}
