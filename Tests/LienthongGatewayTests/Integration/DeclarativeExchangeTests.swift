import Foundation
import LienthongCore
import LienthongCrypto
import LienthongDeclarative
import LienthongPluginAPI
import LienthongSchema
import Synchronization
import Testing
@testable import LienthongGateway

/// A declarative adapter (manifest) behind a ministry gateway, called through a province gateway,
/// against an upstream system started by the test; and manifests reloaded while requests run.
@Suite("Declarative adapters through two gateways")
struct DeclarativeExchangeTests {
    static let apiKey = "portal-key"

    static func upstreamAnswer(_ request: UpstreamServer.Received) -> UpstreamServer.Answer {
        let card = String(request.path.split(separator: "/").last ?? "")
        if card == "ZZ0000000000000" { return .init(status: 404, body: #"{"error": "thẻ không tồn tại"}"#) }
        // A name that is a number: mapped as it is, then refused by the response schema.
        if card == "NN0000000000000" { return .init(status: 200, body: #"{"data": {"ma_the": "NN0000000000000", "ho_ten": 42}}"#) }
        return .init(status: 200, body: #"{"data": {"ma_the": "\#(card)", "ho_ten": "Phạm Văn C"}}"#)
    }

    /// A ministry providing the manifest's service with the upstream at `upstreamURL`, and a
    /// province routing to it; both load the manifests (the province for the schemas).
    func withGateways(
        _ cards: CardManifest, upstreamURL: String, _ body: (GatewayHarness.Running, GatewayHarness.Running) async throws -> Void
    ) async throws {
        let pki = try TestPKI()
        let service = try ServiceID(parsing: CardManifest.service)
        let plugins = GatewayConfiguration.PluginSettings(manifestPaths: [cards.directory], manifests: try cards.manifests())
        let ministryConfiguration = GatewayHarness.configuration(
            agency: TestPKI.ministryAgency,
            services: [service: .init(adapter: "test-cards", settings: ["baseURL": .string(upstreamURL)], allowedAgencies: nil)],
            plugins: plugins)
        try await GatewayHarness.withGateway(ministryConfiguration, identity: pki.ministry) { ministry in
            let provinceConfiguration = GatewayHarness.configuration(
                agency: TestPKI.provinceAgency, peers: [TestPKI.ministryAgency: [ministry.exchangeURL]],
                routes: [service: TestPKI.ministryAgency],
                clients: [.init(name: "portal", apiKeySHA256: try Digest.sha256(Array(Self.apiKey.utf8)), allowedServices: [service])],
                plugins: plugins)
            try await GatewayHarness.withGateway(provinceConfiguration, identity: pki.province) { province in
                try await body(province, ministry)
            }
        }
    }

    @Test("a lookup goes province → ministry → upstream and back, mapped and signed; errors and a schema-breaking answer map to problems")
    func endToEnd() async throws {
        let cards = try CardManifest()
        defer { cards.remove() }
        let seen = Mutex<[String]>([])
        try await UpstreamServer.run(respond: { request in
            seen.withLock { $0.append(request.path) }
            return Self.upstreamAnswer(request)
        }) { upstreamURL in
            try await withGateways(cards, upstreamURL: upstreamURL) { province, ministry in
                let clients = TestClients()
                defer { Task { await clients.shutdown() } }
                let answer = try await clients.callLocal(province, service: CardManifest.service, body: CardManifest.validRequest, apiKey: Self.apiKey)
                #expect(answer.status == 200)
                #expect(try JSONParser.parse(answer.body) == ["maThe": "DN4010123456789", "hoTen": "Phạm Văn C", "mappedBy": "1.0.0"])
                #expect(answer[header: HeaderName.signature] != nil)
                #expect(seen.withLock { $0 } == ["/cards/DN4010123456789"])

                let missing = try await clients.callLocal(province, service: CardManifest.service, body: #"{"maThe": "ZZ0000000000000"}"#, apiKey: Self.apiKey)
                #expect(missing.status == 404)
                let problem = try JSONParser.parse(missing.body)
                #expect(problem[key: "type"] == "https://lienthong.vn/problems/not-found")
                #expect(problem[key: "detail"]?.asString?.contains("test-cards answered HTTP 404: thẻ không tồn tại") == true)

                let broken = try await clients.callLocal(province, service: CardManifest.service, body: #"{"maThe": "NN0000000000000"}"#, apiKey: Self.apiKey)
                #expect(broken.status == 502)
                #expect(try JSONParser.parse(broken.body)[key: "type"] == "https://lienthong.vn/problems/invalid-response")

                // The province validates against the manifest's schema before anything leaves it.
                let invalid = try await clients.callLocal(province, service: CardManifest.service, body: #"{"maThe": "123"}"#, apiKey: Self.apiKey)
                #expect(invalid.status == 422)
                #expect(seen.withLock { $0.count } == 3)
                #expect(try await ministry.auditLog.allEntries().map(\.outcome) == [
                    "accepted", "answered", "rejected:not-found", "rejected:invalid-response",
                ])
            }
        }
    }

    @Test("a request in flight during a reload finishes on the version it started with")
    func inFlightKeepsItsVersion() async throws {
        let cards = try CardManifest()
        defer { cards.remove() }
        let gate = Gate()
        try await UpstreamServer.run(respond: { request in
            if request.path.hasSuffix("HO0000000000001") { await gate.pass() }
            return Self.upstreamAnswer(request)
        }) { upstreamURL in
            try await withGateways(cards, upstreamURL: upstreamURL) { province, ministry in
                let clients = TestClients()
                defer { Task { await clients.shutdown() } }
                let held = Task {
                    try await clients.callLocal(province, service: CardManifest.service, body: #"{"maThe": "HO0000000000001"}"#, apiKey: Self.apiKey)
                }
                // Wait until the held request has reached the upstream: it is in flight in generation 1.
                for await _ in gate.arrivals { break }
                try cards.writeManifest(version: "1.1.0")
                let reloaded = try ministry.runtime.reloadPlugins().get()
                #expect(reloaded.number == 2)
                let fresh = try await clients.callLocal(province, service: CardManifest.service, body: CardManifest.validRequest, apiKey: Self.apiKey)
                #expect(try JSONParser.parse(fresh.body)[key: "mappedBy"] == "1.1.0")
                gate.open()
                let old = try await held.value
                #expect(old.status == 200)
                #expect(try JSONParser.parse(old.body)[key: "mappedBy"] == "1.0.0")
            }
        }
    }

    @Test("reloads under load: no request fails; a broken manifest is refused with file and line and the previous version stays")
    func reloadUnderLoad() async throws {
        let cards = try CardManifest()
        defer { cards.remove() }
        let (arrivals, arrived) = AsyncStream<Void>.makeStream()
        try await UpstreamServer.run(respond: { request in
            arrived.yield()
            return Self.upstreamAnswer(request)
        }) { upstreamURL in
            try await withGateways(cards, upstreamURL: upstreamURL) { province, ministry in
                let clients = TestClients()
                defer { Task { await clients.shutdown() } }
                let workers = 4
                let perWorker = 25
                let load = Task {
                    try await withThrowingTaskGroup(of: [(Int, String?)].self) { group in
                        for _ in 0..<workers {
                            group.addTask {
                                var outcomes: [(Int, String?)] = []
                                for _ in 0..<perWorker {
                                    let answer = try await clients.callLocal(
                                        province, service: CardManifest.service, body: CardManifest.validRequest, apiKey: Self.apiKey)
                                    outcomes.append((answer.status, try? JSONParser.parse(answer.body)[key: "mappedBy"]?.asString))
                                }
                                return outcomes
                            }
                        }
                        return try await group.reduce(into: []) { $0.append(contentsOf: $1) }
                    }
                }
                var iterator = arrivals.makeAsyncIterator()
                for _ in 0..<10 { _ = await iterator.next() }
                try cards.writeManifest(version: "1.1.0")
                #expect(try ministry.runtime.reloadPlugins().get().number == 2)
                for _ in 0..<10 { _ = await iterator.next() }
                try cards.writeBrokenManifest()
                guard case .failure(let refusal) = ministry.runtime.reloadPlugins() else {
                    Issue.record("a broken manifest was installed")
                    return
                }
                #expect(refusal.issues.map(\.description) == ["\(cards.file):7:12: upstream.retries: 99 is outside 0...5"])
                #expect(ministry.runtime.pluginTable.current.number == 2)
                #expect(ministry.runtime.pluginTable.current.manifests.map(\.version) == ["1.1.0"])

                let outcomes = try await load.value
                #expect(outcomes.count == workers * perWorker)
                #expect(outcomes.filter { $0.0 != 200 }.isEmpty, "failed requests: \(outcomes.filter { $0.0 != 200 })")
                #expect(Set(outcomes.compactMap(\.1)).isSubset(of: ["1.0.0", "1.1.0"]))
                let after = try await clients.callLocal(province, service: CardManifest.service, body: CardManifest.validRequest, apiKey: Self.apiKey)
                #expect(try JSONParser.parse(after.body)[key: "mappedBy"] == "1.1.0")
            }
        }
    }

    @Test("a reload that would drop a configured service is refused")
    func reloadDroppingAService() async throws {
        let cards = try CardManifest()
        defer { cards.remove() }
        try await UpstreamServer.run(respond: Self.upstreamAnswer) { upstreamURL in
            try await withGateways(cards, upstreamURL: upstreamURL) { _, ministry in
                try FileManager.default.removeItem(atPath: cards.file)
                guard case .failure(let refusal) = ministry.runtime.reloadPlugins() else {
                    Issue.record("a reload without the adapter was installed")
                    return
                }
                #expect(refusal.issues.map(\.description) == [
                    "configuration: services.\"test.card.lookup/v1\": adapter \"test-cards\" is no longer declared by any manifest",
                    "configuration: services.\"test.card.lookup/v1\": no request/response schemas for test.card.lookup/v1 any more",
                ])
                #expect(ministry.runtime.pluginTable.current.number == 1)
            }
        }
    }
}
