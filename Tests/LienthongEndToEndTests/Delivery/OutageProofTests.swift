import Foundation
import Testing

extension DeliveryProofs {
    @Test("outage: the ministry down for a while under load; the province keeps accepting, retries, and the backlog drains once it returns")
    func outage() async throws {
        let count = Self.loadMessages
        let outage = Duration.seconds(Self.outageSeconds)
        try await DeliveryExchange.with(label: "proof-outage") { exchange in
            let load = try DeliveryLoad(exchange: exchange)
            let start = ContinuousClock.now
            try await load.submit(count: count / 3)

            // Maintenance: the ministry stops cleanly and stays away.
            _ = await exchange.ministry.stop()
            let down = ContinuousClock.now
            try await load.submit(count: count)
            let acceptedWhileDown = count - count / 3
            let atAxisWhileDown = try await exchange.axisDocuments().count

            // While it is away the messages wait in the outbox and are retried.
            let sample = try #require(load.accepted.values.max { $0.messageID < $1.messageID })
            try await waitUntil("a retried message shows its attempts and last error", exchange, timeout: outage) {
                let status = try await exchange.status(sample.messageID).json
                let attempts = (status?["attempts"] as? NSNumber)?.intValue ?? 0
                return attempts >= 2 && status?["lastError"] is String && status?["status"] as? String != "delivered"
            }
            let stillDown = outage - (ContinuousClock.now - down)
            if stillDown > .zero { try await Task.sleep(for: stillDown) }

            try await exchange.ministry.restart()
            let returned = ContinuousClock.now
            let outcome = try await load.settle(timeout: .seconds(300))
            print(
                "outage proof: ministry down \(Self.seconds(since: down)) with \(acceptedWhileDown) documents accepted meanwhile "
                    + "(\(atAxisWhileDown) at the axis when it went down); backlog drained \(Self.seconds(since: returned)) after it "
                    + "returned; \(outcome); \(Self.seconds(since: start)) in all")
            #expect(outcome.accepted == count)
            #expect(outcome.uncertain == 0)
            Self.expectExactlyOnce(outcome, exchange)
        }
    }
}
