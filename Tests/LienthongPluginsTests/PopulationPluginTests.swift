import AsyncHTTPClient
import Foundation
import LienthongMocks
import LienthongPluginAPI
import LienthongSchema
import PopulationPlugin
import Testing

@Suite("Population adapter against the mock C06")
struct PopulationPluginTests {
    static let lookup = "population.citizen.lookup/v1"
    static let verify = "population.citizen.verify/v1"
    let citizen = TestData.shared.citizens.citizens[0]

    func plugin(_ mock: RunningMock, _ client: HTTPClient, secret: String = "c06-dev-secret", timeoutMs: Int = 10_000) throws -> any LienthongPlugin {
        let settings: JSONValue = [
            "baseURL": .string(mock.baseURL), "clientId": "lienthong-dev", "clientSecret": .string(secret),
            "timeoutMs": .number(JSONNumber(timeoutMs)),
        ]
        return try PopulationPluginFactory().make(settings: settings, environment: pluginEnvironment(client))
    }

    @Test("the descriptor names both services with their bundled schemas, and valid settings")
    func descriptor() throws {
        let descriptor = PopulationPluginFactory().descriptor
        #expect(descriptor.services.map(\.service.rawValue) == [Self.lookup, Self.verify])
        let catalog = try Schemas.catalog.get()
        for service in descriptor.services {
            #expect(catalog.schema(id: service.requestSchema) != nil)
            #expect(catalog.schema(id: service.responseSchema) != nil)
        }
        let settings = try JSONSchemaValidator(schema: descriptor.settingsSchema)
        #expect(settings.isValid(["baseURL": "https://c06.example", "clientId": "a", "clientSecretEnv": "C06_SECRET"]))
        #expect(!settings.isValid(["baseURL": "https://c06.example", "clientId": "a"]))
    }

    @Test("lookup returns the citizen, with an ISO date, valid against the response schema")
    func lookupSucceeds() async throws {
        try await RunningMock.with(PopulationSystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                let response = try await plugin(mock, client).handle(pluginRequest(Self.lookup, ["SoDinhDanh": .string(citizen.soDinhDanh)]))
                #expect(response.payload[key: "HoVaTen"] == .string(citizen.fullName))
                #expect(response.payload[key: "NgayThangNamSinh"] == .string(citizen.isoBirthDate))
                #expect(try Schemas.responseErrors(response.payload, service: Self.lookup) == [])
            }
        }
    }

    @Test("verify compares name and date of birth, and says when the number does not exist")
    func verify() async throws {
        try await RunningMock.with(PopulationSystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                let plugin = try plugin(mock, client)
                let match = try await plugin.handle(pluginRequest(Self.verify, [
                    "SoDinhDanh": .string(citizen.soDinhDanh), "HoVaTen": .string(citizen.fullName),
                    "NgayThangNamSinh": .string(citizen.isoBirthDate),
                ]))
                #expect(match.payload == ["TonTai": true, "KetQuaDoiChieu": ["HoVaTen": true, "NgayThangNamSinh": true]])
                let wrongDate = try await plugin.handle(pluginRequest(Self.verify, [
                    "SoDinhDanh": .string(citizen.soDinhDanh), "HoVaTen": .string(citizen.fullName), "NgayThangNamSinh": "1900-01-01",
                ]))
                #expect(wrongDate.payload[key: "KetQuaDoiChieu"]?[key: "NgayThangNamSinh"] == false)
                let unknown = try await plugin.handle(pluginRequest(Self.verify, [
                    "SoDinhDanh": "999999999999", "HoVaTen": "Nguyễn Văn An", "NgayThangNamSinh": "1985-03-14",
                ]))
                #expect(unknown.payload == ["TonTai": false])
                for payload in [match.payload, unknown.payload] {
                    #expect(try Schemas.responseErrors(payload, service: Self.verify) == [])
                }
            }
        }
    }

    @Test("an unknown number, or a name that does not match, is not found")
    func notFound() async throws {
        try await RunningMock.with(PopulationSystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                let plugin = try plugin(mock, client)
                await expectPluginError(plugin, try pluginRequest(Self.lookup, ["SoDinhDanh": "999999999999"])) { if case .notFound = $0 { true } else { false } }
                await expectPluginError(plugin, try pluginRequest(Self.lookup, ["SoDinhDanh": .string(citizen.soDinhDanh), "HoVaTen": "Ai Đó Khác"])) { if case .notFound(let detail) = $0 { detail.contains("C06-05") } else { false } }
            }
        }
    }

    @Test("a wrong secret is reported as the gateway's credentials being refused")
    func wrongSecret() async throws {
        try await RunningMock.with(PopulationSystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                let plugin = try plugin(mock, client, secret: "not-the-secret")
                await expectPluginError(plugin, try pluginRequest(Self.lookup, ["SoDinhDanh": .string(citizen.soDinhDanh)])) { if case .unavailable(let detail) = $0 { detail.contains("C06-12") && detail.contains("clientSecret") } else { false } }
            }
        }
    }

    @Test("the mock refuses a stale timestamp, a bad signature and missing credentials with its own codes")
    func mockAuthorisation() async throws {
        try await RunningMock.with(PopulationSystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                let body = Array(#"{"SoDinhDanh":"\#(citizen.soDinhDanh)"}"#.utf8)
                let url = mock.baseURL + PopulationSystem.lookupPath
                func headers(_ timestamp: Int64, secret: String = "c06-dev-secret") throws -> [(String, String)] {
                    let signature = try C06RequestSignature.signature(clientID: "lienthong-dev", timestamp: timestamp, body: body, secret: secret)
                    return [("X-C06-ClientId", "lienthong-dev"), ("X-C06-Timestamp", String(timestamp)), ("X-C06-Signature", signature)]
                }
                let now = Int64(Date().timeIntervalSince1970)
                let fine = try await exchange(client, .POST, url, headers: try headers(now), body: body)
                #expect(fine.status == 200)
                #expect(fine.body?[key: "MaKetQua"] == "00")
                let stale = try await exchange(client, .POST, url, headers: try headers(now - 600), body: body)
                #expect(stale.status == 401)
                #expect(stale.body?[key: "MaKetQua"] == "C06-13")
                let forged = try await exchange(client, .POST, url, headers: try headers(now, secret: "guess"), body: body)
                #expect(forged.body?[key: "MaKetQua"] == "C06-12")
                let anonymous = try await exchange(client, .POST, url, body: body)
                #expect(anonymous.body?[key: "MaKetQua"] == "C06-10")
                // The signature covers the body: the same headers on another body are refused.
                let tampered = try await exchange(client, .POST, url, headers: try headers(now), body: Array(#"{"SoDinhDanh":"000000000000"}"#.utf8))
                #expect(tampered.body?[key: "MaKetQua"] == "C06-12")
            }
        }
    }

    @Test("input C06 refuses is rejected with C06's code; an injected C06-99 is unavailable")
    func rejectedAndServerError() async throws {
        try await RunningMock.with(PopulationSystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                let plugin = try plugin(mock, client)
                await expectPluginError(plugin, try pluginRequest(Self.lookup, ["SoDinhDanh": "04008501234X"])) {
                    if case .rejected(let detail) = $0 { detail.contains("C06-01") } else { false }
                }
                #expect(try await setFaults(client, mock, ["errorRate": 1.0]) == 200)
                await expectPluginError(plugin, try pluginRequest(Self.lookup, ["SoDinhDanh": .string(citizen.soDinhDanh)])) {
                    if case .unavailable(let detail) = $0 { detail.contains("C06-99") } else { false }
                }
            }
        }
    }

    @Test("a mock that is down makes the adapter report the upstream unavailable")
    func down() async throws {
        try await RunningMock.with(PopulationSystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                #expect(try await setFaults(client, mock, ["down": true]) == 200)
                let plugin = try plugin(mock, client)
                await expectPluginError(plugin, try pluginRequest(Self.lookup, ["SoDinhDanh": .string(citizen.soDinhDanh)])) { if case .unavailable = $0 { true } else { false } }
            }
        }
    }

    @Test("latency beyond the adapter's timeout is a timeout")
    func timeout() async throws {
        try await RunningMock.with(PopulationSystem(data: TestData.shared), faults: MockFaults(latencyMs: 3_000)) { mock in
            try await withHTTPClient { client in
                let plugin = try plugin(mock, client, timeoutMs: 200)
                await expectPluginError(plugin, try pluginRequest(Self.lookup, ["SoDinhDanh": .string(citizen.soDinhDanh)])) { if case .timeout = $0 { true } else { false } }
            }
        }
    }

    @Test("a server that answers garbage is a bad upstream response")
    func garbage() async throws {
        try await RunningMock.with(GarbageSystem()) { mock in
            try await withHTTPClient { client in
                let plugin = try plugin(mock, client)
                await expectPluginError(plugin, try pluginRequest(Self.lookup, ["SoDinhDanh": .string(citizen.soDinhDanh)])) { if case .badUpstreamResponse = $0 { true } else { false } }
            }
        }
    }

    @Test("a connection refused is unavailable")
    func refused() async throws {
        let port = try await RunningMock.with(GarbageSystem()) { $0.port }
        // A refused connection is retried until the connect timeout: 1 s, well inside the generous
        // deadline a loaded machine needs.
        try await withHTTPClient(connectTimeout: .seconds(1)) { client in
            let settings: JSONValue = ["baseURL": .string("http://127.0.0.1:\(port)"), "clientId": "x", "clientSecret": "y", "timeoutMs": 15_000]
            let plugin = try PopulationPluginFactory().make(settings: settings, environment: pluginEnvironment(client))
            await expectPluginError(plugin, try pluginRequest(Self.lookup, ["SoDinhDanh": .string(citizen.soDinhDanh)])) { if case .unavailable = $0 { true } else { false } }
        }
    }

    @Test("a secret can come from a file or the environment, and a missing one is a configuration error")
    func secrets() async throws {
        try await withHTTPClient { client in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("c06-secret-\(UUID().uuidString)")
            try "c06-dev-secret\n".write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let factory = PopulationPluginFactory()
            _ = try factory.make(
                settings: ["baseURL": "http://127.0.0.1:1", "clientId": "x", "clientSecretFile": .string(file.path)],
                environment: pluginEnvironment(client))
            #expect(throws: PluginConfigurationError.self) {
                try factory.make(
                    settings: ["baseURL": "http://127.0.0.1:1", "clientId": "x", "clientSecretEnv": "LIENTHONG_TEST_UNSET_VARIABLE"],
                    environment: pluginEnvironment(client))
            }
        }
    }
}
