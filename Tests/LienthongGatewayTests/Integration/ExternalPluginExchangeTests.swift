import Foundation
import LienthongCore
import LienthongCrypto
import LienthongPluginAPI
import LienthongSchema
import Testing
@testable import LienthongGateway

/// External plugins behind a ministry gateway, called by a province gateway: the example Python
/// plugin end to end, and test plugins that break their schema or crash.
@Suite("External plugins through two gateways")
struct ExternalPluginExchangeTests {
    static let apiKey = "province-portal-key"
    static let socialInsurance = TestServices.service("socialinsurance.participant.lookup/v1")

    /// `examples/plugins/social-insurance` of this repository.
    static let exampleDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/plugins/social-insurance")

    /// Starts `plugins`, a ministry providing `services` through them and a province routing those
    /// services to the ministry; hands the province to `body`.
    func withExchange(
        plugins configurations: [ExternalPluginConfiguration],
        services: [ServiceID: GatewayConfiguration.ProvidedService], schemaDirectories: [String] = [],
        _ body: (GatewayHarness.Running) async throws -> Void
    ) async throws {
        let pki = try TestPKI()
        try await ExternalPluginTesting.withPlugins(configurations) { set in
            let factories = Dictionary(uniqueKeysWithValues: set.factories.map { ($0.descriptor.id, $0 as any LienthongPluginFactory) })
            var ministryConfiguration = GatewayHarness.configuration(agency: TestPKI.ministryAgency, services: services)
            ministryConfiguration.schemaDirectories = schemaDirectories
            try await GatewayHarness.withGateway(ministryConfiguration, identity: pki.ministry, plugins: factories) { ministry in
                var provinceConfiguration = GatewayHarness.configuration(
                    agency: TestPKI.provinceAgency, peers: [TestPKI.ministryAgency: [ministry.exchangeURL]],
                    routes: Dictionary(uniqueKeysWithValues: services.keys.map { ($0, TestPKI.ministryAgency) }),
                    clients: [GatewayConfiguration.LocalClient(
                        name: "portal", apiKeySHA256: try Digest.sha256(Array(Self.apiKey.utf8)), allowedServices: Set(services.keys))])
                provinceConfiguration.schemaDirectories = schemaDirectories
                try await GatewayHarness.withGateway(provinceConfiguration, identity: pki.province) { province in
                    try await body(province)
                }
            }
        }
    }

    func problemName(_ answer: HTTPAnswer) throws -> String {
        #expect(answer[header: "Content-Type"] == Problem.mediaType)
        let type = try #require(try JSONParser.parse(answer.body)[key: "type"]?.asString)
        return String(type.dropFirst("https://lienthong.vn/problems/".count))
    }

    @Test("the Python social-insurance plugin answers through the province and ministry gateways")
    func socialInsuranceExample() async throws {
        var plugin = ExternalPluginConfiguration(
            id: "social-insurance", command: [Self.exampleDirectory.appendingPathComponent("plugin.py").path],
            workingDirectory: Self.exampleDirectory.path, startTimeout: .seconds(60))
        plugin.stopGrace = .seconds(5)
        let services: [ServiceID: GatewayConfiguration.ProvidedService] = [
            Self.socialInsurance: .init(
                adapter: "social-insurance", settings: .object(JSONObject([("includeHistory", false)])), allowedAgencies: nil),
        ]
        let schemas = Self.exampleDirectory.appendingPathComponent("schemas").path
        try await withExchange(plugins: [plugin], services: services, schemaDirectories: [schemas]) { province in
            let clients = TestClients()
            defer { Task { await clients.shutdown() } }
            let service = Self.socialInsurance.rawValue
            let found = try await clients.callLocal(
                province, service: service, body: #"{"MaSoBHXH":"4012345678","SoDinhDanh":"040085012345"}"#, apiKey: Self.apiKey)
            #expect(found.status == 200)
            let payload = try JSONParser.parse(found.body)
            #expect(payload[key: "HoVaTen"] == "Nguyễn Văn An")
            #expect(payload[key: "TrangThai"] == "DANG_THAM_GIA")
            #expect(payload[key: "TheBHYT"]?[key: "MaThe"] == "DN4014012345678")
            // The service's settings reached the plugin: no contribution history.
            #expect(payload[key: "QuaTrinhThamGia"] == nil)
            #expect(found[header: HeaderName.from] == TestPKI.ministryAgency.rawValue)
            #expect(found[header: HeaderName.signature] != nil)

            let mismatch = try await clients.callLocal(
                province, service: service, body: #"{"MaSoBHXH":"4012345678","SoDinhDanh":"040192004567"}"#, apiKey: Self.apiKey)
            #expect(mismatch.status == 404)
            #expect(try problemName(mismatch) == "not-found")

            // The request schema shipped with the plugin is enforced by the province already.
            let invalid = try await clients.callLocal(province, service: service, body: #"{"MaSoBHXH":"40123"}"#, apiKey: Self.apiKey)
            #expect(invalid.status == 422)
            #expect(try problemName(invalid) == "schema-violation")
        }
    }

    @Test("a plugin answer that breaks the service's response schema is a 502 invalid-response")
    func schemaBreakingAnswer() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plugin = ExternalPluginTesting.configuration(
            mode: "schema-break", directory: directory,
            environment: [
                "SERVICE": TestServices.lookup.rawValue,
                "REQUEST_SCHEMA": "https://schemas.lienthong.vn/population/citizen.lookup.request.v1.json",
                "RESPONSE_SCHEMA": "https://schemas.lienthong.vn/population/citizen.lookup.response.v1.json",
            ])
        let services: [ServiceID: GatewayConfiguration.ProvidedService] = [
            TestServices.lookup: .init(adapter: "test-plugin", allowedAgencies: nil),
        ]
        try await withExchange(plugins: [plugin], services: services) { province in
            let clients = TestClients()
            defer { Task { await clients.shutdown() } }
            let answer = try await clients.callLocal(
                province, service: TestServices.lookup.rawValue, body: TestServices.validLookupRequest, apiKey: Self.apiKey)
            #expect(answer.status == 502)
            #expect(try problemName(answer) == "invalid-response")
        }
    }

    @Test("a plugin crash answers 502 upstream-failure; the ministry keeps serving and the plugin comes back")
    func crashThroughGateways() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The echo answer of the test plugin fits no bundled response schema, so the service here
        // is one with a permissive schema from a temporary schema directory.
        let schemas = try Self.permissiveSchemas(for: ExternalPluginTesting.echoService)
        defer { try? FileManager.default.removeItem(at: schemas) }
        let plugin = ExternalPluginTesting.configuration(
            mode: "echo", directory: directory,
            environment: ["REQUEST_SCHEMA": "https://example.test/echo.request.json", "RESPONSE_SCHEMA": "https://example.test/echo.response.json"])
        let services: [ServiceID: GatewayConfiguration.ProvidedService] = [
            ExternalPluginTesting.echoService: .init(adapter: "test-plugin", allowedAgencies: nil),
        ]
        try await withExchange(plugins: [plugin], services: services, schemaDirectories: [schemas.path]) { province in
            let clients = TestClients()
            defer { Task { await clients.shutdown() } }
            let service = ExternalPluginTesting.echoService.rawValue
            let first = try await clients.callLocal(province, service: service, body: #"{"n":1}"#, apiKey: Self.apiKey)
            #expect(first.status == 200)
            let crash = try await clients.callLocal(province, service: service, body: #"{"crash":true}"#, apiKey: Self.apiKey)
            #expect(crash.status == 502)
            #expect(try problemName(crash) == "upstream-failure")
            let detail = try JSONParser.parse(crash.body)[key: "detail"]?.asString ?? ""
            #expect(detail.contains("external plugin test-plugin failed during the call"))
            var recovered = false
            for _ in 0..<600 where !recovered {
                let again = try await clients.callLocal(province, service: service, body: #"{"n":2}"#, apiKey: Self.apiKey)
                recovered = again.status == 200
                if !recovered {
                    #expect(again.status == 502)
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            #expect(recovered)
        }
    }

    /// A schema directory whose index gives `service` schemas that accept any object.
    static func permissiveSchemas(for service: ServiceID) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-schemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["request", "response"] {
            let schema = #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.test/echo.\#(name).json", "type": "object"}"#
            try schema.write(to: directory.appendingPathComponent("echo.\(name).json"), atomically: true, encoding: .utf8)
        }
        let index = #"""
            {"services": [{"service": "\#(service.rawValue)",
              "request": {"$id": "https://example.test/echo.request.json"},
              "response": {"$id": "https://example.test/echo.response.json"}}]}
            """#
        try index.write(to: directory.appendingPathComponent("index.json"), atomically: true, encoding: .utf8)
        return directory
    }
}

extension ExternalPluginExchangeTests {
    @Test("a service the plugin does not provide, or settings its schema refuses, stop the gateway's start")
    func startChecksAgainstTheDescriptor() async throws {
        let directory = try TestPluginScript.install()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pki = try TestPKI()
        try await ExternalPluginTesting.withPlugins([ExternalPluginTesting.configuration(mode: "echo", directory: directory)]) { set in
            let factories = Dictionary(uniqueKeysWithValues: set.factories.map { ($0.descriptor.id, $0 as any LienthongPluginFactory) })
            let cases: [(GatewayConfiguration.ProvidedService, ServiceID, String)] = [
                (.init(adapter: "test-plugin", allowedAgencies: nil), TestServices.lookup,
                 "services.population.citizen.lookup/v1: adapter \"test-plugin\" does not provide it (it provides test.echo.call/v1)"),
                (.init(adapter: "test-plugin", settings: .object(JSONObject([("greeting", 42)])), allowedAgencies: nil),
                 ExternalPluginTesting.echoService,
                 "services.test.echo.call/v1: plugin test-plugin: settings do not match its settings schema: /greeting:"),
            ]
            for (provided, service, message) in cases {
                let configuration = GatewayHarness.configuration(agency: TestPKI.ministryAgency, services: [service: provided])
                do {
                    _ = try await GatewayHarness.withGateway(configuration, identity: pki.ministry, plugins: factories) { _ in
                        Issue.record("the gateway started with \(service) on test-plugin")
                    }
                } catch let error as GatewayStartError {
                    #expect(error.description.hasPrefix(message), "\(error)")
                }
            }
        }
    }
}
