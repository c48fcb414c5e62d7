import Foundation

/// The three kinds of adapter `plugin new` scaffolds (docs/PLUGINS.md, "Three kinds").
enum ScaffoldKind: String, CaseIterable, Sendable {
    case swift, http, external
}

/// Everything `lienthong plugin new` writes for one adapter, as a list of files: nothing is
/// written until the whole list is known and no file in it exists.
struct Scaffold: Sendable {
    let names: ScaffoldNames
    let kind: ScaffoldKind
    let upstream: ScaffoldUpstream
    /// Absolute: the adapter's own directory (README, schemas, mock, gateway snippets, scripts).
    let directory: URL
    /// Absolute, `--kind swift` only: the package the target and its tests are added to.
    let package: URL?

    /// `relative` inside the scaffold's directory, absolute.
    func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    var files: [ScaffoldFile] {
        var files = [
            ScaffoldFile(path: path("README.md"), contents: ScaffoldReadme.text(self)),
            ScaffoldFile(path: path("schemas/index.json"), contents: SchemaTemplates.index(names)),
            ScaffoldFile(path: path("schemas/" + names.requestSchemaPath), contents: SchemaTemplates.request(names)),
            ScaffoldFile(path: path("schemas/" + names.responseSchemaPath), contents: SchemaTemplates.response(names)),
            ScaffoldFile(
                path: path("mock/upstream.py"), contents: MockUpstreamTemplate.script(names, port: upstream.mockPort ?? 9180),
                executable: true),
            ScaffoldFile(path: path("gateway/provider.yaml"), contents: GatewaySnippets.provider(self)),
            ScaffoldFile(path: path("gateway/consumer.yaml"), contents: GatewaySnippets.consumer(self)),
        ]
        switch kind {
        case .http:
            files.append(ScaffoldFile(
                path: path(HTTPKindTemplates.manifestFileName(names)), contents: HTTPKindTemplates.manifest(names, upstream: upstream)))
            files.append(ScaffoldFile(path: path("test.sh"), contents: RoundTripTestTemplate.script(self), executable: true))
        case .external:
            files.append(ScaffoldFile(path: path("plugin.py"), contents: ExternalKindTemplates.plugin(names), executable: true))
            files.append(ScaffoldFile(path: path("test.sh"), contents: RoundTripTestTemplate.script(self), executable: true))
        case .swift:
            guard let package else { break }
            let sources = package.appendingPathComponent(SwiftKindTemplates.sourceDirectory(names))
            let tests = package.appendingPathComponent(SwiftKindTemplates.testDirectory(names))
            let prefix = names.typePrefix
            files += [
                ScaffoldFile(path: sources.appendingPathComponent("\(prefix)Plugin.swift").path, contents: SwiftKindTemplates.factory(names)),
                ScaffoldFile(path: sources.appendingPathComponent("\(prefix)Mapping.swift").path, contents: SwiftKindTemplates.mapping(names)),
                ScaffoldFile(path: sources.appendingPathComponent("\(prefix)Settings.swift").path, contents: SwiftKindTemplates.settings(names)),
                ScaffoldFile(path: tests.appendingPathComponent("\(prefix)PluginTests.swift").path, contents: SwiftKindTemplates.tests(names)),
            ]
        }
        return files
    }
}
