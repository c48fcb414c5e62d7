import Foundation
import LienthongCore
import LienthongJSON
import LienthongSchema
import LienthongYAML
import NIOHTTP1
import Yams

/// Reads one manifest file, reporting every problem with `file:line:column: path: reason` through
/// the `YAMLReader`: unknown keys, wrong types, bad ids, templates that do not parse or use a
/// placeholder where it is not allowed, schema files that cannot be read or have no `$id`.
struct ManifestParser {
    let reader: YAMLReader
    /// The manifest's directory: relative schema and secret file paths start there.
    let directory: String

    func parse(_ root: Node) -> AdapterManifest? {
        guard let top = reader.mapping(root, path: "") else { return nil }
        let idNode = top.value("id", required: true)
        let id = idNode.flatMap { reader.string($0, path: "id") }
        if let id, let idNode, !ManifestValues.isAdapterID(id) {
            reader.report("an adapter id is lower-case letters, digits and hyphens, starting with a letter (at most 64)", at: idNode, path: "id")
        }
        let version = top.string("version", required: true)
        if let version, !ManifestValues.isVersion(version) {
            reader.report("expected a semantic version such as 1.0.0, found \"\(version)\"", at: top.value("version"), path: "version")
        }
        let summary = top.string("summary", required: true)
        let secrets = top.mapping("secrets").map(secretSources) ?? [:]
        let upstream = top.mapping("upstream", required: true).flatMap { upstreamSettings($0, secrets: Set(secrets.keys)) }
        var schemaFiles: [String: SchemaFileSet.File] = [:]
        let services = top.mapping("services", required: true).map {
            serviceMappings($0, upstream: upstream, secrets: Set(secrets.keys), schemaFiles: &schemaFiles)
        } ?? []
        if let node = top.value("services"), services.isEmpty, node.mapping?.isEmpty ?? false {
            reader.report("a manifest provides at least one service", at: node, path: "services")
        }
        top.finish()
        guard let id, let version, let summary, let upstream, reader.issues.isEmpty else { return nil }
        return AdapterManifest(
            file: reader.file, idLine: idNode?.mark?.line, idColumn: idNode?.mark?.column, id: id, version: version,
            summary: summary, upstream: upstream, secrets: secrets, services: services,
            schemaFiles: schemaFiles.keys.sorted().compactMap { schemaFiles[$0] })
    }

    // MARK: - Sections

    private func secretSources(_ map: MappingReader) -> [String: SecretSource] {
        var secrets: [String: SecretSource] = [:]
        for entry in map.entries {
            let path = YAMLReader.path(map.path, entry.key)
            guard SecretName.isValid(entry.key) else {
                reader.report("a secret name is letters, digits, - and _", at: entry.keyNode, path: path)
                continue
            }
            guard let source = reader.mapping(entry.value, path: path) else { continue }
            let environment = source.string("env")
            let file = source.string("file")
            source.finish()
            switch (environment, file) {
            case (let variable?, nil): secrets[entry.key] = .environment(variable)
            case (nil, let file?): secrets[entry.key] = .file(resolve(file))
            default:
                reader.report("give exactly one of env (an environment variable) or file (a path); secrets are never written in the manifest",
                              at: entry.value, path: path)
            }
        }
        return secrets
    }

    private func upstreamSettings(_ map: MappingReader, secrets: Set<String>) -> Upstream? {
        let baseNode = map.value("baseURL", required: true)
        var baseURL: String?
        if let baseNode, let text = reader.string(baseNode, path: "upstream.baseURL") {
            baseURL = ManifestValues.baseURL(text)
            if baseURL == nil {
                reader.report("expected an http:// or https:// URL without query or fragment", at: baseNode, path: "upstream.baseURL")
            }
        }
        let timeoutMs = map.integer("timeoutMs", in: 1...600_000) ?? 10_000
        let retries = map.integer("retries", in: 0...5) ?? 0
        let retryDelayMs = map.integer("retryDelayMs", in: 0...10_000) ?? 200
        let headers = map.mapping("headers").map { namedTemplates($0, kind: .header, rules: PlaceholderRules(place: .requestText, secrets: secrets)) } ?? []
        map.finish()
        guard let baseURL else { return nil }
        return Upstream(
            baseURL: baseURL, timeout: .milliseconds(timeoutMs), retries: retries, retryDelay: .milliseconds(retryDelayMs),
            headers: headers)
    }

    private func serviceMappings(
        _ map: MappingReader, upstream: Upstream?, secrets: Set<String>, schemaFiles: inout [String: SchemaFileSet.File]
    ) -> [ServiceMapping] {
        var services: [ServiceMapping] = []
        for entry in map.entries {
            let path = YAMLReader.path(map.path, entry.key)
            var service: ServiceID?
            do { service = try ServiceID(parsing: entry.key) } catch {
                reader.report("not a service id: \(error.reason)", at: entry.keyNode, path: path)
            }
            guard let settings = reader.mapping(entry.value, path: path) else { continue }
            let requestSchema = schemaFile(settings, "requestSchema", files: &schemaFiles)
            let responseSchema = schemaFile(settings, "responseSchema", files: &schemaFiles)
            let requestParts = settings.mapping("request", required: true).map {
                requestMapping($0, secrets: secrets, schema: requestSchema?.json)
            }
            let request = requestParts?.mapping
            let response = settings.mapping("response", required: true).flatMap { responseMapping($0, schema: responseSchema?.json) }
            let errors = settings.mapping("errors").flatMap { errorMapping($0, format: response?.format ?? .json) } ?? .default
            let timeoutMs = settings.integer("timeoutMs", in: 1...600_000)
            let retries = retryCount(settings, method: requestParts?.method, upstream: upstream)
            settings.finish()
            guard let service, let requestSchema, let responseSchema, let request, let response else { continue }
            guard requestSchema.json == nil && responseSchema.json == nil || requestSchema.json != nil && responseSchema.json != nil else {
                reader.report("give both schemas as files, or both as the $id of schemas the gateway already has", at: settings.node, path: path)
                continue
            }
            services.append(ServiceMapping(
                service: service, requestSchemaID: requestSchema.id, responseSchemaID: responseSchema.id,
                schemasFromCatalog: requestSchema.json == nil, request: request, response: response, errors: errors,
                timeout: timeoutMs.map { .milliseconds($0) }, retries: retries))
        }
        return services
    }

    /// Retries only for idempotent calls: GET, PUT, DELETE, or a POST marked `idempotent: true`
    /// (a SOAP lookup). A service asking for retries of a POST that is not marked is refused.
    private func retryCount(_ settings: MappingReader, method: HTTPMethod?, upstream: Upstream?) -> Int {
        let marked = settings.boolean("idempotent") ?? false
        let own = settings.integer("retries", in: 0...5)
        guard let method else { return 0 }
        let idempotent = marked || [.GET, .PUT, .DELETE].contains(method)
        if let own, own > 0, !idempotent {
            reader.report("retries apply only to idempotent calls (GET, PUT, DELETE, or a POST marked idempotent: true); \(method.rawValue) is not",
                          at: settings.value("retries"), path: YAMLReader.path(settings.path, "retries"))
            return 0
        }
        return idempotent ? (own ?? upstream?.retries ?? 0) : 0
    }

    /// The `$id` and content of the schema file named by `key`; for an absolute `http(s)://` URI,
    /// the `$id` of a schema the gateway already has (bundled or in `schemaDirectories`), without content.
    private func schemaFile(
        _ settings: MappingReader, _ key: String, files: inout [String: SchemaFileSet.File]
    ) -> (id: String, json: JSONValue?)? {
        guard let node = settings.value(key, required: true) else { return nil }
        let path = YAMLReader.path(settings.path, key)
        guard let text = reader.string(node, path: path) else { return nil }
        if text.hasPrefix("https://") || text.hasPrefix("http://") { return (text, nil) }
        let file = resolve(text)
        guard let data = FileManager.default.contents(atPath: file) else {
            reader.report("schema file \(file) cannot be read", at: node, path: path)
            return nil
        }
        let json: JSONValue
        do { json = try JSONParser.parse(Array(data)) } catch {
            reader.report("schema file \(file) is not valid JSON: \(error)", at: node, path: path)
            return nil
        }
        guard let id = json[key: "$id"]?.asString, let uri = URL(string: id), uri.scheme != nil else {
            reader.report("schema file \(file) has no absolute \"$id\"; every schema needs one", at: node, path: path)
            return nil
        }
        files[file] = SchemaFileSet.File(origin: file, bytes: Array(data))
        return (id, json)
    }

    /// A path relative to the manifest's directory.
    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL.path
    }
}
