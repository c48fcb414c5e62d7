import ArgumentParser
import Foundation

extension ScaffoldKind: ExpressibleByArgument {}

/// `lienthong plugin new NAME --kind swift|http|external`: scaffolds a working adapter with its
/// schemas, a mock upstream, the gateway configuration to use it, a README of the next steps and
/// a test that passes as generated.
struct PluginNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Scaffold a working adapter: schemas, a mock upstream, gateway configuration and a test.",
        discussion: """
            Every kind provides one service (default NAME.record.lookup/v1): a record looked up by a \
            10-digit recordId in an upstream REST system, which mock/upstream.py stands in for. Files \
            go to --output (default ./NAME): README.md with the next steps, schemas/ (JSON Schema \
            2020-12 with examples, and the index.json for schemaDirectories), mock/upstream.py, and \
            gateway/provider.yaml and gateway/consumer.yaml, the configuration keys for the gateway \
            that provides the service and for those that call it.

            http: NAME.yaml, a declarative adapter manifest, and test.sh.
            external: plugin.py, an external plugin in Python (standard library), and test.sh.
            test.sh checks the adapter with `lienthong plugin check` and runs it through two \
            gateways on this machine against the mock.
            swift: also Plugins/<Name>/ and Tests/<Name>PluginTests/ in the package given by \
            --package (default: the current directory, which must hold Package.swift); the README \
            says which lines to add to Package.swift and PluginRegistry.swift before rebuilding.

            Existing files are never overwritten: if any file to write exists, nothing is written.
            """)

    @Argument(help: "The adapter id: lower-case letters, digits and hyphens, starting with a letter (e.g. civil-status).")
    var name: String

    @Option(help: "The kind of adapter: a manifest (http), a program in any language (external) or a built-in target (swift).")
    var kind: ScaffoldKind

    @Option(help: "The directory for the adapter's files (default: ./NAME).")
    var output: String?

    @Option(help: "The service it provides, system.resource.action/vN (default: NAME.record.lookup/v1).")
    var service: String?

    @Option(help: "The upstream system's base URL; the default is the mock's.")
    var upstream: String = ScaffoldUpstream.defaultURL

    @Option(help: "--kind swift: the package to add the target and its tests to (default: the current directory).")
    var package: String?

    func run() throws {
        let names = try ScaffoldNames(id: name, service: service)
        let upstream = try ScaffoldUpstream(upstream)
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let directory = URL(fileURLWithPath: output ?? names.id, relativeTo: current).standardizedFileURL
        var packageDirectory: URL?
        if kind == .swift {
            let root = URL(fileURLWithPath: package ?? ".", relativeTo: current).standardizedFileURL
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) else {
                throw CommandFailure(
                    "\(root.path) holds no Package.swift: run `plugin new --kind swift` in the gateway's source tree, or give --package")
            }
            packageDirectory = root
        } else if package != nil {
            throw CommandFailure("--package is for --kind swift only")
        }
        let scaffold = Scaffold(names: names, kind: kind, upstream: upstream, directory: directory, package: packageDirectory)
        let files = scaffold.files
        try ScaffoldWriter.write(files)
        print("created the \(kind.rawValue) adapter \(names.id) providing \(names.service):")
        for file in files { print("  \(file.path)") }
        print("next steps: \(scaffold.path("README.md"))")
    }
}
