import Foundation
import Testing

@testable import LienthongSchema

/// Runs the regular-expression cases of the JSON Schema test suite (draft 2020-12) directly
/// against the engine: `pattern` and single-pattern `patternProperties` schemas, and the
/// `format: regex` cases (valid exactly when the pattern compiles).
@Suite("ECMARegex against the JSON Schema test suite")
struct RegexSuiteTests {
    /// `…/shared/testdata/json-schema-test-suite/tests/draft2020-12`, next to the package root.
    static let suiteDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // LienthongSchemaTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/testdata/json-schema-test-suite/tests/draft2020-12")
        .standardizedFileURL

    /// The groups of one suite file, or nil (with a note) when the suite is not checked out here.
    static func groups(_ file: String) throws -> [[String: Any]]? {
        let url = suiteDirectory.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("note: JSON Schema test suite not found at \(url.path); skipping \(file)")
            return nil
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(json as? [[String: Any]])
    }

    /// The pattern of a schema that is only a string pattern (plus `$schema` and `type: string`).
    static func plainPattern(_ schema: [String: Any]) -> String? {
        let keys = Set(schema.keys).subtracting(["$schema"])
        guard let pattern = schema["pattern"] as? String else { return nil }
        if keys == ["pattern"] { return pattern }
        if keys == ["pattern", "type"], schema["type"] as? String == "string" { return pattern }
        return nil
    }

    /// The pattern of `{"patternProperties": {P: true}, "additionalProperties": false}`: an object is
    /// valid exactly when every property name matches P.
    static func onlyPropertyNamesPattern(_ schema: [String: Any]) -> String? {
        guard let properties = schema["patternProperties"] as? [String: Any], properties.count == 1,
              let (pattern, subschema) = properties.first, subschema as? Bool == true,
              schema["additionalProperties"] as? Bool == false
        else { return nil }
        return pattern
    }

    @Test(arguments: ["optional/ecmascript-regex.json", "pattern.json", "optional/non-bmp-regex.json"])
    func patternCases(_ file: String) throws {
        guard let groups = try Self.groups(file) else { return }
        var checked = 0
        for group in groups {
            guard let schema = group["schema"] as? [String: Any], let tests = group["tests"] as? [[String: Any]]
            else { continue }
            let description = group["description"] as? String ?? ""
            if let pattern = Self.plainPattern(schema) {
                let regex = try ECMARegex(pattern)
                for test in tests {
                    guard let data = test["data"] as? String, let valid = test["valid"] as? Bool else { continue }
                    #expect(try regex.matches(data) == valid, "\(description): \(test["description"] ?? "")")
                    checked += 1
                }
            } else if let pattern = Self.onlyPropertyNamesPattern(schema) {
                let regex = try ECMARegex(pattern)
                for test in tests {
                    guard let data = test["data"] as? [String: Any], let valid = test["valid"] as? Bool else { continue }
                    let allMatch = try data.keys.allSatisfy { try regex.matches($0) }
                    #expect(allMatch == valid, "\(description): \(test["description"] ?? "")")
                    checked += 1
                }
            }
        }
        #expect(checked > 0, "no case of \(file) was checked")
    }

    @Test func formatRegexCases() throws {
        guard let groups = try Self.groups("optional/format/regex.json") else { return }
        var checked = 0
        for group in groups {
            for test in group["tests"] as? [[String: Any]] ?? [] {
                guard let data = test["data"] as? String, let valid = test["valid"] as? Bool else { continue }
                let compiles = (try? ECMARegex(data)) != nil
                #expect(compiles == valid, "format regex: \(data)")
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    /// Every pattern anywhere in the suite's draft 2020-12 files must compile: they are all valid.
    @Test func everyPatternInTheSuiteCompiles() throws {
        guard FileManager.default.fileExists(atPath: Self.suiteDirectory.path) else {
            print("note: JSON Schema test suite not found at \(Self.suiteDirectory.path)")
            return
        }
        let files = FileManager.default.enumerator(at: Self.suiteDirectory, includingPropertiesForKeys: nil)
        var patterns: [String] = []
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "json", !url.path.contains("/format/") else { continue }
            collectPatterns(try JSONSerialization.jsonObject(with: Data(contentsOf: url)), into: &patterns)
        }
        #expect(patterns.count > 10)
        for pattern in patterns {
            #expect(throws: Never.self, "/\(pattern)/") { _ = try ECMARegex(pattern) }
        }
    }

    private func collectPatterns(_ json: Any, into patterns: inout [String]) {
        if let object = json as? [String: Any] {
            for (key, value) in object {
                if key == "pattern", let pattern = value as? String { patterns.append(pattern) }
                if key == "patternProperties", let properties = value as? [String: Any] {
                    patterns.append(contentsOf: properties.keys)
                }
                // Test data is instances, not schemas: a "pattern" key there is just data.
                if key != "data" { collectPatterns(value, into: &patterns) }
            }
        } else if let array = json as? [Any] {
            for element in array { collectPatterns(element, into: &patterns) }
        }
    }
}
