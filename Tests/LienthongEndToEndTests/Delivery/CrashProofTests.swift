import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension DeliveryProofs {
    @Test("crash: the province and the ministry each killed with SIGKILL three times under load; every document arrives once, with a receipt")
    func crashes() async throws {
        let count = Self.crashMessages
        try await DeliveryExchange.with(label: "proof-crash") { exchange in
            let load = try DeliveryLoad(exchange: exchange)
            let start = ContinuousClock.now
            async let submitted: Void = load.submit(count: count)

            var kills: [String] = []
            for round in 0..<3 {
                // The province dies while documents are being submitted and sent…
                try await waitUntil("\((2 * round + 1) * count / 8) accepted", exchange) {
                    load.acceptedCount >= (2 * round + 1) * count / 8
                }
                #expect(await exchange.province.kill() == SIGKILL)
                kills.append("province at \(load.acceptedCount) accepted")
                try await exchange.province.restart()
                // …and the ministry while it receives them and hands them to the axis.
                try await waitUntil("\((round + 1) * count / 5) at the axis", exchange) {
                    try await exchange.axisDocuments().count >= (round + 1) * count / 5
                }
                #expect(await exchange.ministry.kill() == SIGKILL)
                kills.append("ministry at \(try await exchange.axisDocuments().count) at the axis")
                try await exchange.ministry.restart()
            }
            try await submitted
            let outcome = try await load.settle(timeout: .seconds(600))
            print("crash proof: \(count) documents, killed \(kills.joined(separator: ", ")); \(outcome); \(Self.seconds(since: start))")
            #expect(outcome.accepted == count)
            // Each SIGKILL of the ministry may catch hand-overs (at most `concurrency` at once)
            // between the axis' answer and their completion; those are posted again, and the axis keeps one document (same
            // DocumentId, same DocId). Anything beyond that bound would be a real duplicate.
            Self.expectExactlyOnce(outcome, allowedExtraPostings: 3 * DeliveryExchange.concurrency, exchange)
        }
    }

    /// Polls `condition` until it holds; fails after `timeout` with the logs.
    func waitUntil(
        _ what: String, _ exchange: DeliveryExchange, timeout: Duration = .seconds(300), _ condition: () async throws -> Bool
    ) async throws {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw HarnessError("not reached within \(timeout): \(what)\n\(exchange.logs())")
    }
}
