import Foundation
import LandPlugin
import LienthongCore
import LienthongCrypto
import LienthongDeclarative
import LienthongMocks
import LienthongPluginAPI
import LienthongSchema
import Logging
import Testing
@testable import LienthongGateway

/// examples/adapters/land/land.yaml serves the bundled land.parcel.lookup/v1 from the land mock
/// through both gateways, and answers exactly what the built-in Swift adapter answers.
@Suite("The land database as a manifest, against the land mock")
struct LandManifestExchangeTests {
    static let apiKey = "portal-key"

    @Test("every sampled parcel: the manifest's answer through two gateways equals the built-in adapter's")
    func sameAnswersAsTheBuiltIn() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-land-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/adapters/land/land.yaml")
        let text = try String(contentsOf: example, encoding: .utf8)
        #expect(text.contains("env: LAND_API_KEY"))
        try Data("land-dev-key\n".utf8).write(to: directory.appendingPathComponent("key"))
        try Data(text.replacingOccurrences(of: "env: LAND_API_KEY", with: "file: \(directory.path)/key").utf8)
            .write(to: directory.appendingPathComponent("land.yaml"))
        let manifests = try ManifestLoader().load(paths: [directory.path])
        let service = try ServiceID(parsing: "land.parcel.lookup/v1")

        let data = MockDataSet(seed: 42)
        let mock = MockServer(system: LandSystem(data: data), port: 0, logger: Logger(label: "land", factory: { _ in SwiftLogNoOpLogHandler() }))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let running = Task { try await mock.run { continuation.yield($0) } }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let baseURL = "http://127.0.0.1:\(port)"

        let pki = try TestPKI()
        let plugins = GatewayConfiguration.PluginSettings(manifestPaths: [directory.path], manifests: manifests)
        let ministryConfiguration = GatewayHarness.configuration(
            agency: TestPKI.ministryAgency,
            services: [service: .init(adapter: "land-rest", settings: ["baseURL": .string(baseURL)], allowedAgencies: nil)],
            plugins: plugins)
        try await GatewayHarness.withGateway(ministryConfiguration, identity: pki.ministry) { ministry in
            let provinceConfiguration = GatewayHarness.configuration(
                agency: TestPKI.provinceAgency, peers: [TestPKI.ministryAgency: [ministry.exchangeURL]], routes: [service: TestPKI.ministryAgency],
                clients: [.init(name: "portal", apiKeySHA256: try Digest.sha256(Array(Self.apiKey.utf8)), allowedServices: [service])])
            try await GatewayHarness.withGateway(provinceConfiguration, identity: pki.province) { province in
                let clients = TestClients()
                defer { Task { await clients.shutdown() } }
                let builtIn = try LandPluginFactory().make(
                    settings: ["baseURL": .string(baseURL), "apiKey": "land-dev-key"],
                    environment: PluginEnvironment(httpClient: clients.plain, logger: Logger(label: "land-built-in")))
                // The first parcels of the seeded data set, each compared field by field.
                for parcel in data.parcels.prefix(12) {
                    let request: JSONValue = [
                        "MaXa": .string(parcel.communeCode), "SoHieuToBanDo": .number(JSONNumber(parcel.mapSheet)),
                        "SoThuTuThua": .number(JSONNumber(parcel.parcelNumber)),
                    ]
                    let answer = try await clients.callLocal(province, service: service.rawValue, body: request.serialized(), apiKey: Self.apiKey)
                    #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
                    let expected = try await builtIn.handle(PluginRequest(
                        service: service, messageID: MessageID(), from: TestPKI.provinceAgency, to: TestPKI.ministryAgency,
                        payload: request, timeout: .seconds(10)))
                    #expect(try JSONParser.parse(answer.body) == expected.payload)
                }
                let missing = try await clients.callLocal(
                    province, service: service.rawValue, body: #"{"MaXa": "00004", "SoHieuToBanDo": 99999, "SoThuTuThua": 99999}"#,
                    apiKey: Self.apiKey)
                #expect(missing.status == 404)
                #expect(try JSONParser.parse(missing.body)[key: "detail"]?.asString?.contains("land-rest answered HTTP 404: Không tìm thấy thửa đất") == true)
            }
        }
    }
}
