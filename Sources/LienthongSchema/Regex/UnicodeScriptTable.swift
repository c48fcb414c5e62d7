/// Script and Script_Extensions membership as ranges, parsed once from `UnicodeScriptData`.
///
/// The standard library has no Script property, so `\p{Script=Greek}` is answered from data
/// generated out of the Unicode Character Database.
struct UnicodeScriptTable: Sendable {
    /// Parsed on first use; `static let` initialisation is thread-safe.
    static let shared = UnicodeScriptTable()

    /// Script id by every accepted name (code, long name, extra aliases such as `Qaac`).
    let idsByName: [String: Int]
    private let runStarts: [UInt32]
    private let runScripts: [Int]
    private let extensions: [(range: ClosedRange<UInt32>, scripts: [Int])]

    private init() {
        var ids: [String: Int] = [:]
        for (id, names) in UnicodeScriptData.names.enumerated() {
            for name in names { ids[name] = id }
        }
        idsByName = ids
        var starts: [UInt32] = []
        var scripts: [Int] = []
        for token in UnicodeScriptData.scriptRuns.split(whereSeparator: \.isWhitespace) {
            let parts = token.split(separator: ":")
            guard parts.count == 2, let start = UInt32(parts[0], radix: 16), let id = Int(parts[1], radix: 16)
            else { continue }
            starts.append(start)
            scripts.append(id)
        }
        runStarts = starts
        runScripts = scripts
        var extensions: [(range: ClosedRange<UInt32>, scripts: [Int])] = []
        for token in UnicodeScriptData.extensionRanges.split(whereSeparator: \.isWhitespace) {
            let parts = token.split(separator: ":")
            guard parts.count == 2, let range = Self.parseRange(parts[0]) else { continue }
            extensions.append((range, parts[1].split(separator: ",").compactMap { Int($0, radix: 16) }))
        }
        self.extensions = extensions
    }

    /// Code points whose Script is `id`.
    func scriptRanges(_ id: Int) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        for index in runStarts.indices where runScripts[index] == id {
            let end = index + 1 < runStarts.count ? runStarts[index + 1] - 1 : ScalarRanges.maxValue
            result.append(runStarts[index]...end)
        }
        return result
    }

    /// Code points whose Script_Extensions contain `id` (a code point without an explicit list has
    /// its Script as its only extension).
    func scriptExtensionRanges(_ id: Int) -> [ClosedRange<UInt32>] {
        let listed = extensions.map(\.range)
        let listedWithID = extensions.filter { $0.scripts.contains(id) }.map(\.range)
        return ScalarRanges.normalized(ScalarRanges.subtracting(listed, from: scriptRanges(id)) + listedWithID)
    }

    /// Parses `start-end` in hexadecimal.
    static func parseRange(_ text: Substring) -> ClosedRange<UInt32>? {
        let bounds = text.split(separator: "-")
        guard bounds.count == 2, let low = UInt32(bounds[0], radix: 16), let high = UInt32(bounds[1], radix: 16),
              low <= high
        else { return nil }
        return low...high
    }
}
