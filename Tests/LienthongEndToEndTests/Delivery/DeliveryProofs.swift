import Foundation
import Testing

/// Issue #5 §4: guaranteed delivery proven with real processes — `lienthong serve` for a
/// province and a ministry, the document axis mock behind the ministry's adapter, SIGKILL,
/// outages, a poor link, replicas on one PostgreSQL and a full disk. Each proof sends numbered
/// documents (`document.edoc.send/v1`, about 1 KB) with `POST /v1/messages` and counts at both
/// ends: every accepted document at the axis, no document twice, a receipt at the sender for each.
///
/// Sizes are parameters (environment variables) so CI and a developer can run larger proofs:
/// `LIENTHONG_PROOF_MESSAGES` (the crash proof, default the 5,000: 36 s in a debug build
/// on the 2-core machine at a load average of 3 to 4, 160 s when six builds share it),
/// `LIENTHONG_PROOF_LOAD` (the other proofs, default 300), `LIENTHONG_PROOF_OUTAGE_SECONDS`
/// (default 30, as in the issue).
///
/// The proofs run one at a time: each starts its own processes and loads the shared cores.
@Suite("Guaranteed delivery proven with real processes", .serialized)
struct DeliveryProofs {
    static var crashMessages: Int { parameter("LIENTHONG_PROOF_MESSAGES", default: 5_000) }
    static var loadMessages: Int { parameter("LIENTHONG_PROOF_LOAD", default: 300) }
    static var outageSeconds: Int { parameter("LIENTHONG_PROOF_OUTAGE_SECONDS", default: 30) }

    private static func parameter(_ name: String, default value: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }.map { max(1, $0) } ?? value
    }

    /// The common verdict: nothing lost, nothing unknown, a receipt for everything, and (unless
    /// `allowedExtraPostings` says otherwise) nothing posted to the axis twice.
    static func expectExactlyOnce(
        _ outcome: DeliveryLoad.Outcome, allowedExtraPostings: Int = 0, _ exchange: DeliveryExchange,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(outcome.missing.isEmpty, "lost: \(outcome.missing.prefix(10))\n\(exchange.logs())", sourceLocation: sourceLocation)
        #expect(outcome.unknown.isEmpty, "never submitted: \(outcome.unknown.prefix(10))", sourceLocation: sourceLocation)
        #expect(
            outcome.withoutReceipt.isEmpty, "no receipt: \(outcome.withoutReceipt.prefix(10))\n\(exchange.logs())",
            sourceLocation: sourceLocation)
        #expect(
            outcome.extraPostings <= allowedExtraPostings,
            "\(outcome.extraPostings) extra postings to the axis (allowed \(allowedExtraPostings))", sourceLocation: sourceLocation)
    }

    /// Seconds since `start`, for the printed figures.
    static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        return String(format: "%.1f s", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
