/// One problem in a configuration file, with where it is: `province.yaml:12:5: routes."x": reason`.
public struct ConfigurationIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file as given to the loader.
    public let file: String
    /// 1-based line and column of the offending node, when known.
    public let line: Int?
    public let column: Int?
    /// The setting's path, e.g. `routes."population.x"` or `exchange.port`.
    public let path: String
    public let message: String

    public init(file: String, line: Int?, column: Int?, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)"
    }
}

/// Every problem found in a configuration: the loader reports them all at once, so an operator
/// fixes a file in one pass.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let issues: [ConfigurationIssue]

    public init(issues: [ConfigurationIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
