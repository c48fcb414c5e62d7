import LienthongSchema

/// Reads fields of an upstream JSON answer, turning a missing or mistyped field into
/// `.badUpstreamResponse` naming the field.
public struct UpstreamJSON {
    public let object: JSONObject
    public let system: String
    public let path: String

    public init(parsing bytes: [UInt8], system: String) throws(PluginError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .badUpstreamResponse("\(system) answered something that is not JSON: \(error)")
        }
        try self.init(value, system: system, path: "")
    }

    public init(_ value: JSONValue, system: String, path: String) throws(PluginError) {
        guard case .object(let object) = value else {
            throw .badUpstreamResponse("\(system): \(path.isEmpty ? "the answer" : path) is not a JSON object")
        }
        self.object = object
        self.system = system
        self.path = path
    }

    public func string(_ key: String) throws(PluginError) -> String {
        guard let value = object[key]?.asString else { throw missing(key, "a string") }
        return value
    }

    public func optionalString(_ key: String) throws(PluginError) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let text = value.asString else { throw missing(key, "a string") }
        return text
    }

    public func value(_ key: String) throws(PluginError) -> JSONValue {
        guard let value = object[key] else { throw missing(key, "present") }
        return value
    }

    public func nested(_ key: String) throws(PluginError) -> UpstreamJSON {
        try UpstreamJSON(try value(key), system: system, path: "\(path)/\(key)")
    }

    public func array(_ key: String) throws(PluginError) -> [JSONValue] {
        guard let value = object[key]?.asArray else { throw missing(key, "an array") }
        return value
    }

    public func missing(_ key: String, _ expectation: String) -> PluginError {
        .badUpstreamResponse("\(system): \(path)/\(key) should be \(expectation)")
    }
}
