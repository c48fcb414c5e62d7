import Foundation
import Testing

@testable import LienthongSchema

/// Helpers shared by the validator's tests (no tests of its own).
enum ValidatorTestSupport {
    /// Parses JSON text in a test; the text is part of the test, so a parse failure is a test bug.
    static func json(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text)
    }

    static func jsonFile(_ url: URL) throws -> JSONValue {
        let data = try Data(contentsOf: url)
        return try JSONParser.parse(data)
    }

    /// Compiles `schemaText` with `options`.
    static func validator(
        _ schemaText: String, options: JSONSchemaValidator.Options = .init()
    ) throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: try json(schemaText), options: options)
    }

    /// The shared test data directory: `$LIENTHONG_SHARED_DIR`, else `../shared` beside the
    /// package root (found from this file's path). Nil when absent.
    static var sharedDirectory: URL? {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["LIENTHONG_SHARED_DIR"], !override.isEmpty {
            let url = URL(fileURLWithPath: override, isDirectory: true)
            return fileManager.fileExists(atPath: url.path) ? url : nil
        }
        // Tests/LienthongSchemaTests/<file> → package root → ../shared
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
        return fileManager.fileExists(atPath: shared.path) ? shared : nil
    }

    /// The JSON Schema Test Suite checkout inside the shared directory, if present.
    static var testSuiteDirectory: URL? {
        guard let shared = sharedDirectory else { return nil }
        let suite = shared.appendingPathComponent("testdata/json-schema-test-suite", isDirectory: true)
        return FileManager.default.fileExists(atPath: suite.appendingPathComponent("tests").path) ? suite : nil
    }
}
