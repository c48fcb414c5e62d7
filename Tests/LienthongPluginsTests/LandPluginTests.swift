import AsyncHTTPClient
import LandPlugin
import LienthongMocks
import LienthongPluginAPI
import LienthongSchema
import Testing

@Suite("Land adapter against the mock land database")
struct LandPluginTests {
    static let lookup = "land.parcel.lookup/v1"

    func plugin(_ mock: RunningMock, _ client: HTTPClient, apiKey: String = "land-dev-key", timeoutMs: Int = 10_000) throws -> any LienthongPlugin {
        try LandPluginFactory().make(
            settings: ["baseURL": .string(mock.baseURL), "apiKey": .string(apiKey), "timeoutMs": .number(JSONNumber(timeoutMs))],
            environment: pluginEnvironment(client))
    }

    func request(_ parcel: LandParcel) throws -> PluginRequest {
        try pluginRequest(Self.lookup, [
            "MaXa": .string(parcel.communeCode), "SoHieuToBanDo": .number(JSONNumber(parcel.mapSheet)),
            "SoThuTuThua": .number(JSONNumber(parcel.parcelNumber)),
        ])
    }

    @Test("the descriptor names the service with its bundled schemas")
    func descriptor() throws {
        let descriptor = LandPluginFactory().descriptor
        #expect(descriptor.services.map(\.service.rawValue) == [Self.lookup])
        let catalog = try Schemas.catalog.get()
        #expect(descriptor.services.allSatisfy { catalog.schema(id: $0.requestSchema) != nil && catalog.schema(id: $0.responseSchema) != nil })
        #expect(try JSONSchemaValidator(schema: descriptor.settingsSchema).isValid(["baseURL": "https://land.example", "apiKeyFile": "/run/secrets/land"]))
    }

    @Test("parcels map to the response schema, individual and organisation holders alike")
    func lookupSucceeds() async throws {
        let data = TestData.shared
        let personal = try #require(data.parcels.first { $0.users.contains { if case .person = $0 { true } else { false } } })
        let corporate = try #require(data.parcels.first { $0.users.contains { if case .organisation = $0 { true } else { false } } })
        try await RunningMock.with(LandSystem(data: data)) { mock in
            try await withHTTPClient { client in
                let plugin = try plugin(mock, client)
                for parcel in [personal, corporate] + data.parcels.prefix(20) {
                    let response = try await plugin.handle(request(parcel))
                    #expect(response.payload[key: "MaXa"] == .string(parcel.communeCode))
                    #expect(response.payload[key: "SoThuTuThua"] == .number(JSONNumber(parcel.parcelNumber)))
                    #expect(try Schemas.responseErrors(response.payload, service: Self.lookup) == [])
                }
            }
        }
    }

    @Test("an unknown parcel is not found")
    func notFound() async throws {
        try await RunningMock.with(LandSystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                let absent = try pluginRequest(Self.lookup, ["MaXa": "99999", "SoHieuToBanDo": 1, "SoThuTuThua": 1])
                await expectPluginError(try plugin(mock, client), absent) {
                    if case .notFound(let detail) = $0 { detail.contains("PARCEL_NOT_FOUND") } else { false }
                }
            }
        }
    }

    @Test("a wrong API key is reported as the gateway's key being refused")
    func wrongKey() async throws {
        try await RunningMock.with(LandSystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                await expectPluginError(try plugin(mock, client, apiKey: "stolen"), try request(TestData.shared.parcels[0])) {
                    if case .unavailable(let detail) = $0 { detail.contains("apiKey") } else { false }
                }
            }
        }
    }

    @Test("down is unavailable, latency beyond the timeout is a timeout, garbage is a bad response")
    func faults() async throws {
        let parcel = TestData.shared.parcels[0]
        try await RunningMock.with(LandSystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                #expect(try await setFaults(client, mock, ["down": true]) == 200)
                await expectPluginError(try plugin(mock, client), try request(parcel)) { if case .unavailable = $0 { true } else { false } }
                #expect(try await setFaults(client, mock, ["down": false, "latencyMs": 3_000]) == 200)
                await expectPluginError(try plugin(mock, client, timeoutMs: 200), try request(parcel)) { if case .timeout = $0 { true } else { false } }
            }
        }
        try await RunningMock.with(GarbageSystem()) { mock in
            try await withHTTPClient { client in
                await expectPluginError(try plugin(mock, client), try request(parcel)) { if case .badUpstreamResponse = $0 { true } else { false } }
            }
        }
    }

    @Test("the mock refuses malformed parameters with its own error")
    func malformedParameters() async throws {
        try await RunningMock.with(LandSystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                let answer = try await exchange(client, .GET, mock.baseURL + "/api/v1/thua-dat?maXa=123&soTo=0&soThua=x", headers: [("X-API-Key", "land-dev-key")])
                #expect(answer.status == 400)
                #expect(answer.body?[key: "error"]?[key: "code"] == "INVALID_PARAMETER")
            }
        }
    }
}
