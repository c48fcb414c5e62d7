import Foundation
import Yams

/// Reads a YAML file into a composed node tree, turning every failure (unreadable file, syntax
/// error, empty document) into a `ConfigurationError` with the file, line and column.
public enum YAMLDocument {
    /// The root node of the file at `path`, named `path` in messages.
    public static func read(file path: String) throws(ConfigurationError) -> Node {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigurationError(issues: [ConfigurationIssue(
                file: path, line: nil, column: nil, path: "", message: "cannot be read: \(error.localizedDescription)")])
        }
        return try compose(text, file: path)
    }

    /// The root node of `text`; `file` names it in messages.
    public static func compose(_ text: String, file: String) throws(ConfigurationError) -> Node {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ConfigurationError(issues: [issue(forYAMLError: error, file: file)])
        }
        guard let root else {
            throw ConfigurationError(issues: [ConfigurationIssue(
                file: file, line: nil, column: nil, path: "", message: "the file is empty")])
        }
        return root
    }

    /// A Yams error as an issue at the position Yams reports.
    public static func issue(forYAMLError error: any Error, file: String) -> ConfigurationIssue {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                return ConfigurationIssue(file: file, line: mark.line, column: mark.column, path: "", message: "YAML: \(problem)")
            default:
                break
            }
        }
        return ConfigurationIssue(file: file, line: nil, column: nil, path: "", message: "YAML: \(error)")
    }
}
