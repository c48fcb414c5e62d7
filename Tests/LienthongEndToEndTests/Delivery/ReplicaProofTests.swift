import Foundation
import Testing

/// The PostgreSQL server of the replica proof: `LIENTHONG_TEST_POSTGRES_URL`, set by
/// `scripts/with-postgres.sh` (and so by CI). As in the store's own PostgreSQL suites: without
/// it the proof is skipped and says why, unless `CI` is set, where it runs and fails.
enum ProofPostgres {
    static var url: String? {
        ProcessInfo.processInfo.environment["LIENTHONG_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "0" && $0 != "false" } ?? false
    }

    static var shouldRun: Bool { url != nil || isCI }

    /// The server's URL with a schema of this proof's own, so that runs never share tables.
    static func privateSchemaURL() throws -> String {
        guard let url else {
            throw HarnessError("LIENTHONG_TEST_POSTGRES_URL is not set although CI is: run the tests through scripts/with-postgres.sh")
        }
        let schema = "proof_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }
}

extension DeliveryProofs {
    @Test(
        "replicas (needs LIENTHONG_TEST_POSTGRES_URL): two province replicas on one PostgreSQL drain a shared backlog, one killed midway; every document arrives once",
        .enabled(if: ProofPostgres.shouldRun, "no LIENTHONG_TEST_POSTGRES_URL: run through scripts/with-postgres.sh"))
    func replicas() async throws {
        let count = Self.loadMessages
        var options = DeliveryExchange.Options()
        options.provinceReplicas = 2
        options.provinceStore = try ProofPostgres.privateSchemaURL()
        try await DeliveryExchange.with(label: "proof-replicas", options: options) { exchange in
            let load = try DeliveryLoad(exchange: exchange)
            let start = ContinuousClock.now
            // The backlog: both replicas accept while the ministry is away.
            _ = await exchange.ministry.stop()
            try await load.submit(count: count)
            let perReplica = Dictionary(grouping: load.accepted.values, by: \.gateway).mapValues(\.count)
            #expect(perReplica.count == 2, "both replicas should have accepted documents: \(perReplica)")

            try await exchange.ministry.restart()
            try await waitUntil("a third of the backlog at the axis", exchange) {
                try await exchange.axisDocuments().count >= count / 3
            }
            let killed = exchange.provinces[1]
            _ = await killed.kill()
            let atKill = try await exchange.axisDocuments().count

            // The survivor takes over the rest, also what the dead replica had leased.
            let outcome = try await load.settle(timeout: .seconds(300))
            print("replica proof: \(count) documents accepted \(perReplica) by replica; replica 2 killed at \(atKill) at the axis; "
                + "\(outcome); \(Self.seconds(since: start))")
            #expect(outcome.accepted == count)
            #expect(outcome.uncertain == 0)
            Self.expectExactlyOnce(outcome, exchange)
        }
    }
}
