import AsyncHTTPClient
import BusinessRegistryPlugin
import LienthongMocks
import LienthongPluginAPI
import LienthongSchema
import Testing

@Suite("Business registration adapter against the mock NGSP")
struct BusinessRegistryPluginTests {
    static let lookup = "business.enterprise.lookup/v1"

    func plugin(_ mock: RunningMock, _ client: HTTPClient, token: String = "ngsp-dev-token", timeoutMs: Int = 10_000) throws -> any LienthongPlugin {
        try BusinessRegistryPluginFactory().make(
            settings: ["baseURL": .string(mock.baseURL), "token": .string(token), "timeoutMs": .number(JSONNumber(timeoutMs))],
            environment: pluginEnvironment(client))
    }

    func request(_ code: String) throws -> PluginRequest {
        try pluginRequest(Self.lookup, ["ENTERPRISE_GDT_CODE": .string(code)])
    }

    @Test("the descriptor names the service with its bundled schemas")
    func descriptor() throws {
        let descriptor = BusinessRegistryPluginFactory().descriptor
        #expect(descriptor.services.map(\.service.rawValue) == [Self.lookup])
        let catalog = try Schemas.catalog.get()
        #expect(descriptor.services.allSatisfy { catalog.schema(id: $0.requestSchema) != nil && catalog.schema(id: $0.responseSchema) != nil })
    }

    @Test("enterprises map to the response schema: date without time, status code, IS_MAIN boolean")
    func lookupSucceeds() async throws {
        let data = TestData.shared
        try await RunningMock.with(BusinessRegistrySystem(data: data)) { mock in
            try await withHTTPClient { client in
                let plugin = try plugin(mock, client)
                for enterprise in data.enterprises.prefix(25) {
                    let response = try await plugin.handle(request(enterprise.code))
                    #expect(response.payload[key: "NAME"] == .string(enterprise.name))
                    #expect(response.payload[key: "FOUNDING_DATE"] == .string(enterprise.foundingDate))
                    let status = EnterpriseStatus.all.firstIndex(of: enterprise.status).map { String($0 + 1) }
                    #expect(response.payload[key: "ENTERPRISE_STATUS"]?.asString == status)
                    #expect(try Schemas.responseErrors(response.payload, service: Self.lookup) == [])
                }
            }
        }
    }

    @Test("an unknown enterprise is not found; a malformed code is rejected by NGSP")
    func notFoundAndRejected() async throws {
        try await RunningMock.with(BusinessRegistrySystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                let plugin = try plugin(mock, client)
                let unknown = TestData.shared.enterprise(code: "9999999999") == nil ? "9999999999" : "9999999998"
                await expectPluginError(plugin, try request(unknown)) { if case .notFound = $0 { true } else { false } }
                await expectPluginError(plugin, try request("12345-1")) {
                    if case .rejected(let detail) = $0 { detail.contains("INVALID_ENTERPRISE_CODE") } else { false }
                }
            }
        }
    }

    @Test("a wrong token is reported as the gateway's token being refused")
    func wrongToken() async throws {
        try await RunningMock.with(BusinessRegistrySystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                await expectPluginError(try plugin(mock, client, token: "expired"), try request(TestData.shared.enterprises[0].code)) {
                    if case .unavailable(let detail) = $0 { detail.contains("INVALID_TOKEN") } else { false }
                }
            }
        }
    }

    @Test("down is unavailable, an injected server error is unavailable, latency beyond the timeout is a timeout, garbage is a bad response")
    func faults() async throws {
        let code = TestData.shared.enterprises[0].code
        try await RunningMock.with(BusinessRegistrySystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                #expect(try await setFaults(client, mock, ["down": true]) == 200)
                await expectPluginError(try plugin(mock, client), try request(code)) { if case .unavailable = $0 { true } else { false } }
                #expect(try await setFaults(client, mock, ["down": false, "errorRate": 1.0]) == 200)
                await expectPluginError(try plugin(mock, client), try request(code)) { if case .unavailable = $0 { true } else { false } }
                #expect(try await setFaults(client, mock, ["errorRate": 0.0, "latencyMs": 3_000]) == 200)
                await expectPluginError(try plugin(mock, client, timeoutMs: 200), try request(code)) { if case .timeout = $0 { true } else { false } }
            }
        }
        try await RunningMock.with(GarbageSystem()) { mock in
            try await withHTTPClient { client in
                await expectPluginError(try plugin(mock, client), try request(code)) { if case .badUpstreamResponse = $0 { true } else { false } }
            }
        }
    }
}
