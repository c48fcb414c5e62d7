import Yams

/// Reads typed values out of a composed YAML document and collects every problem with its
/// file:line:column, instead of stopping at the first one.
///
/// Mappings are read through `MappingReader`, which remembers the keys it was asked for so that
/// unknown keys (typos) are reported rather than silently ignored.
public final class YAMLReader {
    public let file: String
    public private(set) var issues: [ConfigurationIssue] = []

    public init(file: String) { self.file = file }

    /// Records a problem at `node` (or at the file when there is no node).
    public func report(_ message: String, at node: Node?, path: String) {
        issues.append(ConfigurationIssue(
            file: file, line: node?.mark?.line, column: node?.mark?.column, path: path, message: message))
    }

    /// Records problems found in another file (e.g. a manifest the configuration names).
    public func append(_ issues: [ConfigurationIssue]) {
        self.issues.append(contentsOf: issues)
    }

    /// The mapping at `node`, or nil (reported) when it is something else.
    public func mapping(_ node: Node, path: String) -> MappingReader? {
        guard let mapping = node.mapping else {
            report("expected a mapping (key: value), found \(Self.kind(of: node))", at: node, path: path)
            return nil
        }
        return MappingReader(reader: self, node: node, mapping: mapping, path: path)
    }

    /// The scalar text at `node`, or nil (reported).
    public func string(_ node: Node, path: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report("expected a text value, found \(Self.kind(of: node))", at: node, path: path)
            return nil
        }
        return scalar.string
    }

    /// The integer at `node` within `range`, or nil (reported).
    public func integer(_ node: Node, path: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, path: path) else { return nil }
        guard let value = Int(text) else {
            report("expected an integer, found \"\(text)\"", at: node, path: path)
            return nil
        }
        guard range.contains(value) else {
            report("\(value) is outside \(range.lowerBound)...\(range.upperBound)", at: node, path: path)
            return nil
        }
        return value
    }

    /// `true` or `false` at `node`, or nil (reported).
    public func boolean(_ node: Node, path: String) -> Bool? {
        guard let scalar = node.scalar, let value = Bool.construct(from: scalar) else {
            report("expected true or false", at: node, path: path)
            return nil
        }
        return value
    }

    /// The list at `node`, or nil (reported).
    public func sequence(_ node: Node, path: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            report("expected a list, found \(Self.kind(of: node))", at: node, path: path)
            return nil
        }
        return Array(sequence)
    }

    /// `parent.key`, quoting keys that hold dots or slashes so the path stays readable.
    public static func path(_ parent: String, _ key: String) -> String {
        let needsQuotes = key.contains(where: { ".\"/ ".contains($0) })
        let component = needsQuotes ? "\"\(key)\"" : key
        return parent.isEmpty ? component : "\(parent).\(component)"
    }

    public static func kind(of node: Node) -> String {
        switch node {
        case .scalar: "a text value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

/// One YAML mapping being read: known keys are taken, the rest reported as unknown by `finish`.
public final class MappingReader {
    public let reader: YAMLReader
    public let node: Node
    public let path: String
    private let pairs: [(key: Node, value: Node)]
    private var taken: Set<String> = []

    public init(reader: YAMLReader, node: Node, mapping: Node.Mapping, path: String) {
        self.reader = reader
        self.node = node
        self.path = path
        self.pairs = mapping.map { ($0.key, $0.value) }
    }

    /// Every entry, in file order, with its key text (for mappings keyed by ids).
    public var entries: [(key: String, keyNode: Node, value: Node)] {
        pairs.compactMap { pair in
            guard let key = pair.key.scalar?.string else {
                reader.report("keys must be text", at: pair.key, path: path)
                return nil
            }
            return (key, pair.key, pair.value)
        }
    }

    /// The value of `key`; reports it as missing when `required`.
    public func value(_ key: String, required: Bool = false) -> Node? {
        taken.insert(key)
        if let pair = pairs.first(where: { $0.key.scalar?.string == key }) { return pair.value }
        if required { reader.report("missing required setting \"\(key)\"", at: node, path: path) }
        return nil
    }

    public func string(_ key: String, required: Bool = false) -> String? {
        value(key, required: required).flatMap { reader.string($0, path: YAMLReader.path(path, key)) }
    }

    public func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        value(key).flatMap { reader.integer($0, path: YAMLReader.path(path, key), in: range) }
    }

    public func strings(_ key: String) -> [(text: String, node: Node)]? {
        guard let node = value(key) else { return nil }
        let itemPath = YAMLReader.path(path, key)
        guard let items = reader.sequence(node, path: itemPath) else { return nil }
        return items.enumerated().compactMap { index, item in
            reader.string(item, path: "\(itemPath)[\(index)]").map { ($0, item) }
        }
    }

    public func boolean(_ key: String) -> Bool? {
        value(key).flatMap { reader.boolean($0, path: YAMLReader.path(path, key)) }
    }

    public func mapping(_ key: String, required: Bool = false) -> MappingReader? {
        value(key, required: required).flatMap { reader.mapping($0, path: YAMLReader.path(path, key)) }
    }

    /// Reports every key that was never asked for, naming the allowed ones.
    public func finish() {
        let allowed = taken.sorted().joined(separator: ", ")
        for pair in pairs {
            guard let key = pair.key.scalar?.string, !taken.contains(key) else { continue }
            reader.report("unknown setting \"\(key)\" (allowed here: \(allowed))", at: pair.key, path: path)
        }
    }
}
