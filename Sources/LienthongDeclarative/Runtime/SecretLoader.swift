import Foundation
import LienthongPluginAPI

/// Reads an adapter's secrets from the environment or from files, when the adapter is made (at
/// start and on every reload), so a rotated secret is picked up by a reload.
struct SecretLoader {
    let plugin: String
    let environment: [String: String]

    func load(_ sources: [String: SecretSource]) throws(PluginConfigurationError) -> [String: String] {
        var secrets: [String: String] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let value: String
            switch source {
            case .environment(let variable):
                guard let given = environment[variable], !given.isEmpty else {
                    throw PluginConfigurationError(plugin: plugin, reason: "secret \(name): environment variable \(variable) is not set")
                }
                value = given
            case .file(let path):
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw PluginConfigurationError(plugin: plugin, reason: "secret \(name): file \(path) cannot be read")
                }
                value = text.trimmingCharacters(in: .newlines)
                guard !value.isEmpty else {
                    throw PluginConfigurationError(plugin: plugin, reason: "secret \(name): file \(path) is empty")
                }
            }
            // A secret goes into headers: a line break would split them.
            guard !value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) else {
                throw PluginConfigurationError(plugin: plugin, reason: "secret \(name) holds a control character (a line break?)")
            }
            secrets[name] = value
        }
        return secrets
    }
}
