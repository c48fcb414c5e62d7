import Foundation
import LienthongSchema

/// A secret given in the settings directly (`name`), in a file (`nameFile`) or in an environment
/// variable (`nameEnv`): files and variables keep secrets out of the configuration file.
public enum SecretSetting {
    public static func resolve(_ name: String, in settings: JSONValue, plugin: String) throws(PluginConfigurationError) -> String {
        if let value = settings[key: name]?.asString { return value }
        if let path = settings[key: name + "File"]?.asString {
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8)
            else { throw PluginConfigurationError(plugin: plugin, reason: "cannot read \(name)File \(path)") }
            let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else { throw PluginConfigurationError(plugin: plugin, reason: "\(name)File \(path) is empty") }
            return secret
        }
        if let variable = settings[key: name + "Env"]?.asString {
            guard let secret = ProcessInfo.processInfo.environment[variable], !secret.isEmpty else {
                throw PluginConfigurationError(plugin: plugin, reason: "environment variable \(variable) (\(name)Env) is not set")
            }
            return secret
        }
        throw PluginConfigurationError(plugin: plugin, reason: "one of \(name), \(name)File or \(name)Env is required")
    }

    /// Schema members for the three ways to give secret `name`, and the rule that exactly one is used.
    public static func schemaMembers(_ name: String, description: String) -> (properties: [(key: String, value: JSONValue)], oneOf: JSONValue) {
        let properties: [(key: String, value: JSONValue)] = [
            (name, ["type": "string", "minLength": 1, "description": .string(description)]),
            (name + "File", ["type": "string", "minLength": 1, "description": "Path of a file holding the secret."]),
            (name + "Env", ["type": "string", "minLength": 1, "description": "Name of an environment variable holding the secret."]),
        ]
        let oneOf: JSONValue = [["required": [.string(name)]], ["required": [.string(name + "File")]], ["required": [.string(name + "Env")]]]
        return (properties, oneOf)
    }
}
