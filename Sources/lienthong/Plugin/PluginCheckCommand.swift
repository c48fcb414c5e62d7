import ArgumentParser
import Foundation
import LienthongGateway
import LienthongSchema
import Logging

/// `lienthong plugin check PROGRAM`: starts an external plugin as the gateway would and reports
/// what is wrong with its handshake, descriptor, schemas, an example call and its stop.
struct PluginCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Start an external plugin, check its handshake, descriptor and schemas, and stop it.",
        discussion: """
            Prints one line per check ("ok" or "problem") and "plugin OK", or exits 1. The \
            descriptor's request and response schemas must be in the bundled schemas or a \
            --schemas directory (default: a schemas/ directory beside the program), mapped to the \
            service by that directory's index.json. When the request schema has "examples", the \
            first is sent to POST /handle and the answer is checked against the response schema. \
            The plugin must stop on SIGTERM within 5 seconds.
            """)

    @Argument(help: "The plugin's executable (a script needs a #! line and the executable bit).")
    var program: String

    @Option(name: .customLong("schemas"), help: "A schema directory with an index.json (repeatable).")
    var schemaDirectories: [String] = []

    @Option(help: "A service's settings for the plugin, as JSON (checked against its settings schema; default {}).")
    var settings: String = "{}"

    @Option(help: "Seconds the plugin may take to print its handshake and serve its descriptor.")
    var timeout: Int = 10

    @Argument(parsing: .postTerminator, help: "Arguments for the plugin, after --.")
    var arguments: [String] = []

    func validate() throws {
        guard (1...600).contains(timeout) else { throw ValidationError("--timeout must be between 1 and 600 seconds") }
    }

    func run() async throws {
        let settingsValue: JSONValue
        do { settingsValue = try JSONParser.parse(settings) } catch {
            throw CommandFailure("--settings is not JSON: \(error)")
        }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let executable = URL(fileURLWithPath: program, relativeTo: current).standardizedFileURL
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
