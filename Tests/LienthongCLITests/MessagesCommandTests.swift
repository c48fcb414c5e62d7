import Foundation
import LienthongCore
import LienthongStore
import Testing

/// `lienthong messages list|show|retry|purge`, run as the real binary against a real database.
@Suite("Command line: messages")
struct MessagesCommandTests {
    /// A data directory with one delivered, one dead and one waiting outbox message, and one
    /// inbox message.
    final class DataDirectory {
        let url: URL
        var path: String { url.path }
        let delivered = MessageID()
        let dead = MessageID()
        let waiting = MessageID()
        let received = MessageID()
        let receiptJWS = "eyJhbGciOiJFUzI1NiJ9..cmVjZWlwdA"

        init() async throws {
            url = try CLI.temporaryDirectory()
            let store = try await GatewayStore.open(dataDirectory: url.path)
            let long = Date(timeIntervalSinceNow: -10 * 86_400)
            for id in [delivered, dead, waiting] {
                try await store.outbox.enqueue(try Self.message(id), priority: .normal, client: "docs", now: long)
            }
            let claims = try await store.outbox.claim(
                OutboxClaimRequest(owner: "test", now: long, leaseDuration: .seconds(1), limit: 10))
            for claim in claims {
                let id = claim.entry.message.id
                if id == delivered {
                    try await store.outbox.markDelivered(
                        claim, receipt: DeliveryReceipt(id: MessageID(), created: long, payload: Array("{}".utf8), jws: receiptJWS),
                        now: long)
                } else if id == dead {
                    try await store.outbox.markFailed(claim, error: "HTTP 422 schema-violation", disposition: .dead, now: long)
                } else {
                    try await store.outbox.markFailed(
                        claim, error: "peer-unavailable", disposition: .retry(at: Date(timeIntervalSinceNow: 3600)), now: long)
                }
            }
            _ = try await store.inbox.store(
                try Self.message(received), receipt: DeliveryReceipt(id: MessageID(), created: long, payload: [], jws: "r"),
                route: .client, now: long)
            await store.close()
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        static func message(_ id: MessageID) throws -> StoredMessage {
            let payload = Array(#"{"StatusCode":"03"}"#.utf8)
            return StoredMessage(
                id: id, from: try AgencyCode(parsing: "000.00.00.H41"), to: try AgencyCode(parsing: "000.00.00.G01"),
                service: try ServiceID(parsing: "document.status.update/v1"), created: Date(), payload: payload,
                jws: "eyJhbGciOiJFUzI1NiJ9..c2lnbmF0dXJl", payloadDigest: Array(repeating: 1, count: 32))
        }
    }

    @Test func listShowsEveryMessageWithItsStatusAndCounts() async throws {
        let data = try await DataDirectory()
        let result = try CLI.run(["messages", "list", "--data", data.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.contains { $0.hasPrefix(data.dead.rawValue) && $0.contains("dead") && $0.contains("HTTP 422 schema-violation") })
        #expect(lines.contains { $0.hasPrefix(data.waiting.rawValue) && $0.contains("sending") && $0.contains("next ") })
        #expect(lines.last == "accepted 0, sending 1, delivered 1, dead 1")

        let deadOnly = try CLI.run(["messages", "list", "--status", "dead", "--data", data.path])
        #expect(deadOnly.stdout.split(separator: "\n").first?.hasPrefix(data.dead.rawValue) == true)
        let inbox = try CLI.run(["messages", "list", "--inbox", "--data", data.path])
        #expect(inbox.stdout.hasPrefix(data.received.rawValue))
    }

    @Test func showPrintsTheReceiptJWSOnItsOwnLine() async throws {
        let data = try await DataDirectory()
        let result = try CLI.run(["messages", "show", data.delivered.rawValue, "--data", data.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("status:      delivered"))
        #expect(result.stdout.split(separator: "\n").contains { $0 == data.receiptJWS })
        let unknown = try CLI.run(["messages", "show", MessageID().rawValue, "--data", data.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no message"))
    }

    @Test func retryRevivesADeadMessageAndRefusesADeliveredOne() async throws {
        let data = try await DataDirectory()
        let retried = try CLI.run(["messages", "retry", data.dead.rawValue, "--data", data.path])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.contains("will be sent again"))
        let store = try await GatewayStore.open(dataDirectory: data.path, create: false)
        let entry = try await store.outbox.entry(data.dead)
        await store.close()
        #expect(entry?.state == .sending && entry?.attempts == 0)

        let delivered = try CLI.run(["messages", "retry", data.delivered.rawValue, "--data", data.path])
        #expect(delivered.status == 1)
        #expect(delivered.stderr.contains("already delivered"))
        let malformed = try CLI.run(["messages", "retry", "not-an-id", "--data", data.path])
        #expect(malformed.status == 1)
    }

    @Test func purgeDeletesOnlyFinishedMessages() async throws {
        let data = try await DataDirectory()
        let kept = try CLI.run(["messages", "purge", "--older-than", "30", "--data", data.path])
        #expect(kept.stdout == "purged 0 outbox messages and 0 inbox messages\n")
        let purged = try CLI.run(["messages", "purge", "--older-than", "7", "--dead", "--data", data.path])
        #expect(purged.status == 0, "\(purged.stderr)")
        #expect(purged.stdout == "purged 2 outbox messages and 0 inbox messages\n")
        let list = try CLI.run(["messages", "list", "--data", data.path])
        #expect(list.stdout.hasPrefix(data.waiting.rawValue))
        #expect(list.stdout.hasSuffix("accepted 0, sending 1, delivered 0, dead 0\n"))
    }

    @Test func benchOutboxPrintsItsFigures() throws {
        let result = try CLI.run(["bench", "outbox", "--messages", "40", "--concurrency", "8"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("40 messages of"))
        #expect(result.stdout.contains("accepted (sign + enqueue + audit)"))
        #expect(result.stdout.contains("delivery bookkeeping"))
        #expect(try CLI.run(["bench", "outbox", "--messages", "0"]).status == 2)
    }

    @Test func usageErrorsExitWith2() throws {
        #expect(try CLI.run(["messages", "list"]).status == 2)
        #expect(try CLI.run(["messages", "list", "--data", "/tmp", "--config", "x.yaml"]).status == 2)
        let missing = try CLI.run(["messages", "list", "--data", "/nonexistent/lienthong"])
        #expect(missing.status == 1)
    }
}
