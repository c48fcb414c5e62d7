import ArgumentParser
import Foundation
import LienthongGateway
import LienthongSchema
import Logging

/// `lienthong plugin check PATH`: validates an adapter manifest (a `.yaml`/`.yml` file or a
/// directory of them), or starts an external plugin (any other file) as the gateway would and
/// reports what is wrong with its handshake, descriptor, schemas, an example call and its stop.
struct PluginCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an adapter manifest (or a directory of manifests), or an external plugin.",
        discussion: """
            A manifest (.yaml, .yml, or a directory of them) is read as `serve` does: unknown keys, \
            wrong types, bad ids and versions, templates that do not parse or use a placeholder \
            where it is not allowed, schema files that cannot be read, have no $id or do not \
            compile. Secrets that are not available in this environment are noted but do not fail \
            the check; every problem is printed with its file:line:column.

            Any other file is an external plugin's executable: it is started as the gateway would, \
            and one line per check ("ok" or "problem") is printed, then "plugin OK". The \
            descriptor's request and response schemas must be in the bundled schemas or a \
            --schemas directory (default: a schemas/ directory beside the program), mapped to the \
            service by that directory's index.json. When the request schema has "examples", the \
            first is sent to POST /handle and the answer is checked against the response schema. \
            The plugin must stop on SIGTERM within 5 seconds.
            """)

    @Argument(help: "A manifest (.yaml, .yml), a directory of manifests, or an external plugin's executable.")
    var path: String

    @Option(name: .customLong("schemas"), help: "External plugins: a schema directory with an index.json (repeatable).")
    var schemaDirectories: [String] = []

    @Option(help: "External plugins: a service's settings for the plugin, as JSON (checked against its settings schema; default {}).")
    var settings: String = "{}"

    @Option(help: "External plugins: seconds the plugin may take to print its handshake and serve its descriptor.")
    var timeout: Int = 10

    @Argument(parsing: .postTerminator, help: "External plugins: arguments for the plugin, after --.")
    var arguments: [String] = []

    func validate() throws {
        guard (1...600).contains(timeout) else { throw ValidationError("--timeout must be between 1 and 600 seconds") }
    }

    func run() async throws {
        switch PluginCheckTarget(path: path) {
        case .manifest:
            try ManifestCheck(path: path).run()
        case .missing:
            throw CommandFailure("\(path): no such file or directory")
        case .other:
            try await checkExternalPlugin()
        }
    }

    private func checkExternalPlugin() async throws {
        let settingsValue: JSONValue
        do { settingsValue = try JSONParser.parse(settings) } catch {
            throw CommandFailure("--settings is not JSON: \(error)")
        }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let executable = URL(fileURLWithPath: path, relativeTo: current).standardizedFileURL
        var directories = schemaDirectories.map { URL(fileURLWithPath: $0, relativeTo: current).standardizedFileURL }
        let sibling = executable.deletingLastPathComponent().appendingPathComponent("schemas")
        var isDirectory: ObjCBool = false
        if directories.isEmpty, FileManager.default.fileExists(atPath: sibling.path, isDirectory: &isDirectory), isDirectory.boolValue {
            print("using the schemas in \(sibling.path)")
            directories = [sibling]
        }
        var logger = Logger(label: "lienthong-plugin-check", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .error
        let findings = await ExternalPluginCheck.run(
            command: [executable.path] + arguments, schemaDirectories: directories, settings: settingsValue,
            startTimeout: .seconds(timeout), logger: logger)
        for finding in findings { print(finding) }
        let problems = findings.filter(\.isProblem).count
        guard problems == 0 else {
            throw CommandFailure("\(executable.path): \(problems) problem\(problems == 1 ? "" : "s") (see above)")
        }
        print("plugin OK")
    }
}

/// What `plugin check` was given, by its path.
enum PluginCheckTarget {
    case manifest
    case missing
    /// Anything else (e.g. an external plugin's executable).
    case other

    init(path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            self = .missing
            return
        }
        if isDirectory.boolValue || path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            self = .manifest
        } else {
            self = .other
        }
    }
}
