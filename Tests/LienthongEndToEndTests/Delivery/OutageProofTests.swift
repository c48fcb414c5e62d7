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
            let before = Set(load.accepted.values.map(\.messageID))
            try await load.submit(count: count)
            let acceptedWhileDown = count - count / 3
            let atAxisWhileDown = try await exchange.axisDocuments().count

            // While it is away the messages wait in the outbox and are tried: the first ones
            // accepted meanwhile (ids are UUIDv7, they sort by time) show a failed attempt.
            let firstWhileDown = Array(load.accepted.values.map(\.messageID).filter { !before.contains($0) }.sorted().prefix(16))
            var tried: String?
            try await waitUntil("a message tried while the ministry is away", exchange, timeout: outage + .seconds(10)) {
                for id in firstWhileDown {
                    let reply = try await exchange.status(id)
                    let attempts = (reply.json?["attempts"] as? NSNumber)?.intValue ?? 0
                    if attempts >= 1, reply.json?["lastError"] is String,
                       ["accepted", "sending"].contains(reply.json?["status"] as? String ?? "")
                    {
                        tried = id
                        return true
                    }
                }
                return false
            }
            let stillDown = outage - (ContinuousClock.now - down)
            if stillDown > .zero { try await Task.sleep(for: stillDown) }

            let downFor = Self.seconds(since: down)
            try await exchange.ministry.restart()
            let returned = ContinuousClock.now
            let outcome = try await load.settle(timeout: .seconds(300))
            print(
                "outage proof: ministry down \(downFor) with \(acceptedWhileDown) documents accepted meanwhile "
                    + "(\(atAxisWhileDown) at the axis when it went down); backlog drained \(Self.seconds(since: returned)) after it "
                    + "returned; \(outcome); \(Self.seconds(since: start)) in all")
            #expect(outcome.accepted == count)
            #expect(outcome.uncertain == 0)
            Self.expectExactlyOnce(outcome, exchange)
            // The message that failed while the ministry was away was delivered by a later attempt.
            if let tried {
                let final = try await exchange.status(tried)
                #expect(final.json?["status"] as? String == "delivered", "\(final.summary)")
                #expect(((final.json?["attempts"] as? NSNumber)?.intValue ?? 0) >= 2, "\(final.summary)")
            }
        }
    }
}
