import LienthongPluginAPI
import LienthongSchema

/// Reads fields of an upstream JSON answer, turning a missing or mistyped field into
/// `.badUpstreamResponse` naming the field.
struct UpstreamJSON {
    let object: JSONObject
    let system: String
    let path: String

    init(parsing bytes: [UInt8], system: String) throws(PluginError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .badUpstreamResponse("\(system) answered something that is not JSON: \(error)")
        }
        try self.init(value, system: system, path: "")
    }

    init(_ value: JSONValue, system: String, path: String) throws(PluginError) {
        guard case .object(let object) = value else {
            throw .badUpstreamResponse("\(system): \(path.isEmpty ? "the answer" : path) is not a JSON object")
        }
        self.object = object
        self.system = system
        self.path = path
    }

    func string(_ key: String) throws(PluginError) -> String {
        guard let value = object[key]?.asString else { throw missing(key, "a string") }
        return value
    }

    func optionalString(_ key: String) throws(PluginError) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let text = value.asString else { throw missing(key, "a string") }
        return text
    }

    func value(_ key: String) throws(PluginError) -> JSONValue {
        guard let value = object[key] else { throw missing(key, "present") }
        return value
    }

    func nested(_ key: String) throws(PluginError) -> UpstreamJSON {
        try UpstreamJSON(try value(key), system: system, path: "\(path)/\(key)")
    }

    func array(_ key: String) throws(PluginError) -> [JSONValue] {
        guard let value = object[key]?.asArray else { throw missing(key, "an array") }
        return value
    }

    func missing(_ key: String, _ expectation: String) -> PluginError {
        .badUpstreamResponse("\(system): \(path)/\(key) should be \(expectation)")
    }
}
