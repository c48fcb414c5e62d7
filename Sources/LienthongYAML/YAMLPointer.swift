import Foundation
import Yams

/// Finds the YAML node a JSON Pointer (from a schema validation error) designates, so an error
/// in adapter settings is reported at the line and column of the offending value.
public enum YAMLPointer {
    public static func node(at pointer: String, in root: Node) -> Node? {
        guard !pointer.isEmpty else { return root }
        guard pointer.hasPrefix("/") else { return nil }
        var current = root
        for rawToken in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = rawToken.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .mapping(let mapping):
                guard let value = mapping.first(where: { $0.key.scalar?.string == token })?.value else { return nil }
                current = value
            case .sequence(let sequence):
                guard let index = Int(token), index >= 0, index < sequence.count else { return nil }
                current = sequence[sequence.index(sequence.startIndex, offsetBy: index)]
            default:
                return nil
            }
        }
        return current
    }
}
