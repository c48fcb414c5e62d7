/// The commands of docs/PLUGINS.md's step-by-step section: each fenced `sh` block that comes
/// right after a `<!-- guide-step -->` line, in order.
enum GuideSteps {
    static let marker = "<!-- guide-step -->"

    struct Extraction {
        let steps: [String]
        /// Markers not followed by a ```sh block (a guide edit that a test must catch).
        let orphanMarkers: Int
    }

    static func extract(_ markdown: String) -> Extraction {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var steps: [String] = []
        var orphans = 0
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].trimmingCharacters(in: .whitespaces) == marker else { continue }
            guard index + 1 < lines.count, lines[index + 1] == "```sh" else {
                orphans += 1
                continue
            }
            var body: [String] = []
            var cursor = index + 2
            while cursor < lines.count, lines[cursor] != "```" {
                body.append(lines[cursor])
                cursor += 1
            }
            guard cursor < lines.count else {
                orphans += 1
                break
            }
            steps.append(body.joined(separator: "\n"))
            index = cursor
        }
        return Extraction(steps: steps, orphanMarkers: orphans)
    }

    /// The first fenced `json` block after `heading` (the output the guide shows).
    static func jsonBlock(after text: String, in markdown: String) -> String? {
        guard let start = markdown.range(of: text) else { return nil }
        let rest = markdown[start.upperBound...]
        guard let open = rest.range(of: "```json\n") else { return nil }
        guard let close = rest[open.upperBound...].range(of: "\n```") else { return nil }
        return String(rest[open.upperBound..<close.lowerBound])
    }
}
