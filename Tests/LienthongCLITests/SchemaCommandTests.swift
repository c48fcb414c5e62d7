import Foundation
import Testing

@Suite("Command line: schema list, validate and the Bowtie harness")
struct SchemaCommandTests {
    static let lookupRequest = "https://schemas.lienthong.vn/population/citizen.lookup.request.v1.json"

    @Test func listShowsEveryServiceAndSchema() async throws {
        let result = try await CLI.run(["schema", "list"])
        #expect(result.status == 0)
        for service in ["population.citizen.lookup/v1", "population.citizen.verify/v1", "land.parcel.lookup/v1",
                        "business.enterprise.lookup/v1", "document.edoc.send/v1", "document.status.update/v1"] {
            #expect(result.stdout.contains("  \(service)\n"))
        }
        #expect(result.stdout.contains("https://schemas.lienthong.vn/envelope/v1.json"))
    }

    @Test func validatesABundledSchemaByIDFromAnyDirectory() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(#"{"SoDinhDanh": "040085012345"}"#.utf8).write(to: directory.appendingPathComponent("good.json"))
        try Data(#"{"SoDinhDanh": "04008501234", "Extra": 1}"#.utf8).write(to: directory.appendingPathComponent("bad.json"))

        let good = try await CLI.run(["schema", "validate", Self.lookupRequest, "good.json"], in: directory)
        #expect(good.status == 0)
        #expect(good.stdout == "good.json: valid\n")

        let mixed = try await CLI.run(["schema", "validate", Self.lookupRequest, "good.json", "bad.json"], in: directory)
        #expect(mixed.status == 1)
        #expect(mixed.stdout.contains("good.json: valid\nbad.json: invalid\n"))
        #expect(mixed.stdout.contains(#"at "/SoDinhDanh" (schema "/properties/SoDinhDanh/$ref/pattern")"#))
        #expect(mixed.stdout.contains(#"at "/Extra" (schema "/additionalProperties"): property 'Extra' is not allowed"#))
    }

    @Test func validatesWithAUserSchemaFileAndPrintsBasicOutput() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(#"{"type": "object", "properties": {"age": {"type": "integer", "minimum": 18}}}"#.utf8)
            .write(to: directory.appendingPathComponent("schema.json"))
        try Data(#"{"age": 12}"#.utf8).write(to: directory.appendingPathComponent("young.json"))
        let result = try await CLI.run(["schema", "validate", "--json", "schema.json", "young.json"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.contains(#""valid":false"#))
        #expect(result.stdout.contains(#""instanceLocation":"/age""#))
        #expect(result.stdout.contains(#""keywordLocation":"/properties/age/minimum""#))
    }

    @Test func badInputGetsAPreciseErrorAndExitCode1() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{\"a\": [1, 2,]}".utf8).write(to: directory.appendingPathComponent("broken.json"))
        try Data(##"{"$ref": "#/$defs/missing"}"##.utf8).write(to: directory.appendingPathComponent("badref.json"))

        let broken = try await CLI.run(["schema", "validate", Self.lookupRequest, "broken.json"], in: directory)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("instance broken.json is not valid JSON: line 1, column 12: trailing comma before ']'"))

        let missing = try await CLI.run(["schema", "validate", Self.lookupRequest, "missing.json"], in: directory)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read instance file missing.json"))

        let badRef = try await CLI.run(["schema", "validate", "badref.json", "broken.json"], in: directory)
        #expect(badRef.status == 1)
        #expect(badRef.stderr.contains("badref.json: schema error at /$ref: unresolvable reference"))

        let noInstances = try await CLI.run(["schema", "validate", Self.lookupRequest], in: directory)
        #expect(noInstances.status == 2)
    }

    @Test func bowtieHarnessSpeaksTheProtocol() async throws {
        let lines = [
            #"{"cmd": "start", "version": 1}"#,
            #"{"cmd": "dialect", "dialect": "http://json-schema.org/draft-07/schema#"}"#,
            // Draft-07: $ref overrides its siblings, so maximum is ignored.
            ##"{"cmd": "run", "seq": 1, "case": {"description": "ref", "schema": {"definitions": {"a": {"type": "integer"}}, "$ref": "#/definitions/a", "maximum": 1}, "tests": [{"description": "big", "instance": 5}, {"description": "str", "instance": "x"}]}}"##,
            #"{"cmd": "dialect", "dialect": "https://json-schema.org/draft/2020-12/schema"}"#,
            #"{"cmd": "run", "seq": 2, "case": {"description": "remote", "schema": {"$ref": "http://localhost:1234/int.json"}, "registry": {"http://localhost:1234/int.json": {"type": "integer"}}, "tests": [{"description": "int", "instance": 1}, {"description": "no", "instance": 1.5}]}}"#,
            #"{"cmd": "run", "seq": 3, "case": {"description": "broken", "schema": {"$ref": "http://nowhere.invalid/x.json"}, "tests": [{"description": "a", "instance": 1}]}}"#,
            #"{"cmd": "run", "seq": 4, "case": {"description": "still going", "schema": {"minLength": 2}, "tests": [{"description": "a", "instance": "ab"}]}}"#,
            #"{"cmd": "dialect", "dialect": "https://example.com/unknown"}"#,
            #"{"cmd": "stop"}"#,
        ]
        let result = try await CLI.run(["schema", "bowtie"], stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 0)
        let replies = result.stdout.split(separator: "\n").map(String.init)
        #expect(replies.count == 8)
        guard replies.count == 8 else { return }
        #expect(replies[0].hasPrefix(#"{"version":1,"ready":true,"implementation":{"language":"swift","name":"lienthong-schema""#))
        #expect(replies[1] == #"{"ok":true}"#)
        #expect(replies[2] == #"{"seq":1,"results":[{"valid":true},{"valid":false}]}"#)
        #expect(replies[3] == #"{"ok":true}"#)
        #expect(replies[4] == #"{"seq":2,"results":[{"valid":true},{"valid":false}]}"#)
        #expect(replies[5].hasPrefix(#"{"seq":3,"errored":true,"context":{"message":"schema error at /$ref: unresolvable reference"#))
        #expect(replies[6] == #"{"seq":4,"results":[{"valid":true}]}"#)
        #expect(replies[7] == #"{"ok":false}"#)
    }
}
