import Foundation
import Testing

extension DeliveryProofs {
    /// Latency on every chunk, one new connection in four refused, some requests dropped on the
    /// way up, and one answer in twenty cut after the ministry received the request. The proxy
    /// draws each kind from its own seeded stream, so with a few hundred documents each kind
    /// strikes in every run.
    static let poorLink = FaultProxy.Faults(latencyMs: 25, refuseRate: 0.25, dropRate: 0.02, cutResponseRate: 0.05)
    /// Seed 7's streams refuse the second new connection, and drop and cut within their first
    /// forty draws: every kind strikes even though batched deliveries make only a dozen or so
    /// connections (seed 1 refuses none of its first fifteen).
    static let poorLinkSeed: UInt64 = 7

    @Test("poor link: through a proxy that delays, refuses, drops and cuts answers, every document arrives once, with a receipt")
    func poorLink() async throws {
        let count = Self.loadMessages
        var options = DeliveryExchange.Options()
        options.proxyFaults = Self.poorLink
        options.proxySeed = Self.poorLinkSeed
        try await DeliveryExchange.with(label: "proof-link", options: options) { exchange in
            let proxy = try #require(exchange.proxy)
            let load = try DeliveryLoad(exchange: exchange)
            let start = ContinuousClock.now
            try await load.submit(count: count)
            let outcome = try await load.settle(timeout: .seconds(300))
            let counts = proxy.counts
            // A cut answer means the ministry stored the message and the province never heard:
            // the province sends it again and the ministry answers from its inbox.
            let redelivered = try auditCount(outcome: "redelivered", in: exchange.ministry)
            print("poor link proof (\(proxy.faults)): \(counts); ministry answered \(redelivered) re-deliveries from its inbox; "
                + "\(outcome); \(Self.seconds(since: start))")
            #expect(outcome.accepted == count)
            #expect(outcome.uncertain == 0)
            Self.expectExactlyOnce(outcome, exchange)
            // The faults happened: otherwise this proved nothing.
            #expect(counts.refused > 0 && counts.dropped > 0 && counts.cutAnswers > 0, "\(counts)")
            #expect(redelivered > 0, "no answer was cut after the ministry stored a message: \(counts)")
        }
    }

    /// Audit records of `gateway` with `outcome`, read from its SQLite file (WAL lets a reader in
    /// while the gateway writes).
    func auditCount(outcome: String, in gateway: GatewayProcess) throws -> Int {
        let result = try LienthongBinary.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [
            "-readonly", gateway.databaseFile.path, "SELECT count(*) FROM audit_records WHERE outcome = '\(outcome)';",
        ])
        guard result.status == 0, let count = Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw HarnessError("sqlite3 on \(gateway.databaseFile.path): \(result.stderr)")
        }
        return count
    }
}
