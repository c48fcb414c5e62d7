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
            services.append(ServiceMapping(
                service: service, requestSchemaID: requestSchema.id, responseSchemaID: responseSchema.id, request: request,
                response: response, errors: errors, timeout: timeoutMs.map { .milliseconds($0) }, retries: retries))
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

    /// The `$id` and content of the schema file named by `key`.
    private func schemaFile(_ settings: MappingReader, _ key: String, files: inout [String: SchemaFileSet.File]) -> (id: String, json: JSONValue)? {
        guard let node = settings.value(key, required: true) else { return nil }
        let path = YAMLReader.path(settings.path, key)
        guard let text = reader.string(node, path: path) else { return nil }
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

    /// The request mapping, and its method even when another part is wrong (retries depend on it).
    private func requestMapping(
        _ map: MappingReader, secrets: Set<String>, schema: JSONValue?
    ) -> (method: HTTPMethod?, mapping: RequestMapping?) {
        let methodNode = map.value("method", required: true)
        var method: HTTPMethod?
        if let methodNode, let text = reader.string(methodNode, path: YAMLReader.path(map.path, "method")) {
            let allowed: [HTTPMethod] = [.GET, .POST, .PUT, .PATCH, .DELETE]
            method = allowed.first { $0.rawValue == text }
            if method == nil {
                reader.report("expected one of \(allowed.map(\.rawValue).joined(separator: ", ")), found \"\(text)\"",
                              at: methodNode, path: YAMLReader.path(map.path, "method"))
            }
        }
        let path = map.value("path", required: true).flatMap {
            pathTemplate($0, path: YAMLReader.path(map.path, "path"), schema: schema)
        }
        let textRules = PlaceholderRules(place: .requestText, secrets: secrets, requestSchema: schema)
        let query = map.mapping("query").map { namedTemplates($0, kind: .query, rules: textRules) } ?? []
        let headers = map.mapping("headers").map { namedTemplates($0, kind: .header, rules: textRules) } ?? []
        let body = map.mapping("body").flatMap { requestBody($0, secrets: secrets, schema: schema) }
        map.finish()
        if let method, body != nil, method == .GET || method == .DELETE {
            reader.report("a \(method.rawValue) request has no body", at: map.value("body"), path: YAMLReader.path(map.path, "body"))
        }
        guard let method, let path else { return (method, nil) }
        return (method, RequestMapping(method: method, path: path, query: query, headers: headers, body: body))
    }

    private func requestBody(_ map: MappingReader, secrets: Set<String>, schema: JSONValue?) -> RequestBody? {
        let textRules = PlaceholderRules(place: .requestText, secrets: secrets, requestSchema: schema)
        var bodies: [RequestBody] = []
        if let node = map.value("json") {
            let rules = PlaceholderRules(place: .requestJSON, secrets: secrets, requestSchema: schema)
            if let template = ManifestTemplates(reader: reader).value(node, path: YAMLReader.path(map.path, "json"), rules: rules) {
                bodies.append(.json(template))
            }
        }
        if let node = map.value("xml") {
            let path = YAMLReader.path(map.path, "xml")
            let contentType = map.string("contentType") ?? "text/xml; charset=utf-8"
            if let template = ManifestTemplates(reader: reader).text(node, path: path, rules: textRules) {
                ManifestTemplates(reader: reader).checkXMLTemplate(template, at: node, path: path)
                bodies.append(.xml(template, contentType: contentType))
            }
        } else if map.value("contentType") != nil {
            reader.report("contentType applies to xml bodies only", at: map.value("contentType"), path: YAMLReader.path(map.path, "contentType"))
        }
        if let form = map.mapping("form") {
            bodies.append(.form(namedTemplates(form, kind: .query, rules: textRules)))
        }
        map.finish()
        guard bodies.count == 1 else {
            reader.report("give exactly one of json, xml or form", at: map.node, path: map.path)
            return nil
        }
        return bodies[0]
    }

    private func responseMapping(_ map: MappingReader, schema: JSONValue?) -> ResponseMapping? {
        var format = ResponseMapping.Format.json
        if let node = map.value("format"), let text = reader.string(node, path: YAMLReader.path(map.path, "format")) {
            if let parsed = ResponseMapping.Format(rawValue: text) { format = parsed } else {
                reader.report("expected json or xml, found \"\(text)\"", at: node, path: YAMLReader.path(map.path, "format"))
            }
        }
        let rules = PlaceholderRules(place: .response(format), secrets: [])
        let templates = ManifestTemplates(reader: reader)
        let body = map.value("body", required: true).flatMap {
            templates.value($0, path: YAMLReader.path(map.path, "body"), rules: rules, shape: schema.map(SchemaPointerCheck.Position.init))
        }
        var condition: NotFoundCondition?
        if let when = map.mapping("notFoundWhen") {
            let valueNode = when.value("value", required: true)
            let equalsNode = when.value("equals", required: true)
            if let valueNode, let template = templates.text(valueNode, path: YAMLReader.path(when.path, "value"), rules: rules) {
                if let slot = template.soleSlot, let equalsNode {
                    condition = NotFoundCondition(
                        value: slot, equals: YAMLJSONConversion.json(from: equalsNode, reader: reader, path: YAMLReader.path(when.path, "equals")))
                } else if template.soleSlot == nil {
                    reader.report("expected exactly one placeholder, e.g. \"{/found}\"", at: valueNode, path: YAMLReader.path(when.path, "value"))
                }
            }
            when.finish()
        }
        map.finish()
        guard let body else { return nil }
        return ResponseMapping(format: format, body: body, notFoundWhen: condition)
    }

    private func errorMapping(_ map: MappingReader, format: ResponseMapping.Format) -> ErrorMapping? {
        let notFound = statuses(map, "notFound") ?? ErrorMapping.default.notFound
        let rejected = statuses(map, "rejected") ?? ErrorMapping.default.rejected
        let message = map.value("message").flatMap {
            ManifestTemplates(reader: reader).text($0, path: YAMLReader.path(map.path, "message"),
                                                   rules: PlaceholderRules(place: .response(format), secrets: []))
        }
        let both = notFound.intersection(rejected)
        if !both.isEmpty {
            reader.report("status \(both.sorted().map(String.init).joined(separator: ", ")) is both notFound and rejected",
                          at: map.node, path: map.path)
        }
        map.finish()
        return ErrorMapping(notFound: notFound, rejected: rejected, message: message)
    }

    private func statuses(_ map: MappingReader, _ key: String) -> Set<Int>? {
        guard let node = map.value(key) else { return nil }
        let path = YAMLReader.path(map.path, key)
        guard let items = reader.sequence(node, path: path) else { return nil }
        var result: Set<Int> = []
        for item in items {
            guard let status = reader.integer(item, path: path, in: 400...599) else { continue }
            if [401, 403].contains(status) {
                reader.report("\(status) means the gateway's own credentials were refused; it stays an upstream failure (502)",
                              at: item, path: path)
                continue
            }
            result.insert(status)
        }
        return result
    }

    // MARK: - Templates

    enum NameKind { case header, query }

    private func namedTemplates(_ map: MappingReader, kind: NameKind, rules: PlaceholderRules) -> [NamedTemplate] {
        var result: [NamedTemplate] = []
        for entry in map.entries {
            let path = YAMLReader.path(map.path, entry.key)
            if kind == .header {
                guard ManifestValues.isHeaderName(entry.key) else {
                    reader.report("\"\(entry.key)\" is not a header name", at: entry.keyNode, path: path)
                    continue
                }
                guard !ManifestValues.reservedHeaders.contains(entry.key.lowercased()) else {
                    reader.report("\(entry.key) is set by the gateway (Content-Type from the body kind)", at: entry.keyNode, path: path)
                    continue
                }
            }
            if let template = ManifestTemplates(reader: reader).text(entry.value, path: path, rules: rules) {
                result.append(NamedTemplate(name: entry.key, value: template))
            }
        }
        return result
    }

    private func pathTemplate(_ node: Node, path: String, schema: JSONValue?) -> TextTemplate? {
        guard let template = ManifestTemplates(reader: reader).text(
            node, path: path, rules: PlaceholderRules(place: .requestPath, secrets: [], requestSchema: schema))
        else { return nil }
        guard template.text.hasPrefix("/") else {
            reader.report("a path starts with /", at: node, path: path)
            return nil
        }
        for case .literal(let literal) in template.segments where !ManifestValues.isPathLiteral(literal) {
            reader.report("\"\(literal)\" holds characters a URL path cannot (put parameters under query:)", at: node, path: path)
            return nil
        }
        return template
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL.path
    }
}
