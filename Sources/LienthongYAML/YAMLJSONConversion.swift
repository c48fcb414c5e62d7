import LienthongSchema
import Yams

/// Turns a YAML node (adapter settings) into the JSON value the settings schema checks.
public enum YAMLJSONConversion {
    /// Scalars keep the type YAML resolved for them: a quoted `"8080"` stays text, a plain `8080`
    /// becomes a number, so the settings schema sees what the operator wrote.
    public static func json(from node: Node, reader: YAMLReader, path: String) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case Tag.Name.int.rawValue:
                if let number = JSONNumber(validating: scalar.string) { return .number(number) }
                return node.int.map { .number(JSONNumber($0)) } ?? .string(scalar.string)
            case Tag.Name.float.rawValue:
                if let number = JSONNumber(validating: scalar.string) { return .number(number) }
                guard let value = node.float, value.isFinite else {
                    reader.report("\(scalar.string) is not a finite number", at: node, path: path)
                    return .null
                }
                return .number(JSONNumber(value))
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .array(sequence.enumerated().map { index, item in
                json(from: item, reader: reader, path: "\(path)[\(index)]")
            })
        case .mapping(let mapping):
            var members: [(key: String, value: JSONValue)] = []
            for pair in mapping {
                guard let key = pair.key.scalar?.string else {
                    reader.report("keys must be text", at: pair.key, path: path)
                    continue
                }
                members.append((key, json(from: pair.value, reader: reader, path: YAMLReader.path(path, key))))
            }
            return .object(JSONObject(members))
        case .alias:
            reader.report("aliases are not supported in settings", at: node, path: path)
            return .null
        }
    }
}
