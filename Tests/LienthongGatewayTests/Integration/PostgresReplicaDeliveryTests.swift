import Foundation
import LienthongCore
import LienthongCrypto
import LienthongPostgres
import LienthongSchema
import LienthongStore
import Logging
import Synchronization
import Testing
@testable import LienthongGateway

/// Two province gateway replicas sharing one PostgreSQL store deliver one backlog to a ministry:
/// both accept messages, their delivery workers claim from the same outbox, and the ministry's
/// adapter sees every message exactly once. Real TLS, signatures and PostgreSQL
/// (`LIENTHONG_TEST_POSTGRES_URL`, set by scripts/with-postgres.sh); skipped without it when run by
/// hand, failing instead when `CI` is set.
@Suite(
    "Asynchronous delivery from two replicas on one PostgreSQL store (LIENTHONG_TEST_POSTGRES_URL)",
    .enabled(if: ProcessInfo.processInfo.environment["LIENTHONG_TEST_POSTGRES_URL"] != nil
        || ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "0" && $0 != "false" } == true))
struct PostgresReplicaDeliveryTests {
    let pairs = AsyncDeliveryIntegrationTests()

    /// A store configuration in a fresh schema of the test server.
    static func freshSchema() throws -> PostgresStoreConfiguration {
        guard let url = ProcessInfo.processInfo.environment["LIENTHONG_TEST_POSTGRES_URL"] else {
            throw MessagingHarness.HarnessTimeout(
                what: "LIENTHONG_TEST_POSTGRES_URL is not set although CI is: run the tests through scripts/with-postgres.sh")
        }
        var configuration = try PostgresStoreConfiguration(url: url)
        configuration.schema = "gw_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        configuration.maximumConnections = 8
        return configuration
    }

    static let quiet = Logger(label: "test.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A province replica on its own connection pool to the shared schema, for `body`'s duration.
    func withReplica(
        _ store: PostgresStore, configuration: GatewayConfiguration, pki: TestPKI,
        _ body: (GatewayHarness.Running) async throws -> Void
    ) async throws {
        try await GatewayHarness.withGateway(
            configuration, identity: pki.province, messagingStores: MessagingStores(outbox: store.outbox, inbox: store.inbox)
        ) { running in try await body(running) }
    }

    @Test("every message of a shared backlog reaches the ministry exactly once, with a receipt")
    func sharedBacklogDeliveredOnce() async throws {
        let pki = try TestPKI()
        let adapter = CountingStatusPlugin()
        let clients = TestClients()
        let ministryDirectory = MessagingHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: ministryDirectory) }
        let storeConfiguration = try Self.freshSchema()
        let first = try await PostgresStore.open(storeConfiguration, logger: Self.quiet)
        let second = try await PostgresStore.open(storeConfiguration, logger: Self.quiet)
        do {
            try await MessagingHarness.withGateway(
                try pairs.ministryConfiguration(provinceURL: nil), identity: pki.ministry, dataDirectory: ministryDirectory,
                plugins: ["counting-status": FixedPluginFactory(plugin: adapter)]
            ) { ministry in
                let configuration = try pairs.provinceConfiguration(ministryURL: ministry.exchangeURL)
                try await withReplica(first, configuration: configuration, pki: pki) { replicaA in
                    try await withReplica(second, configuration: configuration, pki: pki) { replicaB in
                        var ids: [MessageID] = []
                        for index in 0..<40 {
                            let replica = index.isMultiple(of: 2) ? replicaA : replicaB
                            ids.append(try await Self.submit(via: replica, clients: clients))
                        }
                        try await MessagingHarness.eventually("all delivered") {
                            try await first.outbox.counts()[.delivered] == ids.count
                        }
                        try await MessagingHarness.eventually("all handed to the adapter") {
                            adapter.counts.count == ids.count
                        }
                        #expect(Set(adapter.counts.keys) == Set(ids))
                        #expect(adapter.counts.values.allSatisfy { $0 == 1 }, "each message handed over once")
                        for id in ids {
                            let entry = try await second.outbox.entry(id)
                            #expect(entry?.state == .delivered)
                            #expect(entry?.receipt != nil)
                        }
                    }
                }
            }
        } catch {
            await Self.release(first, second, clients)
            throw error
        }
        await Self.release(first, second, clients)
    }

    static func submit(via replica: GatewayHarness.Running, clients: TestClients) async throws -> MessageID {
        let body = #"{"service":"document.status.update/v1","payload":\#(TestServices.statusPayload("03", from: "000.00.00.H41"))}"#
        let answer = try await clients.local(
            .POST, replica.localURL + "/v1/messages", body: body, apiKey: AsyncDeliveryIntegrationTests.provinceKey)
        #expect(answer.status == 202, "\(String(decoding: answer.body, as: UTF8.self))")
        let object = try #require(try JSONParser.parse(answer.body).asObject)
        return try MessageID(parsing: try #require(object["id"]?.asString))
    }

    static func release(_ first: PostgresStore, _ second: PostgresStore, _ clients: TestClients) async {
        try? await first.dropSchema()
        await first.close()
        await second.close()
        await clients.shutdown()
    }
}
