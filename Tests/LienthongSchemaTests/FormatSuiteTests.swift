import Foundation
import Testing

@testable import LienthongSchema

/// Runs the official JSON Schema Test Suite cases (draft 2020-12, optional/format) against
/// `FormatChecker`: every case whose schema is just `{"format": X}` and whose instance is a string.
@Suite struct FormatSuiteTests {
    /// One test of the suite: the instance, whether it is valid, and the suite's description.
    struct Case: CustomStringConvertible {
        let format: String
        let instance: String
        let valid: Bool
        let description: String
    }

    static let suiteDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // LienthongSchemaTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/testdata/json-schema-test-suite/tests/draft2020-12/optional/format")
        .standardizedFileURL

    /// The string cases for `format` from the suite file `fileName`, or nil when the suite is absent.
    static func cases(format: String, fileName: String) throws -> [Case]? {
        let url = suiteDirectory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("note: JSON Schema Test Suite not found at \(url.path); skipping \(fileName)")
            return nil
        }
        let groups = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        var cases: [Case] = []
        for group in groups {
            guard let schema = group["schema"] as? [String: Any], schema["format"] as? String == format,
                Set(schema.keys).isSubset(of: ["$schema", "format"]),
                let tests = group["tests"] as? [[String: Any]]
            else { continue }
            for test in tests {
                guard let instance = test["data"] as? String, let valid = test["valid"] as? Bool else { continue }
                let description = "\(group["description"] ?? "") / \(test["description"] ?? "")"
                cases.append(Case(format: format, instance: instance, valid: valid, description: description))
            }
        }
        return cases
    }

    static let formats = [
        "date", "time", "date-time", "duration", "email", "idn-email", "hostname", "idn-hostname",
        "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uri-template", "uuid",
        "json-pointer", "relative-json-pointer", "regex",
    ]

    @Test(arguments: formats)
    func officialCases(format: String) throws {
        guard let cases = try Self.cases(format: format, fileName: "\(format).json") else { return }
        #expect(!cases.isEmpty, "no string cases found for \(format)")
        for testCase in cases {
            #expect(
                FormatChecker.check(format, testCase.instance) == testCase.valid,
                "\(format): \(testCase.description): \(String(reflecting: testCase.instance))")
        }
    }

    /// ECMA-262 specifics of `regex` (`\\a` is not an escape, no inline flags, `[]` is valid…): they
    /// hold once `ECMARegex` is the ECMA-262 engine rather than the NSRegularExpression stand-in.
    @Test func ecmaScriptRegexCases() throws {
        guard let cases = try Self.cases(format: "regex", fileName: "ecmascript-regex.json") else { return }
        #expect(!cases.isEmpty)
        for testCase in cases {
            #expect(
                FormatChecker.check("regex", testCase.instance) == testCase.valid,
                "regex: \(testCase.description): \(String(reflecting: testCase.instance))")
        }
    }

    @Test func unknownFormatsAreAccepted() throws {
        guard let cases = try Self.cases(format: "unknown", fileName: "unknown.json") else { return }
        #expect(!cases.isEmpty)
        for testCase in cases {
            #expect(FormatChecker.check("unknown", testCase.instance) == nil)
            #expect(testCase.valid)
        }
    }
}
