import LienthongJSON
import LienthongYAML
import Yams

/// The `response:` and `errors:` of a service: how the upstream's answer becomes ours.
extension ManifestParser {
    /// The answer's format, its mapping (checked against the response schema) and `notFoundWhen`.
    func responseMapping(_ map: MappingReader, schema: JSONValue?) -> ResponseMapping? {
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

    /// The `notFound` and `rejected` status lists (400-599, never 401/403) and the upstream's message.
    func errorMapping(_ map: MappingReader, format: ResponseMapping.Format) -> ErrorMapping? {
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

    /// One status list.
    func statuses(_ map: MappingReader, _ key: String) -> Set<Int>? {
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
}
