import Foundation
import LienthongCore
import LienthongStore
import Testing
@testable import LienthongPostgres

/// Two gateway replicas sharing one PostgreSQL database: each claims outbox work with
/// `FOR UPDATE SKIP LOCKED` and a lease, so a message goes to one replica at a time and an expired
/// lease passes to the other. Needs `LIENTHONG_TEST_POSTGRES_URL` (CI fails without it).
@Suite("PostgreSQL replicas share the outbox (LIENTHONG_TEST_POSTGRES_URL)", .enabled(if: PostgresTestServer.shouldRun))
struct PostgresReplicaTests {
    static let now = MessagingConformance.now

    @Test func twoReplicasClaimASharedBacklogEachMessageOnce() async throws {
        try await PostgresTestSchema.with { schema in
            let first = try await schema.open()
            let second = try await schema.open()
            let count = 300
            // Half the backlog enqueued through each replica, at once.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<count {
                    let outbox = index.isMultiple(of: 2) ? first.outbox : second.outbox
                    group.addTask {
                        try await outbox.enqueue(
                            try MessagingConformance.message(payload: #"{"n":\#(index)}"#), priority: .normal,
                            client: nil, now: Self.now)
                    }
                }
                try await group.waitForAll()
            }
            // Four workers on each replica claim until the backlog is gone.
            let claimed = try await withThrowingTaskGroup(of: [(MessageID, String)].self) { group in
                for (replica, store) in [first, second].enumerated() {
                    for worker in 0..<4 {
                        let owner = "replica-\(replica)-worker-\(worker)"
                        let outbox = store.outbox
                        group.addTask {
                            var mine: [(MessageID, String)] = []
                            var idleRounds = 0
                            while idleRounds < 3 {
                                let claims = try await outbox.claim(
                                    OutboxClaimRequest(owner: owner, now: Self.now, leaseDuration: .seconds(60), limit: 5))
                                idleRounds = claims.isEmpty ? idleRounds + 1 : 0
                                mine += claims.map { ($0.entry.message.id, owner) }
                            }
                            return mine
                        }
                    }
                }
                return try await group.reduce(into: [(MessageID, String)]()) { $0 += $1 }
            }
            #expect(claimed.count == count, "every message claimed")
            #expect(Set(claimed.map(\.0)).count == count, "no message claimed twice")
            let replicasThatWorked = Set(claimed.map { $0.1.split(separator: "-").prefix(2).joined(separator: "-") })
            #expect(replicasThatWorked.count == 2, "both replicas took part")
            #expect(try await first.outbox.counts()[.sending] == count)
            await first.close()
            await second.close()
        }
    }

    @Test func anExpiredLeasePassesToTheOtherReplicaAndFencesTheFirst() async throws {
        try await PostgresTestSchema.with { schema in
            let first = try await schema.open()
            let second = try await schema.open()
            let message = try MessagingConformance.message()
            try await first.outbox.enqueue(message, priority: .normal, client: nil, now: Self.now)
            let lease = Duration.seconds(30)
            let claimedFirst = try await first.outbox.claim(
                OutboxClaimRequest(owner: "replica-a", now: Self.now, leaseDuration: lease, limit: 10))
            #expect(claimedFirst.map(\.attempt) == [1])
            // While the lease runs, the other replica gets nothing.
            let during = try await second.outbox.claim(
                OutboxClaimRequest(owner: "replica-b", now: Self.now.addingTimeInterval(29), leaseDuration: lease, limit: 10))
            #expect(during.isEmpty)
            // Replica A died mid-send: once its lease ran out, B takes the message over.
            let after = Self.now.addingTimeInterval(31)
            let claimedSecond = try await second.outbox.claim(
                OutboxClaimRequest(owner: "replica-b", now: after, leaseDuration: lease, limit: 10))
            #expect(claimedSecond.map(\.entry.message.id) == [message.id])
            #expect(claimedSecond.map(\.attempt) == [2])
            // A's late report of its attempt changes nothing; B's receipt delivers the message.
            let stale = try #require(claimedFirst.first)
            #expect(!(try await first.outbox.markFailed(stale, error: "late", disposition: .retry(at: after), now: after)))
            let current = try #require(claimedSecond.first)
            let receipt = MessagingConformance.receipt(for: message)
            #expect(try await second.outbox.markDelivered(current, receipt: receipt, now: after))
            let entry = try #require(try await first.outbox.entry(message.id))
            #expect(entry.state == .delivered)
            #expect(entry.receipt == receipt)
            #expect(entry.attempts == 2)
            await first.close()
            await second.close()
        }
    }

    @Test func aReDeliveryReachingTheOtherReplicaGetsTheFirstReceipt() async throws {
        try await PostgresTestSchema.with { schema in
            let first = try await schema.open()
            let second = try await schema.open()
            let message = try MessagingConformance.message()
            let receipt = MessagingConformance.receipt(for: message, tag: "-first")
            let stored = try await first.inbox.store(message, receipt: receipt, route: .client, now: Self.now)
            guard case .stored = stored else {
                Issue.record("expected the first store to be new, got \(stored)")
                return
            }
            let again = try await second.inbox.store(
                message, receipt: MessagingConformance.receipt(for: message, tag: "-second"), route: .client, now: Self.now)
            #expect(again == .alreadyStored(receipt))
            await first.close()
            await second.close()
        }
    }

    @Test func inboxSequencesFromTwoReplicasAreListedWithoutGapsOrRepeats() async throws {
        try await PostgresTestSchema.with { schema in
            let first = try await schema.open()
            let second = try await schema.open()
            let messages = try (0..<80).map { index in try MessagingConformance.message(payload: #"{"n":\#(index)}"#) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, message) in messages.enumerated() {
                    let inbox = index.isMultiple(of: 2) ? first.inbox : second.inbox
                    group.addTask {
                        _ = try await inbox.store(
                            message, receipt: MessagingConformance.receipt(for: message), route: .client, now: Self.now)
                    }
                }
                try await group.waitForAll()
            }
            var cursor: Int64 = 0
            var seen: [MessageID] = []
            while true {
                let page = try await first.inbox.list(route: .client, after: cursor, limit: 7)
                guard let last = page.last else { break }
                seen += page.map(\.message.id)
                cursor = last.sequence
            }
            #expect(seen.count == messages.count)
            #expect(Set(seen) == Set(messages.map(\.id)))
            await first.close()
            await second.close()
        }
    }
}
