import Foundation
import Testing

/// `lienthong plugin new`: each kind scaffolds an adapter that works as generated, and bad input
/// is refused before anything is written.
@Suite("lienthong plugin new", .serialized)
struct PluginNewCommandTests {
    /// Scaffolds `name` of `kind` into a fresh directory; the caller removes `root`.
    func scaffold(_ name: String, kind: String, extra: [String] = []) async throws -> (root: URL, adapter: URL, result: CLI.Result) {
        let root = try CLI.temporaryDirectory()
        let adapter = root.appendingPathComponent(name)
        let result = try await CLI.run(["plugin", "new", name, "--kind", kind, "--output", adapter.path] + extra, in: root)
        return (root, adapter, result)
    }

    func runTestScript(in adapter: URL) async throws -> ScriptRun.Result {
        try await ScriptRun.run(
            "exec " + ScriptRun.shellQuoted(adapter.appendingPathComponent("test.sh").path), in: adapter.deletingLastPathComponent(),
            environment: ["LIENTHONG": CLI.executable.path])
    }

    @Test("http and external: plugin check passes, and the generated test.sh answers through two gateways",
          arguments: ["http", "external"])
    func worksAsGenerated(kind: String) async throws {
        let (root, adapter, result) = try await scaffold("civil-registry", kind: kind)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let adapterFile = kind == "http" ? "civil-registry.yaml" : "plugin.py"
        for file in [
            "README.md", "schemas/index.json", "schemas/civil-registry/record.lookup.request.v1.json",
            "schemas/civil-registry/record.lookup.response.v1.json", "mock/upstream.py", "gateway/provider.yaml",
            "gateway/consumer.yaml", "test.sh", adapterFile,
        ] {
            #expect(FileManager.default.fileExists(atPath: adapter.appendingPathComponent(file).path), "\(file) missing")
        }
        #expect(FileManager.default.isExecutableFile(atPath: adapter.appendingPathComponent("test.sh").path))

        // An external plugin is checked with the settings the generated provider.yaml gives it.
        let settings = kind == "http" ? [] : ["--settings", #"{"baseURL": "http://127.0.0.1:9180"}"#]
        let check = try await CLI.run(["plugin", "check", adapter.appendingPathComponent(adapterFile).path] + settings)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains(kind == "http" ? "manifest OK" : "plugin OK"))

        let test = try await runTestScript(in: adapter)
        #expect(!test.timedOut)
        #expect(test.status == 0, "test.sh failed:\n\(test.output)")
        #expect(test.output.contains("PASS: civil-registry answers civil-registry.record.lookup/v1 through two gateways"))
    }

    @Test("the generated test fails, showing the gateway's logs, when the adapter's mapping is wrong")
    func generatedTestCanFail() async throws {
        let (root, adapter, result) = try await scaffold("land-registry", kind: "http", extra: ["--service", "land-registry.owner.lookup/v2"])
        defer { try? FileManager.default.removeItem(at: root) }
        try #require(result.status == 0, "\(result.stdout)\(result.stderr)")
        let manifest = adapter.appendingPathComponent("land-registry.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        #expect(text.contains("land-registry.owner.lookup/v2:"))
        try text.replacingOccurrences(of: "{/data/full_name}", with: "{/data/name}").write(to: manifest, atomically: true, encoding: .utf8)

        let test = try await runTestScript(in: adapter)
        #expect(test.status != 0)
        #expect(test.output.contains("FAIL: a known record: HTTP 502"), "\(test.output)")
        #expect(test.output.contains("{/data/name}"), "the ministry's log should name the mapping that failed")
    }

    @Test("swift: the generated plugin and its tests type-check against the built modules")
    func swiftPluginTypeChecks() async throws {
        let package = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: package) }
        try "// the gateway's package\n".write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let result = try await CLI.run(["plugin", "new", "civil-registry", "--kind", "swift"], in: package)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let sources = package.appendingPathComponent("Plugins/CivilRegistry")
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files == ["CivilRegistryMapping.swift", "CivilRegistryPlugin.swift", "CivilRegistrySettings.swift"])
        let readme = try String(contentsOf: package.appendingPathComponent("civil-registry/README.md"), encoding: .utf8)
        #expect(readme.contains(#".target(name: "CivilRegistryPlugin", dependencies: pluginDependencies, path: "Plugins/CivilRegistry""#))
        #expect(readme.contains("`CivilRegistryPluginFactory()` in the list of `builtIn`"))

        // The module, built for testing as SwiftPM would, then its tests against it.
        let flags = try SwiftTypeCheck.searchFlags()
        let modules = package.appendingPathComponent("modules")
        try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
        let module = try await SwiftTypeCheck.swiftc(
            ["-emit-module", "-enable-testing", "-module-name", "CivilRegistryPlugin",
             "-emit-module-path", modules.appendingPathComponent("CivilRegistryPlugin.swiftmodule").path]
                + flags + files.map { sources.appendingPathComponent($0).path },
            in: package)
        #expect(module.status == 0, "\(module.output)")
        let tests = package.appendingPathComponent("Tests/CivilRegistryPluginTests/CivilRegistryPluginTests.swift")
        let checked = try await SwiftTypeCheck.swiftc(["-typecheck", "-I", modules.path] + flags + [tests.path], in: package)
        #expect(checked.status == 0, "\(checked.output)")
    }

    @Test("the type check sees errors (so the test above can fail)")
    func typeCheckCatchesErrors() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("Broken.swift")
        try "import LienthongPluginAPI\nlet descriptor: PluginDescriptor = PluginDescriptor(id: 1)\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let checked = try await SwiftTypeCheck.swiftc(["-typecheck"] + (try SwiftTypeCheck.searchFlags()) + [file.path], in: directory)
        #expect(checked.status != 0)
        #expect(checked.output.contains("error:"))
    }

    @Test("bad names, services and upstream URLs are refused with a precise message, and nothing is written",
          arguments: [
            (["Civil", "--kind", "http"], "invalid plugin name \"Civil\""),
            (["9lives", "--kind", "http"], "invalid plugin name \"9lives\""),
            (["civil--registry", "--kind", "http"], "invalid plugin name \"civil--registry\""),
            (["civil-registry", "--kind", "http", "--service", "civil.lookup/v1"], "invalid --service \"civil.lookup/v1\""),
            (["civil-registry", "--kind", "http", "--service", "civil.record.lookup/v0"], "positive integer"),
            (["civil-registry", "--kind", "http", "--upstream", "ftp://example"], "expected an http:// or https:// URL"),
            (["civil-registry", "--kind", "http", "--upstream", "http://a b"], "invalid --upstream"),
            (["civil-registry", "--kind", "http", "--upstream", "http://x:99999"], "the port must be a number from 1 to 65535"),
            (["civil-registry", "--kind", "http", "--package", "."], "--package is for --kind swift only"),
            (["civil-registry", "--kind", "swift"], "holds no Package.swift"),
          ])
    func refusesBadInput(arguments: [String], message: String) async throws {
        let root = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await CLI.run(["plugin", "new"] + arguments, in: root)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test("an unknown kind is a usage error")
    func unknownKind() async throws {
        let result = try await CLI.run(["plugin", "new", "civil-registry", "--kind", "lua"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("lua"))
    }

    @Test("existing files are never overwritten: a second scaffold writes nothing and names them")
    func neverOverwrites() async throws {
        let (root, adapter, first) = try await scaffold("civil-registry", kind: "external")
        defer { try? FileManager.default.removeItem(at: root) }
        try #require(first.status == 0)
        let readme = adapter.appendingPathComponent("README.md")
        try "my notes\n".write(to: readme, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: adapter.appendingPathComponent("plugin.py"))

        let second = try await CLI.run(["plugin", "new", "civil-registry", "--kind", "external", "--output", adapter.path], in: root)
        #expect(second.status == 1)
        #expect(second.stderr.contains("refusing to overwrite existing files"))
        #expect(second.stderr.contains(readme.path))
        #expect(try String(contentsOf: readme, encoding: .utf8) == "my notes\n")
        // Nothing was written, not even the file that was missing.
        #expect(!FileManager.default.fileExists(atPath: adapter.appendingPathComponent("plugin.py").path))
    }
}
