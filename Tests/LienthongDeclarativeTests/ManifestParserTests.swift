import LienthongCore
import LienthongJSON
import LienthongYAML
import Testing
@testable import LienthongDeclarative

@Suite("Manifests: parsing and load-time checks")
struct ManifestParserTests {
    static let minimal = """
        id: test-system
        version: 1.2.3
        summary: A test system
        upstream:
          baseURL: http://127.0.0.1:1/api/
        services:
          test.thing.lookup/v1:
            requestSchema: schemas/thing.request.json
            responseSchema: schemas/thing.response.json
            request:
              method: GET
              path: /things/{/id}
            response:
              body:
                id: "{/id}"
        """

    @Test("a minimal manifest: defaults, descriptor and schemas")
    func minimal() throws {
        let files = try ManifestFiles()
        defer { files.remove() }
        try files.writeOpenSchemas("thing")
        try files.write("m.yaml", Self.minimal)
        let manifest = try files.load("m.yaml")
        #expect(manifest.id == "test-system")
        #expect(manifest.upstream.baseURL == "http://127.0.0.1:1/api")
        #expect(manifest.upstream.timeout == .seconds(10))
        #expect(manifest.upstream.retries == 0)
        #expect(manifest.services.map { $0.service.rawValue } == ["test.thing.lookup/v1"])
        #expect(manifest.services[0].errors == .default)
        let descriptor = manifest.descriptor
        #expect(descriptor.services.map { $0.requestSchema } == ["https://schemas.test.vn/thing.request.json"])
        #expect(manifest.schemaFiles.count == 2)
        #expect(manifest.schemaFileSet.services.map { $0.service } == ["test.thing.lookup/v1"])
    }

    @Test("every problem is reported with file:line:column and path")
    func errorsWithLocations() throws {
        let files = try ManifestFiles()
        defer { files.remove() }
        try files.writeOpenSchemas("thing")
        try files.write("bad.yaml", """
            id: Test
            version: "1"
            summary: x
            secrets:
              token: {env: A, file: b}
            upstream:
              baseURL: http://h/?q
              retries: 7
            services:
              test.thing.lookup/v1:
                requestSchema: schemas/thing.request.json
                responseSchema: schemas/nothing.json
                retries: 1
                request:
                  method: POST
                  path: /things/{secret:token}
                  headers:
                    X-Name: "{xml:A}"
                    Content-Length: "3"
                response:
                  format: xml
                  body:
                    id: "{/id}"
                    k: "{@xml:K}"
                  colour: red
            """)
        let issues = files.issues("bad.yaml")
        #expect(issues == [
            "bad.yaml:1:5: id: an adapter id is lower-case letters, digits and hyphens, starting with a letter (at most 64)",
            "bad.yaml:2:10: version: expected a semantic version such as 1.0.0, found \"1\"",
            "bad.yaml:5:10: secrets.token: give exactly one of env (an environment variable) or file (a path); secrets are never written in the manifest",
            "bad.yaml:7:12: upstream.baseURL: expected an http:// or https:// URL without query or fragment",
            "bad.yaml:8:12: upstream.retries: 7 is outside 0...5",
            "bad.yaml:12:21: services.\"test.thing.lookup/v1\".responseSchema: schema file schemas/nothing.json cannot be read",
            "bad.yaml:16:13: services.\"test.thing.lookup/v1\".request.path: {secret:token}: secrets may not stand in the URL path (it is logged); put them in a header or the query",
            "bad.yaml:18:17: services.\"test.thing.lookup/v1\".request.headers.X-Name: {xml:A}: {xml:…} reads an XML answer; here the input is JSON (use a JSON Pointer such as {/field})",
            "bad.yaml:19:9: services.\"test.thing.lookup/v1\".request.headers.Content-Length: Content-Length is set by the gateway (Content-Type from the body kind)",
            "bad.yaml:23:13: services.\"test.thing.lookup/v1\".response.body.id: {/id}: the answer is XML: use {xml:Element/Path}, not a JSON Pointer",
            "bad.yaml:24:12: services.\"test.thing.lookup/v1\".response.body.k: {@xml:K}: {@xml:…} is only meaningful inside $each or $with",
            "bad.yaml:25:7: services.\"test.thing.lookup/v1\".response: unknown setting \"colour\" (allowed here: body, format, notFoundWhen)",
            "bad.yaml:13:14: services.\"test.thing.lookup/v1\".retries: retries apply only to idempotent calls (GET, PUT, DELETE, or a POST marked idempotent: true); POST is not",
        ])
    }

    @Test("YAML syntax errors, a malformed XML body and a GET with a body are refused at load")
    func structuralErrors() throws {
        let files = try ManifestFiles()
        defer { files.remove() }
        try files.writeOpenSchemas("thing")
        try files.write("syntax.yaml", "id: [unclosed\n")
        let syntax = files.issues("syntax.yaml")
        #expect(syntax.count == 1)
        #expect(syntax.first?.hasPrefix("syntax.yaml:2:1: YAML:") == true, "\(syntax)")

        try files.write("xml.yaml", Self.minimal.replacingOccurrences(
            of: "      method: GET\n", with: "      method: POST\n      body:\n        xml: \"<a>{/id}</b>\"\n"))
        let xml = files.issues("xml.yaml")
        #expect(xml.count == 1)
        #expect(xml.first?.contains("request.body.xml: the XML body is not usable: the XML document is not well-formed") == true, "\(xml)")

        try files.write("get.yaml", Self.minimal.replacingOccurrences(
            of: "      path: /things/{/id}\n", with: "      path: /things/{/id}\n      body:\n        json: {a: 1}\n"))
        let get = files.issues("get.yaml")
        #expect(get == ["get.yaml:14:9: services.\"test.thing.lookup/v1\".request.body: a GET request has no body"])
    }

    @Test("request pointers are checked against the request schema where it is closed")
    func pointersAgainstTheSchema() throws {
        let files = try ManifestFiles()
        defer { files.remove() }
        try files.writeOpenSchemas("thing")
        try files.write("schemas/closed.json", """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://schemas.test.vn/closed.json",
             "type": "object", "additionalProperties": false,
             "properties": {"id": {"type": "string"}, "person": {"$ref": "#/$defs/person"}, "tags": {"type": "array", "items": {"type": "string"}},
                            "extra": {"type": "object"}},
             "$defs": {"person": {"type": "object", "properties": {"name": {"type": "string"}}, "additionalProperties": false}}}
            """)
        let manifest = Self.minimal
            .replacingOccurrences(of: "requestSchema: schemas/thing.request.json", with: "requestSchema: schemas/closed.json")
            .replacingOccurrences(of: "      path: /things/{/id}\n", with: """
                      path: /things/{/idd}
                      query:
                        a: "{/person/name}"
                        b: "{/person/nam}"
                        c: "{/id/x}"
                        d: "{/tags/0}"
                        e: "{/extra/anything/below}"

                """)
        try files.write("typo.yaml", manifest)
        #expect(files.issues("typo.yaml") == [
            "typo.yaml:12:13: services.\"test.thing.lookup/v1\".request.path: {/idd}: the request schema declares no /idd (it declares /id, /person, /tags, /extra)",
            "typo.yaml:15:12: services.\"test.thing.lookup/v1\".request.query.b: {/person/nam}: the request schema declares no /person/nam (it declares /person/name)",
            "typo.yaml:16:12: services.\"test.thing.lookup/v1\".request.query.c: {/id/x}: the request schema makes /id a string; it has no /x",
        ])
    }

    @Test("members of the answer's mapping are checked against the response schema where it is closed")
    func responseMembersAgainstTheSchema() throws {
        let files = try ManifestFiles()
        defer { files.remove() }
        try files.writeOpenSchemas("thing")
        try files.write("schemas/answer.json", """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://schemas.test.vn/answer.json",
             "type": "object", "additionalProperties": false,
             "properties": {"id": {"type": "string"}, "rows": {"type": "array", "items": {"$ref": "#/$defs/row"}}},
             "$defs": {"row": {"type": "object", "properties": {"code": {"type": "string"}}, "additionalProperties": false}}}
            """)
        let manifest = Self.minimal
            .replacingOccurrences(of: "responseSchema: schemas/thing.response.json", with: "responseSchema: schemas/answer.json")
            .replacingOccurrences(of: "        id: \"{/id}\"", with: """
                        id: "{/id}"
                        idd: "{/id}"
                        rows:
                          $each: "{/rows}"
                          $map: {code: "{@/c}", name: "{@/n}"}
                """)
        try files.write("typo.yaml", manifest)
        #expect(files.issues("typo.yaml") == [
            "typo.yaml:16:9: services.\"test.thing.lookup/v1\".response.body.idd: the response schema declares no /idd (it declares /id, /rows)",
            "typo.yaml:19:33: services.\"test.thing.lookup/v1\".response.body.rows.$map.name: the response schema declares no /rows/0/name (it declares /rows/0/code)",
        ])
    }

    @Test("schemas named by $id come from the catalog; a file and an $id together are refused")
    func schemasByID() throws {
        let files = try ManifestFiles()
        defer { files.remove() }
        try files.writeOpenSchemas("thing")
        let byID = Self.minimal
            .replacingOccurrences(of: "schemas/thing.request.json", with: "https://schemas.lienthong.vn/land/parcel.lookup.request.v1.json")
            .replacingOccurrences(of: "schemas/thing.response.json", with: "https://schemas.lienthong.vn/land/parcel.lookup.response.v1.json")
        try files.write("id.yaml", byID)
        let manifest = try files.load("id.yaml")
        #expect(manifest.services.first?.schemasFromCatalog == true)
        #expect(manifest.schemaFiles.isEmpty)
        #expect(manifest.schemaFileSet.services.isEmpty)
        #expect(manifest.descriptor.services.first?.requestSchema == "https://schemas.lienthong.vn/land/parcel.lookup.request.v1.json")

        try files.write("mixed.yaml", Self.minimal.replacingOccurrences(
            of: "schemas/thing.request.json", with: "https://schemas.lienthong.vn/land/parcel.lookup.request.v1.json"))
        #expect(files.issues("mixed.yaml") == [
            "mixed.yaml:8:5: services.\"test.thing.lookup/v1\": give both schemas as files, or both as the $id of schemas the gateway already has",
        ])
    }

    @Test("two manifests with one id, or a built-in's id, are refused")
    func conflicts() throws {
        let files = try ManifestFiles()
        defer { files.remove() }
        try files.writeOpenSchemas("thing")
        try files.write("a.yaml", Self.minimal)
        try files.write("b.yaml", Self.minimal)
        do {
            _ = try ManifestLoader(reservedIDs: ["test-system"]).load(paths: [files.directory])
            Issue.record("conflicting manifests loaded")
        } catch {
            let messages = error.issues.map { $0.description.replacingOccurrences(of: files.directory + "/", with: "") }
            #expect(messages == [
                "a.yaml:1:5: id: \"test-system\" is the id of a built-in adapter; choose another",
                "b.yaml:1:5: id: \"test-system\" is the id of a built-in adapter; choose another",
                "b.yaml:1:5: id: adapter \"test-system\" is already declared by a.yaml",
                "b.yaml:1:5: id: service test.thing.lookup/v1 is already declared by a.yaml",
            ])
        }
    }

    @Test("the examples in examples/adapters load")
    func examples() throws {
        let manifests = try ManifestLoader().load(paths: [
            Repository.root + "/examples/adapters/health-insurance", Repository.root + "/examples/adapters/civil-status",
        ])
        #expect(manifests.map { $0.id } == ["health-insurance", "civil-status"])
        let soap = try #require(manifests[1].services.first)
        #expect(soap.retries == 1)
        guard case .xml(_, let contentType)? = soap.request.body else {
            Issue.record("the SOAP example has no XML body")
            return
        }
        #expect(contentType == "text/xml; charset=utf-8")
        #expect(manifests[0].services[0].retries == 2)
    }
}

