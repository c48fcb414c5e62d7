import LienthongJSON
import LienthongPluginAPI
import LienthongYAML
import Yams

/// Reads templates out of manifest YAML and checks them at load: syntax, and that every
/// placeholder is allowed where it stands (`PlaceholderRules`).
struct ManifestTemplates {
    let reader: YAMLReader

    /// A text template from a scalar.
    func text(_ node: Node, path: String, rules: PlaceholderRules, insideEach: Bool = false) -> TextTemplate? {
        guard let text = reader.string(node, path: path) else { return nil }
        let template: TextTemplate
        do { template = try TextTemplate(parsing: text) } catch {
            reader.report(error.message, at: node, path: path)
            return nil
        }
        return check(template.placeholders.map { ($0, insideEach) }, at: node, path: path, rules: rules) ? template : nil
    }

    /// A value template from any node: mappings, lists, scalars, and `{$each, $map}`. With a
    /// `shape` (the answer's schema at this place), members the schema plainly does not allow are
    /// reported.
    func value(
        _ node: Node, path: String, rules: PlaceholderRules, insideEach: Bool = false, shape: SchemaPointerCheck.Position? = nil
    ) -> ValueTemplate? {
        switch node {
        case .mapping(let mapping):
            if mapping.contains(where: { $0.key.scalar?.string.hasPrefix("$") ?? false }) {
                return each(node, path: path, rules: rules, insideEach: insideEach, shape: shape)
            }
            guard let map = reader.mapping(node, path: path) else { return nil }
            var members: [ValueTemplate.Member] = []
            var failed = false
            for entry in map.entries {
                var memberShape: SchemaPointerCheck.Position?
                switch shape?.step(entry.key, what: "response") {
                case .into(let next): memberShape = next
                case .refused(let reason):
                    reader.report(reason, at: entry.keyNode, path: YAMLReader.path(path, entry.key))
                    failed = true
                case .unknown, nil: memberShape = nil
                }
                guard let member = value(
                    entry.value, path: YAMLReader.path(path, entry.key), rules: rules, insideEach: insideEach, shape: memberShape)
                else {
                    failed = true
                    continue
                }
                members.append(ValueTemplate.Member(key: entry.key, value: member))
            }
            return failed ? nil : .object(members)
        case .sequence(let sequence):
            var items: [ValueTemplate] = []
            var failed = false
            for (index, item) in sequence.enumerated() {
                guard let template = value(item, path: "\(path)[\(index)]", rules: rules, insideEach: insideEach, shape: shape?.items) else {
                    failed = true
                    continue
                }
                items.append(template)
            }
            return failed ? nil : .array(items)
        case .scalar:
            let literal = YAMLJSONConversion.json(from: node, reader: reader, path: path)
            guard case .string = literal else { return .literal(literal) }
            return text(node, path: path, rules: rules, insideEach: insideEach).map(ValueTemplate.text)
        case .alias:
            reader.report("aliases are not supported in templates", at: node, path: path)
            return nil
        }
    }

    /// `{$each: "{…}", $map: …}` (every element of an array) or `{$with: "{…}", $map: …}` (one value).
    private func each(
        _ node: Node, path: String, rules: PlaceholderRules, insideEach: Bool, shape: SchemaPointerCheck.Position?
    ) -> ValueTemplate? {
        guard let map = reader.mapping(node, path: path) else { return nil }
        let single = map.value("$with") != nil
        let directive = single ? "$with" : "$each"
        let sourceNode = map.value(directive, required: true)
        let templateNode = map.value("$map", required: true)
        map.finish()
        guard let sourceNode, let templateNode else { return nil }
        let sourcePath = YAMLReader.path(path, directive)
        guard let source = text(sourceNode, path: sourcePath, rules: rules, insideEach: insideEach) else { return nil }
        guard let slot = source.soleSlot else {
            let expected = single ? "a value, e.g. \"{/item?}\"" : "an array (or repeated XML elements), e.g. \"{/items}\""
            reader.report("\(directive) takes exactly one placeholder naming \(expected)", at: sourceNode, path: sourcePath)
            return nil
        }
        let mapPath = YAMLReader.path(path, "$map")
        guard let template = value(templateNode, path: mapPath, rules: rules, insideEach: true, shape: single ? shape : shape?.items)
        else { return nil }
        return single ? .with(source: slot, template: template) : .each(source: slot, template: template)
    }

    /// Reports placeholders not allowed here; true when all are.
    private func check(_ placeholders: [(Placeholder, Bool)], at node: Node, path: String, rules: PlaceholderRules) -> Bool {
        var allowed = true
        for (placeholder, insideEach) in placeholders {
            if let refusal = rules.refusal(of: placeholder, insideEach: insideEach) {
                reader.report("\(placeholder): \(refusal)", at: node, path: path)
                allowed = false
            }
        }
        return allowed
    }

    /// An XML body template must be well-formed once filled: checked with a sample value in
    /// every placeholder, so a missing `>` is found at load and not by the upstream.
    func checkXMLTemplate(_ template: TextTemplate, at node: Node, path: String) {
        var sample = ""
        for segment in template.segments {
            switch segment {
            case .literal(let literal): sample += literal
            case .placeholder: sample += "x"
            }
        }
        do throws(XMLReadError) {
            _ = try XMLElementTreeReader.parse(Array(sample.utf8), limits: XMLReadLimits(maxBytes: 1 << 20, maxDepth: 64, maxElements: 10_000))
        } catch {
            reader.report("the XML body is not usable: \(error)", at: node, path: path)
        }
    }
}
