import Foundation
import LienthongJSON
import LienthongPluginAPI
import Testing
@testable import LienthongDeclarative

@Suite("Declarative adapters: calls against an upstream")
struct DeclarativePluginTests {
    static let rest = """
        id: test-system
        version: 1.0.0
        summary: REST test system
        secrets:
          token: {env: TEST_TOKEN}
        upstream:
          baseURL: BASE_URL/api
          timeoutMs: 15000
          retries: 2
          retryDelayMs: 10
          headers:
            Authorization: "Bearer {secret:token}"
        services:
          test.thing.lookup/v1:
            requestSchema: schemas/thing.request.json
            responseSchema: schemas/thing.response.json
            request:
              method: GET
              path: /things/{/id}
              query:
                name: "{/name}"
                born: "{/born?}"
              headers:
                X-Request-Id: "{messageId}"
                X-From: "{from}"
            response:
              notFoundWhen: {value: "{/found?}", equals: false}
              body:
                id: "{/data/ma}"
                name: "{/data/ten}"
                age: "{/data/tuoi?|integer}"
                periods:
                  $each: "{/data/ky?}"
                  $map: {from: "{@/tu}", to: "{@/den}"}
            errors:
              notFound: [404]
              rejected: [400]
              message: "{/error/message?}"
        """

    static let thing = #"{"found": true, "data": {"ma": "T/1", "ten": "Lê Thị B", "tuoi": "37", "ky": [{"tu": "2020-01-01", "den": "2020-12-31"}]}}"#

    @Test("a GET: path segment, query and headers filled and escaped, the answer mapped with $each")
    func get() async throws {
        try await UpstreamStub.run(respond: { _, _ in .init(status: 200, body: Self.thing) }) { baseURL, stub in
            try await PluginHarness.with(manifest: Self.rest, baseURL: baseURL) { harness in
                let result = await harness.call(["id": "T/1", "name": "Lê Thị B"])
                #expect(result == .success([
                    "id": "T/1", "name": "Lê Thị B", "age": 37, "periods": [["from": "2020-01-01", "to": "2020-12-31"]],
                ]))
                let received = try #require(stub.received.first)
                #expect(received.method == "GET")
                #expect(received.path == "/api/things/T%2F1")
                #expect(received.query == "name=L%C3%AA%20Th%E1%BB%8B%20B")
                #expect(received.header("Authorization") == "Bearer tok-123")
                #expect(received.header("X-From") == "000.00.00.H41")
                #expect(received.header("X-Request-Id")?.count == 36)
            }
        }
    }

    @Test("upstream statuses map to problems, with the upstream's message for notFound and rejected")
    func errorMapping() async throws {
        let answers: [String: UpstreamStub.Answer] = [
            "missing": .init(status: 404, body: #"{"error": {"message": "không tìm thấy\n\u0007 T9"}}"#),
            "invalid": .init(status: 400, body: #"{"error": {"message": "tên không khớp"}}"#),
            "denied": .init(status: 401, body: #"{"error": {"message": "token expired"}}"#),
            "broken": .init(status: 500, body: "internal stack trace"),
            "garbage": .init(status: 200, body: "<html>oops</html>"),
            "partial": .init(status: 200, body: #"{"data": {"ma": "X"}}"#),
            "absent": .init(status: 200, body: #"{"found": false}"#),
        ]
        try await UpstreamStub.run(respond: { request, _ in
            answers[String(request.path.split(separator: "/").last ?? "")] ?? .init(status: 500, body: "")
        }) { baseURL, _ in
            try await PluginHarness.with(manifest: Self.rest, baseURL: baseURL) { harness in
                #expect(await harness.call(["id": "missing", "name": "x"]) == .failure(.notFound("test-system answered HTTP 404: không tìm thấy T9")))
                #expect(await harness.call(["id": "invalid", "name": "x"]) == .failure(.rejected("test-system answered HTTP 400: tên không khớp")))
                #expect(await harness.call(["id": "denied", "name": "x"]) == .failure(.unavailable(
                    "test-system refused the gateway's credentials (HTTP 401); check the adapter's secrets")))
                // Server errors are retried (idempotent GET), then reported without the upstream's body.
                #expect(await harness.call(["id": "broken", "name": "x"]) == .failure(.unavailable("test-system answered HTTP 500")))
                guard case .failure(.badUpstreamResponse(let garbage)) = await harness.call(["id": "garbage", "name": "x"]) else {
                    Issue.record("an HTML answer was accepted")
                    return
                }
                #expect(garbage.hasPrefix("test-system answered something that is not JSON"))
                #expect(await harness.call(["id": "partial", "name": "x"]) == .failure(.badUpstreamResponse(
                    "test-system answered without what the mapping needs: {/data/ten}: has no value")))
                #expect(await harness.call(["id": "absent", "name": "x"]) == .failure(.notFound(
                    "test-system has no record for the request ({/found?} is false)")))
            }
        }
    }

    @Test("a request without a field the templates need is the caller's fault")
    func missingField() async throws {
        try await UpstreamStub.run(respond: { _, _ in .init(status: 200, body: Self.thing) }) { baseURL, stub in
            try await PluginHarness.with(manifest: Self.rest, baseURL: baseURL) { harness in
                #expect(await harness.call(["id": "T1"]) == .failure(.rejected(
                    "the request cannot be sent to test-system: {/name}: has no value")))
                #expect(stub.received.isEmpty)
            }
        }
    }

    @Test("idempotent calls are retried after 503 up to the bound; then the last answer counts")
    func retries() async throws {
        try await UpstreamStub.run(respond: { _, attempt in
            attempt <= 2 ? .init(status: 503, body: "busy") : .init(status: 200, body: Self.thing)
        }) { baseURL, stub in
            try await PluginHarness.with(manifest: Self.rest, baseURL: baseURL) { harness in
                #expect(await harness.call(["id": "T1", "name": "x"]).map { $0[key: "id"] } == .success("T/1"))
                #expect(stub.received.count == 3)
            }
        }
        try await UpstreamStub.run(respond: { _, _ in .init(status: 503, body: "busy") }) { baseURL, stub in
            try await PluginHarness.with(manifest: Self.rest, baseURL: baseURL) { harness in
                #expect(await harness.call(["id": "T1", "name": "x"]) == .failure(.unavailable("test-system answered HTTP 503")))
                #expect(stub.received.count == 3)
            }
        }
    }

    @Test("a POST is not retried unless marked idempotent")
    func postNotRetried() async throws {
        let post = Self.rest.replacingOccurrences(of: "      method: GET\n", with: "      method: POST\n      body:\n        json: {ma: \"{/id}\", n: 1}\n")
        try await UpstreamStub.run(respond: { _, _ in .init(status: 503, body: "busy") }) { baseURL, stub in
            try await PluginHarness.with(manifest: post, baseURL: baseURL) { harness in
                #expect(await harness.call(["id": "T1", "name": "x"]) == .failure(.unavailable("test-system answered HTTP 503")))
                #expect(stub.received.count == 1)
                #expect(stub.received.first?.body == #"{"ma":"T1","n":1}"#)
                #expect(stub.received.first?.header("Content-Type") == "application/json")
            }
        }
    }

    @Test("a form body is percent-encoded, an absent optional field left out")
    func formBody() async throws {
        let form = Self.rest.replacingOccurrences(
            of: "      method: GET\n", with: "      method: PUT\n      body:\n        form: {ma: \"{/id}\", ten: \"{/name}\", sinh: \"{/born?}\"}\n")
        try await UpstreamStub.run(respond: { _, _ in .init(status: 200, body: Self.thing) }) { baseURL, stub in
            try await PluginHarness.with(manifest: form, baseURL: baseURL) { harness in
                #expect(await harness.call(["id": "T 1", "name": "Lê&B"]).map { $0[key: "id"] } == .success("T/1"))
                let received = try #require(stub.received.first)
                #expect(received.method == "PUT")
                #expect(received.body == "ma=T%201&ten=L%C3%AA%26B")
                #expect(received.header("Content-Type") == "application/x-www-form-urlencoded")
            }
        }
    }

    @Test("an upstream slower than the attempt timeout is a timeout (504), after the bounded retries")
    func timeout() async throws {
        // An attempt timeout long enough for each request to reach the stub even on a loaded
        // machine, so that the stub's count says how many attempts were made.
        let slow = Self.rest.replacingOccurrences(of: "timeoutMs: 15000", with: "timeoutMs: 1000")
            .replacingOccurrences(of: "retries: 2", with: "retries: 1")
        try await UpstreamStub.run(respond: { _, _ in .init(status: 200, body: Self.thing, delay: .seconds(5)) }) { baseURL, stub in
            try await PluginHarness.with(manifest: slow, baseURL: baseURL) { harness in
                guard case .failure(.timeout) = await harness.call(["id": "T1", "name": "x"]) else {
                    Issue.record("a slow upstream did not time out")
                    return
                }
                #expect(stub.received.count == 2)
            }
        }
    }

    @Test("a missing secret stops the adapter from being made, naming the variable")
    func missingSecret() async throws {
        await #expect(throws: PluginConfigurationError(plugin: "test-system", reason: "secret token: environment variable TEST_TOKEN is not set")) {
            try await PluginHarness.with(manifest: Self.rest, baseURL: "http://127.0.0.1:9", environment: [:]) { _ in }
        }
    }
}
