import AsyncHTTPClient
import DocumentAxisPlugin
import Foundation
import LienthongCore
import LienthongCrypto
import LienthongMocks
import LienthongPluginAPI
import LienthongSchema
import Logging
import Testing
@testable import LienthongGateway

/// The document axis flow of guaranteed delivery, end to end with the real document-axis adapter
/// and the axis mock: a province sends an edXML document asynchronously to a ministry, whose
/// adapter lodges it on the axis; the ministry's status messages (01 đã đến, 03 tiếp nhận,
/// 05 đang xử lý, 06 hoàn thành) come back as asynchronous `document.status.update/v1` messages
/// correlated with the document, are handed once to the province's adapter, which records them on
/// the axis, and show under the document in `GET /v1/messages/{id}`.
@Suite("Document axis over asynchronous delivery")
struct DocumentAxisAsyncTests {
    static let provinceKey = "province-office-key"
    static let ministryKey = "ministry-office-key"
    static let edocSend = DocumentAxisPluginFactory.edocSend
    static let statusUpdate = DocumentAxisPluginFactory.statusUpdate

    /// The first example of a bundled document schema.
    static func example(_ file: String) throws -> JSONValue {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("schemas/document/\(file)")
        return try #require(try JSONParser.parse(Array(try Data(contentsOf: url)))[key: "examples"]?[index: 0])
    }

    /// The document axis mock on a free port for the duration of `body`.
    func withAxis<T: Sendable>(_ body: (String, MockServer) async throws -> T) async throws -> T {
        let seed = DocumentAxisSeed(
            tokens: [DocumentAxisSeed.developmentToken],
            organs: [TestPKI.provinceAgency, TestPKI.ministryAgency, TestPKI.agency("000.00.00.G22")])
        let server = MockServer(
            system: DocumentAxisMock(seed: seed), port: 0, logger: Logger(label: "axis", factory: { _ in SwiftLogNoOpLogHandler() }))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            defer { continuation.finish() }
            try await server.run { continuation.yield($0) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = try? await task.value
            throw MessagingHarness.HarnessTimeout(what: "the axis mock did not start")
        }
        let result: Result<T, any Error>
        do { result = .success(try await body("http://127.0.0.1:\(port)", server)) } catch { result = .failure(error) }
        task.cancel()
        _ = try? await task.value
        return try result.get()
    }

    func axisSettings(_ baseURL: String) -> JSONValue {
        .object(JSONObject([("baseURL", .string(baseURL)), ("token", .string(DocumentAxisSeed.developmentToken))]))
    }

    @Test("a document goes out asynchronously and its status messages come back correlated, once each")
    func documentAndStatuses() async throws {
        let pki = try TestPKI()
        let clients = TestClients()
        let provinceDirectory = MessagingHarness.temporaryDirectory()
        let ministryDirectory = MessagingHarness.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: provinceDirectory)
            try? FileManager.default.removeItem(atPath: ministryDirectory)
        }
        let provincePort = try MessagingHarness.unusedPort()
        let provinceURL = try #require(URL(string: "https://127.0.0.1:\(provincePort)"))
        let plugins: [String: any LienthongPluginFactory] = [DocumentAxisPluginFactory.pluginID: DocumentAxisPluginFactory()]
        do {
            try await withAxis { axisURL, axis in
                var ministryConfiguration = GatewayHarness.configuration(
                    agency: TestPKI.ministryAgency, peers: [TestPKI.provinceAgency: [provinceURL]],
                    routes: [Self.statusUpdate: TestPKI.provinceAgency],
                    clients: [
                        GatewayConfiguration.LocalClient(
                            name: "office", apiKeySHA256: try Digest.sha256(Array(Self.ministryKey.utf8)),
                            allowedServices: [Self.statusUpdate]),
                    ],
                    services: [
                        Self.edocSend: .init(
                            adapter: DocumentAxisPluginFactory.pluginID, settings: axisSettings(axisURL),
                            allowedAgencies: [TestPKI.provinceAgency]),
                    ])
                ministryConfiguration.delivery = MessagingHarness.fastDelivery()
                try await MessagingHarness.withGateway(
                    ministryConfiguration, identity: pki.ministry, dataDirectory: ministryDirectory, plugins: plugins
                ) { ministry in
                    var provinceConfiguration = GatewayHarness.configuration(
                        agency: TestPKI.provinceAgency, peers: [TestPKI.ministryAgency: [ministry.exchangeURL]],
                        routes: [Self.edocSend: TestPKI.ministryAgency],
                        clients: [
                            GatewayConfiguration.LocalClient(
                                name: "office", apiKeySHA256: try Digest.sha256(Array(Self.provinceKey.utf8)),
                                allowedServices: [Self.edocSend]),
                        ],
                        services: [
                            Self.statusUpdate: .init(
                                adapter: DocumentAxisPluginFactory.pluginID, settings: axisSettings(axisURL),
                                allowedAgencies: [TestPKI.ministryAgency]),
                        ])
                    provinceConfiguration.delivery = MessagingHarness.fastDelivery()
                    try await MessagingHarness.withGateway(
                        provinceConfiguration, identity: pki.province, dataDirectory: provinceDirectory,
                        exchangePort: provincePort, plugins: plugins
                    ) { province in
                        try await run(province: province, ministry: ministry, axis: axis, clients: clients)
                    }
                }
            }
        } catch {
            await clients.shutdown()
            throw error
        }
        await clients.shutdown()
    }

    func run(
        province: MessagingHarness.Running, ministry: MessagingHarness.Running, axis: MockServer, clients: TestClients
    ) async throws {
        // The province's office sends the document (the bundled example, from H41 to G22 and G01).
        let document = try Self.example("edoc.send.request.v1.json")
        let submitted = try await clients.local(
            .POST, province.localURL + "/v1/messages",
            body: #"{"service":"document.edoc.send/v1","priority":"high","payload":\#(document.serialized())}"#,
            apiKey: Self.provinceKey)
        #expect(submitted.status == 202, "\(String(decoding: submitted.body, as: UTF8.self))")
        let documentID = try MessageID(parsing: try #require(try JSONParser.parse(submitted.body)[key: "id"]?.asString))
        func status() async throws -> JSONValue {
            try JSONParser.parse(
                try await clients.local(.GET, province.localURL + "/v1/messages/\(documentID)", apiKey: Self.provinceKey).body)
        }
        try await MessagingHarness.eventually("the document is delivered") { try await status()[key: "status"]?.asString == "delivered" }
        try await MessagingHarness.eventually("the ministry lodged it on the axis") {
            try await ministry.store.inbox.entry(documentID)?.state == .done
        }
        #expect(axis.stats.snapshot()["edoc.send"] == 1)

        // The ministry's office reports the statuses, each correlated with the document.
        let base = try Self.example("status.update.request.v1.json")
        for code in ["01", "03", "05", "06"] {
            var members = try #require(base.asObject).members
            for index in members.indices where members[index].key == "StatusCode" { members[index].value = .string(code) }
            for index in members.indices where members[index].key == "From" {
                members[index].value = .object(JSONObject([("OrganId", "000.00.00.G01"), ("OrganName", "Bộ Công an")]))
            }
            let payload = JSONValue.object(JSONObject(members))
            let answer = try await clients.local(
                .POST, ministry.localURL + "/v1/messages",
                body: #"{"service":"document.status.update/v1","to":"000.00.00.H41","correlationId":"\#(documentID)","payload":\#(payload.serialized())}"#,
                apiKey: Self.ministryKey)
            #expect(answer.status == 202, "\(String(decoding: answer.body, as: UTF8.self))")
        }
        try await MessagingHarness.eventually("four status updates handed over") {
            let updates = try await province.store.inbox.correlated(with: documentID)
            return updates.count == 4 && updates.allSatisfy { $0.state == .done }
        }
        let updates = try #require(try await status()[key: "updates"]?.asArray)
        #expect(updates.compactMap { $0[key: "payload"]?[key: "StatusCode"]?.asString } == ["01", "03", "05", "06"])
        #expect(updates.allSatisfy { $0[key: "from"]?.asString == "000.00.00.G01" })
        // Each status reached the axis once: four recorded, none rejected.
        let stats = axis.stats.snapshot()
        #expect(stats["status.update"] == 4)
        #expect(stats["status.update.rejected"] == nil && stats["status.update.failed"] == nil)
    }
}
