import ArgumentParser
import Foundation

/// `lienthong plugin check PATH`: validates an adapter manifest (a `.yaml`/`.yml` file or a
/// directory of them): every problem with its file:line:column and exit 1, or a summary and exit 0.
struct PluginCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an adapter manifest (or a directory of manifests).",
        discussion: """
            Reads the manifest as `serve` does: unknown keys, wrong types, bad ids and versions, \
            templates that do not parse or use a placeholder where it is not allowed, schema files \
            that cannot be read, have no $id or do not compile. Secrets that are not available in \
            this environment are noted but do not fail the check.
            """)

    @Argument(help: "A manifest file (.yaml, .yml) or a directory of manifests.")
    var path: String

    func run() async throws {
        switch PluginCheckTarget(path: path) {
        case .manifest:
            try ManifestCheck(path: path).run()
        case .missing:
            throw CommandFailure("\(path): no such file or directory")
        case .other:
            throw CommandFailure("\(path) is not an adapter manifest (.yaml or .yml) or a directory of manifests")
        }
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
