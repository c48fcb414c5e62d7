import Foundation
import Testing

@testable import LienthongSchema

/// The acceptance test: every case of the official JSON Schema Test Suite
/// (`tests/draft2020-12/*.json`, and `tests/draft7/*.json` when present), with `remotes/` served
/// as `http://localhost:1234/`, plus the optional files and the format files with format
/// assertion on.
///
/// Each case is checked through both evaluators, `isValid` and the error-collecting one behind
/// `validate`, which must agree.
/// Where the suite is absent the tests say so and pass (the one accepted skip).
@Suite("JSON Schema Test Suite")
struct TestSuiteTests {
    /// Formats the gateway relies on; run with `formatAssertion: true`.
    static let assertedFormats = [
        "date", "date-time", "time", "duration", "email", "uuid", "ipv4", "ipv6", "uri", "uri-reference",
        "hostname", "regex",
    ]

    static let draft202012Files = SuiteRun.files(in: "tests/draft2020-12")
    static let draft7Files = SuiteRun.files(in: "tests/draft7")
    /// Optional behaviour we implement too (bignum, cross-draft refs, ECMA-262 regex, …).
    static let optionalFiles = SuiteRun.files(in: "tests/draft2020-12/optional")
    static let formatFiles =
        ValidatorTestSupport.testSuiteDirectory == nil
        ? [SuiteRun.suiteAbsent] : assertedFormats.map { "tests/draft2020-12/optional/format/\($0).json" }

    @Test("draft 2020-12", arguments: draft202012Files)
    func draft202012(file: String) throws {
        try SuiteRun.check(file: file, dialect: .draft2020_12, formatAssertion: false)
    }

    @Test("draft-07", arguments: draft7Files)
    func draft7(file: String) throws {
        try SuiteRun.check(file: file, dialect: .draft07, formatAssertion: false)
    }

    @Test("draft 2020-12 optional", arguments: optionalFiles)
    func draft202012Optional(file: String) throws {
        try SuiteRun.check(file: file, dialect: .draft2020_12, formatAssertion: false)
    }

    @Test("format assertion", arguments: formatFiles)
    func formats(file: String) throws {
        try SuiteRun.check(file: file, dialect: .draft2020_12, formatAssertion: true)
    }

    @Test("totals per draft")
    func totals() throws {
        guard ValidatorTestSupport.testSuiteDirectory != nil else {
            print("JSON Schema Test Suite absent: set LIENTHONG_SHARED_DIR or provide ../shared; skipping")
            return
        }
        for (name, files, dialect) in [
            ("draft2020-12", Self.draft202012Files, SchemaDialect.draft2020_12), ("draft7", Self.draft7Files, .draft07),
        ] where !SuiteRun.isAbsence(files) {
            var total = SuiteRun.Counts()
            for file in files { total.add(try SuiteRun.run(file: file, dialect: dialect, formatAssertion: false).counts) }
            print("\(name): \(total.cases) cases, \(total.passed) passed, \(total.failed) failed")
            #expect(total.failed == 0)
        }
    }
}

/// Loading and running suite files.
enum SuiteRun {
    /// Stand for "no files" so that a parameterised test still runs once and can say why.
    static let suiteAbsent = "(suite absent)"
    static func directoryAbsent(_ directory: String) -> String { "(\(directory) absent)" }

    static func isAbsence(_ files: [String]) -> Bool { files.count == 1 && files[0].hasPrefix("(") }

    struct Counts {
        var cases = 0
        var passed = 0
        var failed: Int { cases - passed }

        mutating func add(_ other: Counts) {
            cases += other.cases
            passed += other.passed
        }
    }

    struct Outcome {
        var counts = Counts()
        var failures: [String] = []
    }

    /// Relative paths of the `.json` files directly in `directory` of the suite, sorted.
    static func files(in directory: String) -> [String] {
        guard let suite = ValidatorTestSupport.testSuiteDirectory else { return [suiteAbsent] }
        let url = suite.appendingPathComponent(directory, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            return [directoryAbsent(directory)]
        }
        let files = names.filter { $0.hasSuffix(".json") }.sorted().map { "\(directory)/\($0)" }
        return files.isEmpty ? [directoryAbsent(directory)] : files
    }

    /// The `remotes/` documents, keyed `http://localhost:1234/<path>`; loaded once.
    static let remotes: SchemaRegistrySource = {
        var registry = SchemaRegistrySource()
        guard let suite = ValidatorTestSupport.testSuiteDirectory else { return registry }
        let root = suite.appendingPathComponent("remotes", isDirectory: true)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return registry }
        for case let path as String in enumerator where path.hasSuffix(".json") {
            if let document = try? ValidatorTestSupport.jsonFile(root.appendingPathComponent(path)) {
                registry.register(document, at: "http://localhost:1234/" + path)
            }
        }
        return registry
    }()

    /// Runs `file` and records an issue per failing case, then prints the file's counts.
    static func check(file: String, dialect: SchemaDialect, formatAssertion: Bool) throws {
        guard file != suiteAbsent else {
            print("JSON Schema Test Suite absent: set LIENTHONG_SHARED_DIR or provide ../shared; skipping")
            return
        }
        guard !file.hasPrefix("(") else {
            print("JSON Schema Test Suite: \(file.dropFirst().dropLast()) in this copy of the suite; nothing to run")
            return
        }
        let outcome = try run(file: file, dialect: dialect, formatAssertion: formatAssertion)
        for failure in outcome.failures { Issue.record(Comment(rawValue: failure)) }
        print("\(file): \(outcome.counts.cases) cases, \(outcome.counts.passed) passed, \(outcome.counts.failed) failed")
    }

    static func run(file: String, dialect: SchemaDialect, formatAssertion: Bool) throws -> Outcome {
        let suite = try #require(ValidatorTestSupport.testSuiteDirectory)
        let document = try ValidatorTestSupport.jsonFile(suite.appendingPathComponent(file))
        guard case .array(let groups) = document else {
            Issue.record("\(file) is not an array of test groups")
            return Outcome()
        }
        let options = JSONSchemaValidator.Options(
            defaultDialect: dialect, formatAssertion: formatAssertion, registry: remotes)
        var outcome = Outcome()
        for group in groups {
            guard case .object(let groupObject) = group, let schema = groupObject["schema"],
                case .array(let tests)? = groupObject["tests"]
            else { continue }
            let groupName = description(of: groupObject)
            let validator: JSONSchemaValidator?
            var compileFailure = ""
            do {
                validator = try JSONSchemaValidator(schema: schema, options: options)
            } catch {
                validator = nil
                compileFailure = "schema did not compile: \(error)"
            }
            for test in tests {
                guard case .object(let testObject) = test, let instance = testObject["data"],
                    case .bool(let expected)? = testObject["valid"]
                else { continue }
                outcome.counts.cases += 1
                let verdict = validator.map { check($0, instance, expected: expected) } ?? compileFailure
                if verdict.isEmpty {
                    outcome.counts.passed += 1
                } else {
                    outcome.failures.append(
                        """
                        \(file) | \(groupName) | \(description(of: testObject))
                          \(verdict)
                          schema:   \(MessageText.json(schema, limit: 4_000))
                          instance: \(MessageText.json(instance, limit: 4_000))
                        """)
                }
            }
        }
        return outcome
    }

    /// Empty when both evaluators (first failure, and collecting every error) and `validate`
    /// give `expected`; otherwise what went wrong.
    private static func check(_ validator: JSONSchemaValidator, _ instance: JSONValue, expected: Bool) -> String {
        let fast = validator.isValid(instance)
        let collected = validator.collectErrors(instance)
        let result = validator.validate(instance)
        if fast == expected && collected.isValid == expected && result.isValid == expected { return "" }
        return "expected \(expected ? "valid" : "invalid"), isValid gave \(fast), the collecting evaluator gave \(collected), validate gave \(result)"
    }

    private static func description(of object: JSONObject) -> String {
        if case .string(let text)? = object["description"] { return text }
        return "(no description)"
    }
}
