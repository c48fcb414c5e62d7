import Foundation
import LienthongJSON
import LienthongYAML
import NIOHTTP1
import Yams

/// The `request:` of a service: method, path, query, headers and body, with their templates.
extension ManifestParser {
    /// The request mapping, and its method even when another part is wrong (retries depend on it).
    func requestMapping(
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

    /// Exactly one of `json` (a value template), `xml` (a text template, checked to be
    /// well-formed) or `form` (named text templates).
    func requestBody(_ map: MappingReader, secrets: Set<String>, schema: JSONValue?) -> RequestBody? {
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

    /// What names a `namedTemplates` mapping holds: header names are checked, query names are free.
    enum NameKind { case header, query }

    /// Headers, query parameters or form fields, each a text template.
    func namedTemplates(_ map: MappingReader, kind: NameKind, rules: PlaceholderRules) -> [NamedTemplate] {
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

    /// The URL path: starts with `/`, literal parts are URL path characters only.
    func pathTemplate(_ node: Node, path: String, schema: JSONValue?) -> TextTemplate? {
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
}
