import Foundation
import LienthongSchema

/// The state machine of a Bowtie harness (protocol version 1): it answers one command line with
/// at most one response line. A schema that fails to compile is answered with Bowtie's `errored`
/// form and the harness goes on; so is a malformed command.
struct BowtieHarness {
    static let protocolVersion = 1

    private var started = false
    private var dialect: SchemaDialect = .draft2020_12

    mutating func handle(line: String) -> (response: String?, stop: Bool) {
        let command: JSONValue
        do { command = try JSONParser.parse(line) } catch {
            return (errored(seq: nil, message: "the command is not valid JSON: \(error)"), false)
        }
        switch command[key: "cmd"]?.asString {
        case "start":
            guard command[key: "version"]?.asNumber?.intValue == Self.protocolVersion else {
                return (errored(seq: nil, message: "unsupported Bowtie protocol version; this harness speaks version 1"), true)
            }
            started = true
            return (Self.startResponse.serialized(), false)
        case "dialect":
            guard let uri = command[key: "dialect"]?.asString, let chosen = SchemaDialect(metaschemaURI: uri) else {
                return (JSONValue.object(JSONObject([("ok", .bool(false))])).serialized(), false)
            }
            dialect = chosen
            return (JSONValue.object(JSONObject([("ok", .bool(true))])).serialized(), false)
        case "run":
            return (run(command), false)
        case "stop":
            return (nil, true)
        default:
            return (errored(seq: command[key: "seq"], message: "unknown command \(command[key: "cmd"]?.serialized() ?? "(none)")"), false)
        }
    }

    private func run(_ command: JSONValue) -> String {
        let seq = command[key: "seq"]
        guard started else { return errored(seq: seq, message: "'run' before 'start'") }
        guard let testCase = command[key: "case"], let schema = testCase[key: "schema"],
              let tests = testCase[key: "tests"]?.asArray
        else {
            return errored(seq: seq, message: "a 'run' command needs case.schema and case.tests")
        }
        var registry = SchemaRegistrySource()
        for (uri, document) in testCase[key: "registry"]?.asObject ?? JSONObject() {
            registry.register(document, at: uri)
        }
        let validator: JSONSchemaValidator
        do {
            validator = try JSONSchemaValidator(
                schema: schema, options: .init(defaultDialect: dialect, registry: registry))
        } catch {
            return errored(seq: seq, message: error.description)
        }
        let results = tests.map { test -> JSONValue in
            .object(JSONObject([("valid", .bool(validator.isValid(test[key: "instance"] ?? .null)))]))
        }
        return JSONValue.object(JSONObject([("seq", seq ?? .null), ("results", .array(results))])).serialized()
    }

    private func errored(seq: JSONValue?, message: String) -> String {
        JSONValue.object(JSONObject([
            ("seq", seq ?? .null),
            ("errored", .bool(true)),
            ("context", .object(JSONObject([("message", .string(message))]))),
        ])).serialized()
    }

    private static let startResponse: JSONValue = .object(JSONObject([
        ("version", .number(JSONNumber(protocolVersion))),
        ("ready", .bool(true)),
        ("implementation", .object(JSONObject([
            ("language", "swift"),
            ("name", "lienthong-schema"),
            ("version", .string(LienthongVersion.current)),
            ("homepage", "https://lienthong.vn"),
            ("issues", "https://lienthong.vn/issues"),
            ("source", "https://lienthong.vn/source"),
            ("dialects", .array(SchemaDialect.allCases.map { .string($0.metaschemaURI) })),
            ("os", .string(ProcessInfo.processInfo.operatingSystemVersionString)),
            ("language_version", "6"),
        ]))),
    ]))
}
