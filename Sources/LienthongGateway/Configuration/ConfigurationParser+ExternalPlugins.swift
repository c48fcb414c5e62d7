import Foundation
import Yams
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `plugins.external` section: external plugins by adapter id.
///
///     plugins:
///       external:
///         social-insurance:
///           command: [python3, plugins/social-insurance/plugin.py]
///           workingDirectory: plugins/social-insurance    # default: the configuration's directory
///           environment: {SI_DATA: data/participants.json}
///           inheritEnvironment: [SI_API_TOKEN]
///           startTimeoutMs: 10000
///           callTimeoutMs: 15000                          # default: limits.upstreamTimeoutSeconds
///           maxResponseBytes: 4194304
///           healthCheck: {intervalMs: 5000, timeoutMs: 3000, failuresBeforeRestart: 2}
///           restart: {initialBackoffMs: 500, maxBackoffMs: 30000, resetAfterMs: 60000}
///           stopGraceMs: 5000
extension ConfigurationParser {
    /// The external plugins under `plugins` (the section may hold other kinds of plugin).
    func externalPluginSection(_ plugins: MappingReader) -> [ExternalPluginConfiguration] {
        guard let external = plugins.mapping("external") else { return [] }
        var result: [ExternalPluginConfiguration] = []
        for entry in external.entries {
            let path = YAMLReader.path(external.path, entry.key)
            guard ExternalDescriptorDecoding.isAdapterID(entry.key) else {
                reader.report("an adapter id is lower-case letters, digits and hyphens, starting with a letter (at most 64)",
                              at: entry.keyNode, path: path)
                continue
            }
            if self.plugins.factory(id: entry.key) != nil {
                reader.report("\"\(entry.key)\" is the id of a built-in adapter; choose another", at: entry.keyNode, path: path)
                continue
            }
            guard let map = reader.mapping(entry.value, path: path) else { continue }
            if let plugin = externalPlugin(id: entry.key, map) { result.append(plugin) }
        }
        return result
    }

    private func externalPlugin(id: String, _ map: MappingReader) -> ExternalPluginConfiguration? {
        let workingDirectory = pluginWorkingDirectory(map)
        let command = pluginCommand(map)
        var plugin = ExternalPluginConfiguration(id: id, command: command ?? [], workingDirectory: workingDirectory ?? baseDirectory)
        if let environment = map.mapping("environment") {
            for entry in environment.entries {
                let path = YAMLReader.path(environment.path, entry.key)
                guard isVariableName(entry.key, at: entry.keyNode, path: path) else { continue }
                if let value = reader.string(entry.value, path: path) { plugin.environment[entry.key] = value }
            }
        }
        if let names = map.strings("inheritEnvironment") {
            let path = YAMLReader.path(map.path, "inheritEnvironment")
            plugin.inheritEnvironment = names.filter { isVariableName($0.text, at: $0.node, path: path) }.map(\.text)
        }
        if let value = map.integer("startTimeoutMs", in: 100...600_000) { plugin.startTimeout = .milliseconds(value) }
        if let value = map.integer("callTimeoutMs", in: 1...3_600_000) { plugin.callTimeout = .milliseconds(value) }
        if let value = map.integer("maxResponseBytes", in: 1...(1 << 30)) { plugin.maxResponseBytes = value }
        if let value = map.integer("stopGraceMs", in: 0...600_000) { plugin.stopGrace = .milliseconds(value) }
        if let health = map.mapping("healthCheck") {
            if let value = health.integer("intervalMs", in: 100...3_600_000) { plugin.healthCheck.interval = .milliseconds(value) }
            if let value = health.integer("timeoutMs", in: 100...600_000) { plugin.healthCheck.timeout = .milliseconds(value) }
            if let value = health.integer("failuresBeforeRestart", in: 1...100) { plugin.healthCheck.failuresBeforeRestart = value }
            health.finish()
        }
        if let restart = map.mapping("restart") {
            if let value = restart.integer("initialBackoffMs", in: 10...3_600_000) { plugin.restart.initialBackoff = .milliseconds(value) }
            if let value = restart.integer("maxBackoffMs", in: 10...3_600_000) { plugin.restart.maxBackoff = .milliseconds(value) }
            if let value = restart.integer("resetAfterMs", in: 0...86_400_000) { plugin.restart.resetAfter = .milliseconds(value) }
            if plugin.restart.maxBackoff < plugin.restart.initialBackoff {
                reader.report("maxBackoffMs is below initialBackoffMs", at: restart.value("maxBackoffMs") ?? restart.node,
                              path: YAMLReader.path(restart.path, "maxBackoffMs"))
            }
            restart.finish()
        }
        map.finish()
        return command == nil || workingDirectory == nil ? nil : plugin
    }

    /// `command`: the program and its arguments; the program must exist and be executable.
    private func pluginCommand(_ map: MappingReader) -> [String]? {
        let path = YAMLReader.path(map.path, "command")
        guard let node = map.value("command", required: true) else { return nil }
        guard let items = reader.sequence(node, path: path) else { return nil }
        let texts = items.enumerated().compactMap { index, item in reader.string(item, path: "\(path)[\(index)]") }
        guard texts.count == items.count else { return nil }
        guard let program = texts.first, !program.isEmpty else {
            reader.report("needs at least the program to run", at: node, path: path)
            return nil
        }
        if program.contains("/") {
            let resolved = resolvePath(program)
            guard access(resolved, X_OK) == 0, !isDirectory(resolved) else {
                let reason = FileManager.default.fileExists(atPath: resolved) ? "is not an executable file" : "does not exist"
                reader.report("program \(resolved) \(reason)", at: items[0], path: "\(path)[0]")
                return nil
            }
            return [resolved] + texts.dropFirst()
        }
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let found = searchPath.split(separator: ":").contains { directory in
            let candidate = "\(directory)/\(program)"
            return access(candidate, X_OK) == 0 && !isDirectory(candidate)
        }
        if !found {
            reader.report("program \"\(program)\" is not on PATH (\(searchPath))", at: items[0], path: "\(path)[0]")
            return nil
        }
        return texts
    }

    /// An environment variable name: letters, digits and underscores, not starting with a digit;
    /// the protocol's own `LIENTHONG_PLUGIN_*` variables are the gateway's to set.
    private func isVariableName(_ name: String, at node: Node, path: String) -> Bool {
        let valid = !name.isEmpty && !(name.first?.isNumber ?? true)
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || CharacterSet.alphanumerics.contains($0)) }
        guard valid else {
            reader.report("\"\(name)\" is not an environment variable name (letters, digits, _)", at: node, path: path)
            return false
        }
        guard !name.hasPrefix("LIENTHONG_PLUGIN_") else {
            reader.report("\(name) is set by the gateway (LIENTHONG_PLUGIN_* belong to the protocol)", at: node, path: path)
            return false
        }
        return true
    }

    private func pluginWorkingDirectory(_ map: MappingReader) -> String? {
        guard let node = map.value("workingDirectory") else { return baseDirectory }
        let path = YAMLReader.path(map.path, "workingDirectory")
        guard let text = reader.string(node, path: path) else { return nil }
        let resolved = resolvePath(text)
        guard isDirectory(resolved) else {
            reader.report("directory \(resolved) does not exist", at: node, path: path)
            return nil
        }
        return resolved
    }

    private func resolvePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardizedFileURL.path
    }

    private func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
