import Foundation
import LienthongCore
import LienthongCrypto
import LienthongStore
import Testing

/// The outbox and inbox under test, fresh and empty, and how to release them.
struct MessagingStoresUnderTest: Sendable {
    var outbox: any Outbox
    var inbox: any Inbox
    /// The audit trail in the same database, which the stores' writes append to.
    var auditLog: any AuditLog
    var close: @Sendable () async -> Void
}

/// Makes fresh stores for one check. Each store implementation (SQLite here; PostgreSQL in its own
/// suite) provides one and runs `MessagingConformance.checks` against it.
protocol MessagingStoreFactory: Sendable {
    func makeStores() async throws -> MessagingStoresUnderTest
}

/// The behaviour every `Outbox` and `Inbox` must have, written against the protocols only.
///
/// A suite for a store runs `@Test(arguments: MessagingConformance.names)` and calls
/// `MessagingConformance.run(name, factory)`.
enum MessagingConformance {
    typealias Check = @Sendable (MessagingStoresUnderTest) async throws -> Void

    static let checks: [(name: String, check: Check)] = [
        ("an enqueued message reads back whole", anEnqueuedMessageReadsBackWhole),
        ("a duplicate id is refused", aDuplicateIDIsRefused),
        ("a claim leases a due message once", aClaimLeasesADueMessageOnce),
        ("an expired lease can be claimed again", anExpiredLeaseCanBeClaimedAgain),
        ("higher priority and earlier due go first", higherPriorityAndEarlierDueGoFirst),
        ("recipient capacity limits a claim", recipientCapacityLimitsAClaim),
        ("a recipient out of capacity does not hold up the others", aRecipientOutOfCapacityDoesNotHoldUpTheOthers),
        ("a recipient with little capacity does not hold up the others", aRecipientWithLittleCapacityDoesNotHoldUpTheOthers),
        ("claims take the best due messages across recipients", claimsTakeTheBestDueMessagesAcrossRecipients),
        ("a receipt makes the message delivered", aReceiptMakesTheMessageDelivered),
        ("a failure schedules a retry", aFailureSchedulesARetry),
        ("a stale report is ignored", aStaleReportIsIgnored),
        ("a dead message can be retried by hand", aDeadMessageCanBeRetriedByHand),
        ("list filters and pages", listFiltersAndPages),
        ("purge removes only finished messages", purgeRemovesOnlyFinishedMessages),
        ("concurrent claimers never share a message", concurrentClaimersNeverShareAMessage),
        ("concurrent enqueues are all stored", concurrentEnqueuesAreAllStored),
        ("the inbox answers a re-delivery with the first receipt", theInboxAnswersARedeliveryWithTheFirstReceipt),
        ("the inbox lists after a cursor and acknowledges", theInboxListsAfterACursorAndAcknowledges),
        ("the inbox hands a message to its worker once", theInboxHandsAMessageToItsWorkerOnce),
        ("the inbox retries and declares dead", theInboxRetriesAndDeclaresDead),
        ("the inbox finds correlated messages", theInboxFindsCorrelatedMessages),
        ("the inbox purges only finished messages", theInboxPurgesOnlyFinishedMessages),
        ("concurrent re-deliveries store one message", concurrentRedeliveriesStoreOneMessage),
        ("an enqueue and its audit record are one write", anEnqueueAndItsAuditRecordAreOneWrite),
        ("a receipt and its audit records are one write", aReceiptAndItsAuditRecordsAreOneWrite),
        ("the inbox records a stored message, not a re-delivery", theInboxRecordsAStoredMessageNotARedelivery),
        ("writes with records and plain appends keep one intact chain", writesWithRecordsAndPlainAppendsKeepOneChain),
        ("reports record only when they change the message", reportsRecordOnlyWhenTheyChangeTheMessage),
    ]

    static var names: [String] { checks.map(\.name) }

    /// Runs the check `name` on fresh stores from `factory`, closing them also when it fails.
    static func run(_ name: String, _ factory: some MessagingStoreFactory) async throws {
        let check = try #require(checks.first { $0.name == name }?.check, "no check named \(name)")
        let stores = try await factory.makeStores()
        do {
            try await check(stores)
        } catch {
            await stores.close()
            throw error
        }
        await stores.close()
    }

    // MARK: - Fixtures

    static let now = Date(timeIntervalSince1970: 1_800_000_000.125)
    static let province = try! AgencyCode(parsing: "000.00.00.H41")
    static let ministry = try! AgencyCode(parsing: "000.00.00.G01")
    static let otherMinistry = try! AgencyCode(parsing: "000.00.00.G22")
    static let service = try! ServiceID(parsing: "document.edoc.send/v1")

    static func message(
        to recipient: AgencyCode = ministry, payload text: String = #"{"subject":"Công văn"}"#,
        id: MessageID = MessageID(), correlationID: MessageID? = nil, from sender: AgencyCode = province
    ) throws -> StoredMessage {
        let payload = Array(text.utf8)
        return StoredMessage(
            id: id, from: sender, to: recipient, service: service, created: Date(timeIntervalSince1970: 1_800_000_000),
            correlationID: correlationID, payload: payload, jws: "eyJhbGciOiJFUzI1NiJ9..c2lnbmF0dXJl\(id)",
            payloadDigest: try Digest.sha256(payload))
    }

    static func receipt(for message: StoredMessage, tag: String = "") -> DeliveryReceipt {
        DeliveryReceipt(
            id: MessageID(), created: Date(timeIntervalSince1970: 1_800_000_001),
            payload: Array(#"{"id":"\#(message.id)","stored":true\#(tag)}"#.utf8), jws: "eyJhbGciOiJFUzI1NiJ9..cmVjZWlwdA\(tag)")
    }

    static func claimAll(_ outbox: any Outbox, at time: Date = now, owner: String = "worker-1") async throws -> [OutboxClaim] {
        try await outbox.claim(OutboxClaimRequest(owner: owner, now: time, leaseDuration: .seconds(60), limit: 1_000))
    }

    /// Enqueues `count` messages to `recipient`, all due at `time`, concurrently (as requests would).
    static func enqueue(_ count: Int, to recipient: AgencyCode, at time: Date, in outbox: any Outbox) async throws -> [StoredMessage] {
        let messages = try (0..<count).map { _ in try Self.message(to: recipient) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for message in messages {
                group.addTask { try await outbox.enqueue(message, priority: .normal, client: nil, now: time) }
            }
            try await group.waitForAll()
        }
        return messages
    }

    /// The ids of `messages` in the order a claim takes messages of one priority and due time.
    static func inIDOrder(_ messages: [StoredMessage]) -> [MessageID] {
        messages.map(\.id).sorted { $0.rawValue < $1.rawValue }
    }

    // MARK: - Outbox

    static func anEnqueuedMessageReadsBackWhole(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message(correlationID: MessageID())
        try await stores.outbox.enqueue(message, priority: .high, client: "one-stop-shop", now: now)
        let entry = try #require(try await stores.outbox.entry(message.id))
        #expect(entry.message == message)
        #expect(entry.priority == .high)
        #expect(entry.client == "one-stop-shop")
        #expect(entry.state == .accepted)
        #expect(entry.attempts == 0)
        #expect(entry.acceptedAt == Date(timeIntervalSince1970: 1_800_000_000.125))
        #expect(entry.nextAttemptAt == entry.acceptedAt)
        #expect(entry.receipt == nil && entry.lastError == nil && entry.finishedAt == nil)
        #expect(try await stores.outbox.entry(MessageID()) == nil)
    }

    static func aDuplicateIDIsRefused(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message()
        try await stores.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        await #expect(throws: MessagingStoreError.duplicateMessage(message.id)) {
            try await stores.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        }
        #expect(try await stores.outbox.counts()[.accepted] == 1)
    }

    static func aClaimLeasesADueMessageOnce(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message()
        try await stores.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        #expect(try await claimAll(stores.outbox, at: now.addingTimeInterval(-1)).isEmpty, "not due yet")
        let claims = try await claimAll(stores.outbox)
        #expect(claims.map(\.entry.message.id) == [message.id])
        let claim = try #require(claims.first)
        #expect(claim.attempt == 1 && claim.owner == "worker-1")
        #expect(claim.entry.state == .sending && claim.entry.attempts == 1)
        #expect(claim.leaseExpires == now.addingTimeInterval(60))
        #expect(try await claimAll(stores.outbox, owner: "worker-2").isEmpty, "leased to worker-1")
        #expect(try await stores.outbox.entry(message.id)?.state == .sending)
    }

    static func anExpiredLeaseCanBeClaimedAgain(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message()
        try await stores.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        _ = try await claimAll(stores.outbox)
        #expect(try await claimAll(stores.outbox, at: now.addingTimeInterval(59), owner: "worker-2").isEmpty)
        let again = try await claimAll(stores.outbox, at: now.addingTimeInterval(60), owner: "worker-2")
        #expect(again.map(\.attempt) == [2])
        #expect(again.first?.owner == "worker-2")
    }

    static func higherPriorityAndEarlierDueGoFirst(_ stores: MessagingStoresUnderTest) async throws {
        let lowEarly = try Self.message()
        let normalLate = try Self.message()
        let normalEarly = try Self.message()
        let high = try Self.message()
        try await stores.outbox.enqueue(lowEarly, priority: .low, client: nil, now: now)
        try await stores.outbox.enqueue(normalLate, priority: .normal, client: nil, now: now.addingTimeInterval(2))
        try await stores.outbox.enqueue(normalEarly, priority: .normal, client: nil, now: now.addingTimeInterval(1))
        try await stores.outbox.enqueue(high, priority: .high, client: nil, now: now.addingTimeInterval(3))
        let order = try await claimAll(stores.outbox, at: now.addingTimeInterval(10)).map(\.entry.message.id)
        #expect(order == [high.id, normalEarly.id, normalLate.id, lowEarly.id])
    }

    static func recipientCapacityLimitsAClaim(_ stores: MessagingStoresUnderTest) async throws {
        for _ in 0..<5 { try await stores.outbox.enqueue(try Self.message(to: ministry), priority: .high, client: nil, now: now) }
        for _ in 0..<3 { try await stores.outbox.enqueue(try Self.message(to: otherMinistry), priority: .low, client: nil, now: now) }
        let request = OutboxClaimRequest(
            owner: "worker-1", now: now, leaseDuration: .seconds(30), limit: 100, recipientCapacity: [ministry: 2],
            defaultRecipientCapacity: 1)
        let claims = try await stores.outbox.claim(request)
        let byRecipient = Dictionary(grouping: claims, by: \.entry.message.to).mapValues(\.count)
        #expect(byRecipient == [ministry: 2, otherMinistry: 1])
        let limited = try await stores.outbox.claim(
            OutboxClaimRequest(owner: "worker-1", now: now, leaseDuration: .seconds(30), limit: 2))
        #expect(limited.count == 2)
    }

    static func aRecipientOutOfCapacityDoesNotHoldUpTheOthers(_ stores: MessagingStoresUnderTest) async throws {
        let later = now.addingTimeInterval(1)
        _ = try await enqueue(500, to: ministry, at: now, in: stores.outbox)
        let others = try await enqueue(3, to: otherMinistry, at: later, in: stores.outbox)
        let claims = try await stores.outbox.claim(OutboxClaimRequest(
            owner: "worker-1", now: later, leaseDuration: .seconds(60), limit: 10, recipientCapacity: [ministry: 0]))
        #expect(claims.map(\.entry.message.id) == inIDOrder(others))
    }

    static func aRecipientWithLittleCapacityDoesNotHoldUpTheOthers(_ stores: MessagingStoresUnderTest) async throws {
        let later = now.addingTimeInterval(1)
        let busy = try await enqueue(500, to: ministry, at: now, in: stores.outbox)
        let others = try await enqueue(3, to: otherMinistry, at: later, in: stores.outbox)
        let claims = try await stores.outbox.claim(OutboxClaimRequest(
            owner: "worker-1", now: later, leaseDuration: .seconds(60), limit: 3, recipientCapacity: [ministry: 1]))
        #expect(claims.map(\.entry.message.id) == Array(inIDOrder(busy).prefix(1) + inIDOrder(others).prefix(2)))
    }

    /// Successive claims with different limits and capacities, on messages to three recipients of
    /// every priority, some not due yet, take exactly what one walk of all due messages best first
    /// (priority, then due time, then id), skipping recipients out of capacity, would take.
    static func claimsTakeTheBestDueMessagesAcrossRecipients(_ stores: MessagingStoresUnderTest) async throws {
        let recipients = [ministry, otherMinistry, province]
        var waiting: [(message: StoredMessage, priority: MessagePriority, due: Date)] = []
        for index in 0..<60 {
            let message = try Self.message(to: recipients[index % 3])
            let priority = MessagePriority.allCases[(index / 3) % 3]
            let due = now.addingTimeInterval(Double((index * 7) % 10))
            try await stores.outbox.enqueue(message, priority: priority, client: nil, now: due)
            waiting.append((message, priority, due))
        }
        let time = now.addingTimeInterval(6)
        let requests = [
            OutboxClaimRequest(
                owner: "worker-1", now: time, leaseDuration: .seconds(60), limit: 5,
                recipientCapacity: [ministry: 2, otherMinistry: 0], defaultRecipientCapacity: 1),
            OutboxClaimRequest(owner: "worker-2", now: time, leaseDuration: .seconds(60), limit: 4),
            OutboxClaimRequest(
                owner: "worker-3", now: time, leaseDuration: .seconds(60), limit: 10, recipientCapacity: [province: 1]),
            OutboxClaimRequest(
                owner: "worker-4", now: time, leaseDuration: .seconds(60), limit: 100, recipientCapacity: [ministry: 3]),
            OutboxClaimRequest(owner: "worker-5", now: time, leaseDuration: .seconds(60), limit: 100),
        ]
        for request in requests {
            let best = waiting.filter { $0.due <= time }.sorted { lhs, rhs in
                if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
                if lhs.due != rhs.due { return lhs.due < rhs.due }
                return lhs.message.id.rawValue < rhs.message.id.rawValue
            }
            var capacity: [AgencyCode: Int] = [:]
            var expected: [MessageID] = []
            for candidate in best where expected.count < request.limit {
                let recipient = candidate.message.to
                let left = capacity[recipient] ?? request.capacity(for: recipient)
                guard left > 0 else { continue }
                capacity[recipient] = left - 1
                expected.append(candidate.message.id)
            }
            let claimed = try await stores.outbox.claim(request).map(\.entry.message.id)
            #expect(claimed == expected, "\(request.owner)")
            waiting.removeAll { expected.contains($0.message.id) }
        }
        #expect(waiting.allSatisfy { $0.due > time }, "the last claim took every due message")
    }

    static func aReceiptMakesTheMessageDelivered(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message()
        try await stores.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        let claim = try #require(try await claimAll(stores.outbox).first)
        let receipt = Self.receipt(for: message)
        #expect(try await stores.outbox.markDelivered(claim, receipt: receipt, now: now.addingTimeInterval(1)))
        #expect(!(try await stores.outbox.markDelivered(claim, receipt: Self.receipt(for: message, tag: "x"), now: now)))
        let entry = try #require(try await stores.outbox.entry(message.id))
        #expect(entry.state == .delivered)
        #expect(entry.receipt == receipt, "the first receipt is kept")
        #expect(entry.finishedAt == now.addingTimeInterval(1))
        #expect(entry.nextAttemptAt == nil)
        #expect(try await claimAll(stores.outbox, at: now.addingTimeInterval(3600)).isEmpty)
    }

    static func aFailureSchedulesARetry(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message()
        try await stores.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        let claim = try #require(try await claimAll(stores.outbox).first)
        let retryAt = now.addingTimeInterval(30)
        #expect(try await stores.outbox.markFailed(claim, error: "peer unreachable", disposition: .retry(at: retryAt), now: now))
        let entry = try #require(try await stores.outbox.entry(message.id))
        #expect(entry.state == .sending && entry.attempts == 1)
        #expect(entry.nextAttemptAt == retryAt && entry.lastError == "peer unreachable")
        #expect(try await claimAll(stores.outbox, at: retryAt.addingTimeInterval(-0.5)).isEmpty, "lease released, not yet due")
        #expect(try await claimAll(stores.outbox, at: retryAt).map(\.attempt) == [2])
    }

    static func aStaleReportIsIgnored(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message()
        try await stores.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        let first = try #require(try await claimAll(stores.outbox).first)
        let second = try #require(try await claimAll(stores.outbox, at: now.addingTimeInterval(61), owner: "worker-2").first)
        #expect(!(try await stores.outbox.markFailed(first, error: "late", disposition: .dead, now: now)))
        #expect(try await stores.outbox.entry(message.id)?.state == .sending)
        #expect(try await stores.outbox.markFailed(second, error: "refused", disposition: .dead, now: now))
        #expect(try await stores.outbox.entry(message.id)?.state == .dead)
        // A receipt is proof whoever holds it: the late worker's receipt still counts.
        #expect(try await stores.outbox.markDelivered(first, receipt: Self.receipt(for: message), now: now))
        #expect(try await stores.outbox.entry(message.id)?.state == .delivered)
    }

    static func aDeadMessageCanBeRetriedByHand(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message()
        try await stores.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        let claim = try #require(try await claimAll(stores.outbox).first)
        #expect(!(try await stores.outbox.retry(message.id, now: now)), "leased: not retried under the worker")
        try await stores.outbox.markFailed(claim, error: "HTTP 422 schema-violation", disposition: .dead, now: now)
        let dead = try #require(try await stores.outbox.entry(message.id))
        #expect(dead.state == .dead && dead.finishedAt == now && dead.lastError == "HTTP 422 schema-violation")
        #expect(try await claimAll(stores.outbox, at: now.addingTimeInterval(3600)).isEmpty)
        let later = now.addingTimeInterval(100)
        #expect(try await stores.outbox.retry(message.id, now: later))
        let retried = try #require(try await stores.outbox.entry(message.id))
        #expect(retried.state == .sending && retried.attempts == 0 && retried.nextAttemptAt == later)
        #expect(retried.finishedAt == nil)
        #expect(try await claimAll(stores.outbox, at: later).map(\.attempt) == [1])
        #expect(!(try await stores.outbox.retry(MessageID(), now: later)))
    }

    static func listFiltersAndPages(_ stores: MessagingStoresUnderTest) async throws {
        var ids: [MessageID] = []
        for index in 0..<6 {
            let message = try Self.message(to: index < 4 ? ministry : otherMinistry)
            ids.append(message.id)
            try await stores.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        }
        let claims = try await stores.outbox.claim(OutboxClaimRequest(owner: "w", now: now, leaseDuration: .seconds(9), limit: 1))
        let claim = try #require(claims.first)
        try await stores.outbox.markFailed(claim, error: "x", disposition: .dead, now: now)
        let all = try await stores.outbox.list(OutboxQuery())
        #expect(all.map(\.message.id) == ids.sorted { $0.rawValue < $1.rawValue })
        let firstPage = try await stores.outbox.list(OutboxQuery(limit: 4))
        let secondPage = try await stores.outbox.list(OutboxQuery(after: firstPage.last?.message.id, limit: 4))
        #expect((firstPage + secondPage).map(\.message.id) == all.map(\.message.id))
        #expect(try await stores.outbox.list(OutboxQuery(states: [.dead])).map(\.message.id) == [claim.entry.message.id])
        #expect(try await stores.outbox.list(OutboxQuery(recipient: otherMinistry)).count == 2)
        #expect(try await stores.outbox.list(OutboxQuery(states: [.accepted], recipient: ministry)).count == 3)
        let counts = try await stores.outbox.counts()
        #expect(counts == [.accepted: 5, .sending: 0, .delivered: 0, .dead: 1])
    }

    static func purgeRemovesOnlyFinishedMessages(_ stores: MessagingStoresUnderTest) async throws {
        let delivered = try Self.message()
        let dead = try Self.message()
        let waiting = try Self.message()
        for message in [delivered, dead, waiting] {
            try await stores.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        }
        let claims = try await claimAll(stores.outbox)
        for claim in claims where claim.entry.message.id == delivered.id {
            try await stores.outbox.markDelivered(claim, receipt: Self.receipt(for: delivered), now: now)
        }
        for claim in claims where claim.entry.message.id == dead.id {
            try await stores.outbox.markFailed(claim, error: "gone", disposition: .dead, now: now.addingTimeInterval(5))
        }
        #expect(try await stores.outbox.purge(states: Set(OutboxState.allCases), finishedBefore: now) == 0)
        #expect(try await stores.outbox.purge(states: [.delivered, .sending, .accepted], finishedBefore: now.addingTimeInterval(9)) == 1)
        #expect(try await stores.outbox.entry(delivered.id) == nil)
        #expect(try await stores.outbox.purge(states: Set(OutboxState.allCases), finishedBefore: now.addingTimeInterval(9)) == 1)
        #expect(try await stores.outbox.entry(dead.id) == nil)
        #expect(try await stores.outbox.entry(waiting.id)?.state == .sending, "undelivered messages are never purged")
    }

    static func concurrentClaimersNeverShareAMessage(_ stores: MessagingStoresUnderTest) async throws {
        let count = 200
        for _ in 0..<count { try await stores.outbox.enqueue(try Self.message(), priority: .normal, client: nil, now: now) }
        let outbox = stores.outbox
        let claimed = try await withThrowingTaskGroup(of: [MessageID].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var mine: [MessageID] = []
                    while true {
                        let claims = try await outbox.claim(
                            OutboxClaimRequest(owner: "worker-\(worker)", now: now, leaseDuration: .seconds(60), limit: 7))
                        if claims.isEmpty { return mine }
                        mine += claims.map(\.entry.message.id)
                    }
                }
            }
            return try await group.reduce(into: [MessageID]()) { $0 += $1 }
        }
        #expect(claimed.count == count)
        #expect(Set(claimed).count == count)
    }

    static func concurrentEnqueuesAreAllStored(_ stores: MessagingStoresUnderTest) async throws {
        let outbox = stores.outbox
        let messages = try (0..<300).map { index in try Self.message(payload: #"{"n":\#(index)}"#) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for message in messages {
                group.addTask { try await outbox.enqueue(message, priority: .normal, client: nil, now: now) }
            }
            try await group.waitForAll()
        }
        for message in messages.prefix(20) { #expect(try await outbox.entry(message.id)?.message == message) }
        #expect(try await outbox.counts()[.accepted] == messages.count)
    }

    // MARK: - Inbox

    static func theInboxAnswersARedeliveryWithTheFirstReceipt(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message(from: province)
        let first = Self.receipt(for: message, tag: "first")
        guard case .stored(let sequence) = try await stores.inbox.store(message, receipt: first, route: .client, now: now) else {
            Issue.record("a first delivery must be stored")
            return
        }
        let again = try await stores.inbox.store(message, receipt: Self.receipt(for: message, tag: "second"), route: .client, now: now)
        #expect(again == .alreadyStored(first))
        var altered = message
        altered.payload = Array(#"{"subject":"khác"}"#.utf8)
        altered.payloadDigest = try Digest.sha256(altered.payload)
        let conflict = try await stores.inbox.store(altered, receipt: Self.receipt(for: altered), route: .client, now: now)
        #expect(conflict == .conflict(storedDigest: message.payloadDigest))
        var otherSender = message
        otherSender.from = otherMinistry
        let stranger = try await stores.inbox.store(otherSender, receipt: Self.receipt(for: otherSender), route: .client, now: now)
        #expect(stranger == .conflict(storedDigest: message.payloadDigest), "another sender cannot collect the receipt")
        let entry = try #require(try await stores.inbox.entry(message.id))
        #expect(entry.sequence == sequence && entry.message == message && entry.receipt == first)
        #expect(entry.state == .pending && entry.route == .client && entry.receivedAt == now && entry.attempts == 0)
    }

    static func theInboxListsAfterACursorAndAcknowledges(_ stores: MessagingStoresUnderTest) async throws {
        var stored: [StoredMessage] = []
        for index in 0..<5 {
            let message = try Self.message(payload: #"{"n":\#(index)}"#)
            stored.append(message)
            _ = try await stores.inbox.store(message, receipt: Self.receipt(for: message), route: .client, now: now)
        }
        let adapterMessage = try Self.message()
        _ = try await stores.inbox.store(adapterMessage, receipt: Self.receipt(for: adapterMessage), route: .adapter, now: now)
        let all = try await stores.inbox.list(route: .client, after: 0, limit: 100)
        #expect(all.map(\.message.id) == stored.map(\.id))
        #expect(all.map(\.sequence) == all.map(\.sequence).sorted())
        let page = try await stores.inbox.list(route: .client, after: all[1].sequence, limit: 2)
        #expect(page.map(\.message.id) == [stored[2].id, stored[3].id])
        #expect(try await stores.inbox.acknowledge(stored[2].id, now: now))
        #expect(!(try await stores.inbox.acknowledge(stored[2].id, now: now)), "already acknowledged")
        #expect(!(try await stores.inbox.acknowledge(adapterMessage.id, now: now)), "not the client's to acknowledge")
        #expect(!(try await stores.inbox.acknowledge(MessageID(), now: now)))
        let after = try await stores.inbox.list(route: .client, after: 0, limit: 100)
        #expect(after.map(\.message.id) == [stored[0].id, stored[1].id, stored[3].id, stored[4].id])
        #expect(try await stores.inbox.entry(stored[2].id)?.state == .done)
    }

    static func theInboxHandsAMessageToItsWorkerOnce(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message()
        let clientMessage = try Self.message()
        _ = try await stores.inbox.store(message, receipt: Self.receipt(for: message), route: .adapter, now: now)
        _ = try await stores.inbox.store(clientMessage, receipt: Self.receipt(for: clientMessage), route: .client, now: now)
        let claims = try await stores.inbox.claim(route: .adapter, owner: "a", now: now, leaseDuration: .seconds(20), limit: 10)
        #expect(claims.map(\.entry.message.id) == [message.id])
        let claim = try #require(claims.first)
        #expect(claim.attempt == 1 && claim.leaseExpires == now.addingTimeInterval(20))
        #expect(try await stores.inbox.claim(route: .adapter, owner: "b", now: now, leaseDuration: .seconds(20), limit: 10).isEmpty)
        let stolen = try await stores.inbox.claim(
            route: .adapter, owner: "b", now: now.addingTimeInterval(20), leaseDuration: .seconds(20), limit: 10)
        #expect(stolen.map(\.attempt) == [2])
        #expect(!(try await stores.inbox.markProcessed(claim, now: now)), "a stale lease cannot report")
        #expect(try await stores.inbox.markProcessed(try #require(stolen.first), now: now.addingTimeInterval(21)))
        let entry = try #require(try await stores.inbox.entry(message.id))
        #expect(entry.state == .done && entry.finishedAt == now.addingTimeInterval(21))
        #expect(try await stores.inbox.claim(
            route: .adapter, owner: "c", now: now.addingTimeInterval(999), leaseDuration: .seconds(1), limit: 10).isEmpty)
    }

    static func theInboxRetriesAndDeclaresDead(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message()
        _ = try await stores.inbox.store(message, receipt: Self.receipt(for: message), route: .webhook, now: now)
        let first = try #require(try await stores.inbox.claim(
            route: .webhook, owner: "w", now: now, leaseDuration: .seconds(20), limit: 1).first)
        let retryAt = now.addingTimeInterval(5)
        #expect(try await stores.inbox.markFailed(first, error: "HTTP 503", disposition: .retry(at: retryAt), now: now))
        let waiting = try #require(try await stores.inbox.entry(message.id))
        #expect(waiting.state == .pending && waiting.lastError == "HTTP 503" && waiting.nextAttemptAt == retryAt)
        #expect(try await stores.inbox.claim(route: .webhook, owner: "w", now: now, leaseDuration: .seconds(20), limit: 1).isEmpty)
        let second = try #require(try await stores.inbox.claim(
            route: .webhook, owner: "w", now: retryAt, leaseDuration: .seconds(20), limit: 1).first)
        #expect(second.attempt == 2)
        #expect(try await stores.inbox.markFailed(second, error: "HTTP 400", disposition: .dead, now: retryAt))
        #expect(try await stores.inbox.entry(message.id)?.state == .dead)
        #expect(try await stores.inbox.retry(message.id, now: retryAt))
        let revived = try #require(try await stores.inbox.entry(message.id))
        #expect(revived.state == .pending && revived.attempts == 0 && revived.nextAttemptAt == retryAt)
        #expect(!(try await stores.inbox.retry(message.id, now: retryAt)), "only dead messages are retried")
    }

    static func theInboxFindsCorrelatedMessages(_ stores: MessagingStoresUnderTest) async throws {
        let document = MessageID()
        // Created one second apart, received in the reverse order.
        let statuses = try (0..<3).map { index in
            try Self.message(
                payload: #"{"StatusCode":"0\#(index)"}"#, id: MessageID(date: now.addingTimeInterval(Double(index))),
                correlationID: document)
        }
        let unrelated = try Self.message(correlationID: MessageID())
        for message in statuses.reversed() + [unrelated] {
            _ = try await stores.inbox.store(message, receipt: Self.receipt(for: message), route: .client, now: now)
        }
        #expect(try await stores.inbox.correlated(with: document).map(\.message.id) == statuses.map(\.id))
        #expect(try await stores.inbox.correlated(with: MessageID()).isEmpty)
    }

    static func theInboxPurgesOnlyFinishedMessages(_ stores: MessagingStoresUnderTest) async throws {
        let acknowledged = try Self.message()
        let pending = try Self.message()
        for message in [acknowledged, pending] {
            _ = try await stores.inbox.store(message, receipt: Self.receipt(for: message), route: .client, now: now)
        }
        try await stores.inbox.acknowledge(acknowledged.id, now: now)
        #expect(try await stores.inbox.purge(finishedBefore: now) == 0)
        #expect(try await stores.inbox.purge(finishedBefore: now.addingTimeInterval(1)) == 1)
        #expect(try await stores.inbox.entry(acknowledged.id) == nil)
        #expect(try await stores.inbox.entry(pending.id)?.state == .pending)
        // A sequence is never handed out again, so cursors stay valid after a purge.
        let later = try Self.message()
        guard case .stored(let sequence) = try await stores.inbox.store(later, receipt: Self.receipt(for: later), route: .client, now: now)
        else {
            Issue.record("must be stored")
            return
        }
        #expect(sequence > (try await stores.inbox.entry(pending.id)?.sequence ?? .max))
    }

    static func concurrentRedeliveriesStoreOneMessage(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message()
        let inbox = stores.inbox
        let outcomes = try await withThrowingTaskGroup(of: InboxStoreOutcome.self) { group in
            for index in 0..<20 {
                group.addTask { try await inbox.store(message, receipt: Self.receipt(for: message, tag: "\(index)"), route: .client, now: now) }
            }
            return try await group.reduce(into: [InboxStoreOutcome]()) { $0.append($1) }
        }
        let stored = outcomes.filter { if case .stored = $0 { true } else { false } }
        #expect(stored.count == 1)
        let receipts = Set(outcomes.compactMap { outcome -> DeliveryReceipt? in
            if case .alreadyStored(let receipt) = outcome { return receipt } else { return nil }
        })
        #expect(receipts.count == 1, "every re-delivery gets the same receipt")
        #expect(receipts.first == (try await inbox.entry(message.id))?.receipt)
    }

    // MARK: - Audit records written with the change

    /// An audit entry about `message`, as the gateway writes one.
    static func auditEntry(for message: StoredMessage, outcome: String) -> AuditEntry {
        AuditEntry(
            messageID: message.id, direction: .outbound, from: message.from, to: message.to, service: message.service,
            outcome: outcome, payloadDigest: message.payloadDigest, jws: message.jws, correlationID: message.correlationID,
            payload: message.payload, retention: .full)
    }

    static func anEnqueueAndItsAuditRecordAreOneWrite(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message()
        try await stores.outbox.enqueue(
            message, priority: .normal, client: nil, now: now, audit: [auditEntry(for: message, outcome: "queued")])
        #expect(try await stores.auditLog.records(for: message.id).map(\.entry.outcome) == ["queued"])
        await #expect(throws: MessagingStoreError.self) {
            try await stores.outbox.enqueue(
                message, priority: .normal, client: nil, now: now, audit: [auditEntry(for: message, outcome: "queued")])
        }
        #expect(try await stores.auditLog.records(for: message.id).count == 1, "a refused duplicate records nothing")
        #expect(try await stores.auditLog.verify() == .intact(records: 1))
    }

    static func aReceiptAndItsAuditRecordsAreOneWrite(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message()
        try await stores.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        let claim = try #require(try await claimAll(stores.outbox).first)
        let records = [auditEntry(for: message, outcome: "delivered"), auditEntry(for: message, outcome: "receipt")]
        #expect(try await stores.outbox.markDelivered(claim, receipt: Self.receipt(for: message), now: now, audit: records))
        #expect(!(try await stores.outbox.markDelivered(claim, receipt: Self.receipt(for: message), now: now, audit: records)))
        #expect(
            try await stores.auditLog.records(for: message.id).map(\.entry.outcome) == ["delivered", "receipt"],
            "a second receipt for a delivered message records nothing")
    }

    static func theInboxRecordsAStoredMessageNotARedelivery(_ stores: MessagingStoresUnderTest) async throws {
        let message = try Self.message(from: province)
        let records = [auditEntry(for: message, outcome: "stored"), auditEntry(for: message, outcome: "receipt")]
        let first = Self.receipt(for: message)
        _ = try await stores.inbox.store(message, receipt: first, route: .client, now: now, audit: records)
        let again = try await stores.inbox.store(
            message, receipt: Self.receipt(for: message, tag: "again"), route: .client, now: now, audit: records)
        #expect(again == .alreadyStored(first))
        var altered = message
        altered.payload = Array(#"{"subject":"khác"}"#.utf8)
        altered.payloadDigest = try Digest.sha256(altered.payload)
        _ = try await stores.inbox.store(altered, receipt: Self.receipt(for: altered), route: .client, now: now, audit: records)
        #expect(try await stores.auditLog.records(for: message.id).map(\.entry.outcome) == ["stored", "receipt"])
    }

    /// Concurrent writes carrying records and plain appends interleave in one chain, with no
    /// sequence used twice or skipped.
    static func writesWithRecordsAndPlainAppendsKeepOneChain(_ stores: MessagingStoresUnderTest) async throws {
        let messages = try (0..<40).map { _ in try Self.message() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for message in messages {
                group.addTask {
                    try await stores.outbox.enqueue(
                        message, priority: .normal, client: nil, now: now, audit: [auditEntry(for: message, outcome: "queued")])
                }
                group.addTask { try await stores.auditLog.append(auditEntry(for: message, outcome: "noted")) }
            }
            try await group.waitForAll()
        }
        #expect(try await stores.auditLog.verify() == .intact(records: 80))
        for message in messages {
            #expect(Set(try await stores.auditLog.records(for: message.id).map(\.entry.outcome)) == ["queued", "noted"])
        }
    }

    static func reportsRecordOnlyWhenTheyChangeTheMessage(_ stores: MessagingStoresUnderTest) async throws {
        let sent = try Self.message()
        try await stores.outbox.enqueue(sent, priority: .normal, client: nil, now: now)
        let claim = try #require(try await claimAll(stores.outbox).first)
        let dead = [auditEntry(for: sent, outcome: "dead")]
        #expect(try await stores.outbox.markFailed(claim, error: "422", disposition: .dead, now: now, audit: dead))
        #expect(!(try await stores.outbox.markFailed(claim, error: "422", disposition: .dead, now: now, audit: dead)))
        #expect(try await stores.auditLog.records(for: sent.id).map(\.entry.outcome) == ["dead"])

        let received = try Self.message(from: province)
        _ = try await stores.inbox.store(received, receipt: Self.receipt(for: received), route: .adapter, now: now)
        let handOver = try #require(
            try await stores.inbox.claim(route: .adapter, owner: "worker", now: now, leaseDuration: .seconds(30), limit: 1).first)
        let processed = [auditEntry(for: received, outcome: "processed")]
        #expect(try await stores.inbox.markProcessed(handOver, now: now, audit: processed))
        #expect(!(try await stores.inbox.markProcessed(handOver, now: now, audit: processed)), "a stale report")
        #expect(!(try await stores.inbox.markFailed(handOver, error: "x", disposition: .dead, now: now, audit: processed)))
        #expect(try await stores.auditLog.records(for: received.id).map(\.entry.outcome) == ["processed"])
        #expect(try await stores.auditLog.verify() == .intact(records: 2))
    }
}
