import Foundation
import LienthongCore

/// CONTRACT between the gateway and the store for guaranteed (asynchronous) delivery: the durable
/// outbox of messages this gateway sends and the inbox of messages it receives. The gateway codes
/// against these protocols; the store module implements them on SQLite, and the PostgreSQL store
/// implements the same protocols so that several gateway replicas can share one database.
///
/// Rules every implementation keeps (the conformance suite in Tests/LienthongStoreTests/Conformance
/// checks them):
/// - A call that changes state is durable when it returns (committed and synced).
/// - Times are stored with millisecond precision; values read back are truncated to milliseconds.
/// - Work is handed out under a *lease*: a claim names its owner (a worker of one replica) and
///   lasts until `leaseExpires`. A claim whose lease expired may be claimed again by anyone, so a
///   replica that dies mid-send leaves its work to the others. Each claim counts one attempt, and
///   the attempt number is the fencing token: a result reported for an older attempt is ignored.

// MARK: - Shared values

/// How urgent a message is: higher priorities are claimed first; within one priority, the message
/// due first goes first.
public enum MessagePriority: Int, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case low = 0
    case normal = 1
    case high = 2

    /// The lower-case name used in the API and configuration (`low`, `normal`, `high`).
    public var name: String {
        switch self {
        case .low: "low"
        case .normal: "normal"
        case .high: "high"
        }
    }

    /// The priority named `name`, or nil.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    public static func < (lhs: MessagePriority, rhs: MessagePriority) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A signed message as it is stored: the envelope values, the payload exactly as signed, and the
/// compact detached JWS over it. Enough to send it again, byte for byte, or to verify it later.
public struct StoredMessage: Sendable, Hashable {
    public var id: MessageID
    public var from: AgencyCode
    public var to: AgencyCode
    public var service: ServiceID
    /// The signed `Lienthong-Created` (second precision).
    public var created: Date
    /// The message this one relates to (e.g. the document a status update is about), if any.
    public var correlationID: MessageID?
    /// The payload bytes exactly as signed (before compression).
    public var payload: [UInt8]
    /// The compact detached JWS over `payload`.
    public var jws: String
    /// SHA-256 of `payload`; two messages with the same id and different digests conflict.
    public var payloadDigest: [UInt8]

    public init(
        id: MessageID, from: AgencyCode, to: AgencyCode, service: ServiceID, created: Date,
        correlationID: MessageID? = nil, payload: [UInt8], jws: String, payloadDigest: [UInt8]
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.service = service
        self.created = created
        self.correlationID = correlationID
        self.payload = payload
        self.jws = jws
        self.payloadDigest = payloadDigest
    }
}

/// The receiver's signed acknowledgement that it stored a message: proof of delivery.
///
/// It is a message of its own (its own id, from the receiver to the sender, correlated with the
/// delivered message, and with the delivered payload's digest in its signed header), so it can be
/// verified later from these values alone.
public struct DeliveryReceipt: Sendable, Hashable {
    /// The receipt's own message id.
    public var id: MessageID
    /// The receipt's signed `Lienthong-Created`: when the receiver stored the message.
    public var created: Date
    /// The receipt payload exactly as signed.
    public var payload: [UInt8]
    /// The receiver's compact detached JWS over `payload`.
    public var jws: String

    public init(id: MessageID, created: Date, payload: [UInt8], jws: String) {
        self.id = id
        self.created = created
        self.payload = payload
        self.jws = jws
    }
}

/// What a lease-holder reports when an attempt failed.
public enum FailureDisposition: Sendable, Hashable {
    /// Try again, not before this time.
    case retry(at: Date)
    /// Give up: the message goes to the dead state until an operator retries it.
    case dead
}

/// Errors of the messaging stores that are not the database's own.
public enum MessagingStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `enqueue` was given an id the outbox already holds.
    case duplicateMessage(MessageID)
    /// A stored row cannot be read back (a column was altered or corrupted).
    case unreadableRow(table: String, reason: String)

    public var description: String {
        switch self {
        case .duplicateMessage(let id): "the outbox already holds message \(id)"
        case .unreadableRow(let table, let reason): "a row of \(table) cannot be read: \(reason)"
        }
    }
}

// MARK: - Outbox

/// Where an outgoing message is in its delivery.
public enum OutboxState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stored, not yet tried.
    case accepted
    /// At least one attempt made (or one running); not yet delivered.
    case sending
    /// The receiver stored it and answered with a verified receipt.
    case delivered
    /// Given up after the configured attempts or age; an operator may retry it.
    case dead
}

/// One outgoing message and where its delivery stands.
public struct OutboxEntry: Sendable, Hashable {
    public var message: StoredMessage
    public var priority: MessagePriority
    /// The local client that submitted it (for authorising status queries), if known.
    public var client: String?
    public var state: OutboxState
    /// Attempts started so far (a claim counts one).
    public var attempts: Int
    /// When it was accepted into the outbox.
    public var acceptedAt: Date
    /// When it is next due (meaningful for `accepted` and `sending`).
    public var nextAttemptAt: Date?
    /// Why the last attempt failed, if it did.
    public var lastError: String?
    /// The receiver's receipt once `delivered`.
    public var receipt: DeliveryReceipt?
    /// When it reached `delivered` or `dead`.
    public var finishedAt: Date?

    public init(
        message: StoredMessage, priority: MessagePriority, client: String?, state: OutboxState, attempts: Int,
        acceptedAt: Date, nextAttemptAt: Date?, lastError: String?, receipt: DeliveryReceipt?, finishedAt: Date?
    ) {
        self.message = message
        self.priority = priority
        self.client = client
        self.state = state
        self.attempts = attempts
        self.acceptedAt = acceptedAt
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.receipt = receipt
        self.finishedAt = finishedAt
    }
}

/// What a delivery worker asks for when it wants work.
public struct OutboxClaimRequest: Sendable, Hashable {
    /// Who holds the lease: unique per worker of a replica (e.g. host, process id and worker index).
    public var owner: String
    /// The current time: due messages have `nextAttemptAt <= now`; leases expiring at or before it are free.
    public var now: Date
    /// How long the claim lasts; a message not reported on by then can be claimed again.
    public var leaseDuration: Duration
    /// The most messages to hand out.
    public var limit: Int
    /// How many more messages may be handed out per recipient (the per-peer concurrency limit minus
    /// what this worker already has in flight). Recipients not listed get `defaultRecipientCapacity`.
    public var recipientCapacity: [AgencyCode: Int]
    public var defaultRecipientCapacity: Int

    public init(
        owner: String, now: Date, leaseDuration: Duration, limit: Int, recipientCapacity: [AgencyCode: Int] = [:],
        defaultRecipientCapacity: Int = .max
    ) {
        self.owner = owner
        self.now = now
        self.leaseDuration = leaseDuration
        self.limit = limit
        self.recipientCapacity = recipientCapacity
        self.defaultRecipientCapacity = defaultRecipientCapacity
    }

    /// The capacity left for `recipient`.
    public func capacity(for recipient: AgencyCode) -> Int {
        recipientCapacity[recipient] ?? defaultRecipientCapacity
    }

    /// The most messages to `recipient` this claim may hand out: its capacity, within `limit`.
    public func limit(for recipient: AgencyCode) -> Int {
        max(0, min(capacity(for: recipient), limit))
    }
}

/// A message handed to a worker under a lease.
public struct OutboxClaim: Sendable, Hashable {
    public var entry: OutboxEntry
    /// The lease holder (the request's `owner`).
    public var owner: String
    /// This attempt's number (`entry.attempts` after the claim): the fencing token for reports.
    public var attempt: Int
    public var leaseExpires: Date

    public init(entry: OutboxEntry, owner: String, attempt: Int, leaseExpires: Date) {
        self.entry = entry
        self.owner = owner
        self.attempt = attempt
        self.leaseExpires = leaseExpires
    }
}

/// Which outgoing messages an operator wants to see.
public struct OutboxQuery: Sendable, Hashable {
    /// Only these states; empty for all.
    public var states: Set<OutboxState>
    public var recipient: AgencyCode?
    /// Only messages accepted after the message with this id (ids are time-ordered UUIDv7), for paging.
    public var after: MessageID?
    public var limit: Int

    public init(states: Set<OutboxState> = [], recipient: AgencyCode? = nil, after: MessageID? = nil, limit: Int = 100) {
        self.states = states
        self.recipient = recipient
        self.after = after
        self.limit = limit
    }
}

/// The durable outbox of messages this gateway sends asynchronously.
public protocol Outbox: Sendable {
    /// Stores `message` as `accepted`, due at `now`, and appends `audit` to the audit trail in the
    /// same transaction: the message is accepted with its records or not at all, for one commit.
    /// Durable on return: only then may the client be told `202`. Throws
    /// `MessagingStoreError.duplicateMessage` (and records nothing) when the id is already stored.
    func enqueue(
        _ message: StoredMessage, priority: MessagePriority, client: String?, now: Date, audit: [AuditEntry]
    ) async throws

    /// Hands out due messages (state `accepted` or `sending`, `nextAttemptAt <= now`, no live lease),
    /// highest priority first, then earliest due, then oldest; respecting the request's limits.
    /// Each claimed message moves to `sending`, counts one more attempt, and is leased to `owner`.
    /// Safe to call concurrently from several workers and replicas: a message is never leased twice.
    func claim(_ request: OutboxClaimRequest) async throws -> [OutboxClaim]

    /// Records the receipt: the message becomes `delivered`, and `audit` is appended to the audit
    /// trail in the same transaction. A receipt is proof whoever got it, so this succeeds for any
    /// lease holder as long as the message is not yet `delivered`; returns false (and records
    /// nothing) when it already was (or is unknown).
    @discardableResult
    func markDelivered(_ claim: OutboxClaim, receipt: DeliveryReceipt, now: Date, audit: [AuditEntry]) async throws -> Bool

    /// Records a failed attempt: `sending` again, due at the retry time, or `dead`; `audit` is
    /// appended in the same transaction when the row changes. Ignored (false, nothing recorded)
    /// unless the message is still leased to `claim.owner` for `claim.attempt`.
    @discardableResult
    func markFailed(
        _ claim: OutboxClaim, error: String, disposition: FailureDisposition, now: Date, audit: [AuditEntry]
    ) async throws -> Bool

    /// One message and where it stands, or nil when unknown (or purged).
    func entry(_ id: MessageID) async throws -> OutboxEntry?

    /// Messages matching `query`, oldest first.
    func list(_ query: OutboxQuery) async throws -> [OutboxEntry]

    /// Operator action: makes a `dead` (or waiting `sending`) message due at `now` with its attempt
    /// count reset, so it gets the full number of attempts again. False when it is unknown,
    /// delivered, or currently leased.
    @discardableResult
    func retry(_ id: MessageID, now: Date) async throws -> Bool

    /// Operator action: deletes `delivered` and `dead` messages finished before `cutoff` (only
    /// those states in `states`, which must not hold `accepted` or `sending`: nothing undelivered is
    /// ever purged). Returns how many were deleted.
    @discardableResult
    func purge(states: Set<OutboxState>, finishedBefore cutoff: Date) async throws -> Int

    /// How many messages are in each state (for health and metrics).
    func counts() async throws -> [OutboxState: Int]
}

// MARK: - Inbox

/// Who takes a received message from the inbox.
public enum InboxRoute: String, Sendable, Hashable, Codable, CaseIterable {
    /// A local system fetches it with `GET /v1/inbox` and acknowledges it.
    case client
    /// The service's adapter is called with it (a service this gateway provides).
    case adapter
    /// The gateway pushes it to the configured local webhook.
    case webhook
}

/// Where a received message is in its local hand-over.
public enum InboxState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting to be fetched, or to be handed to the adapter or webhook.
    case pending
    /// Acknowledged by the client, or handed over successfully.
    case done
    /// The adapter or webhook refused it for good, or kept failing past the limits.
    case dead
}

/// One received message with the receipt given for it.
public struct InboxEntry: Sendable, Hashable {
    /// Position in the inbox: strictly increasing in the order messages were stored; the paging cursor.
    public var sequence: Int64
    public var message: StoredMessage
    /// The receipt this gateway answered with (answered again, unchanged, to a re-delivery).
    public var receipt: DeliveryReceipt
    public var route: InboxRoute
    public var state: InboxState
    public var receivedAt: Date
    /// Hand-over attempts (adapter or webhook).
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastError: String?
    /// When it was acknowledged or handed over (or declared dead).
    public var finishedAt: Date?

    public init(
        sequence: Int64, message: StoredMessage, receipt: DeliveryReceipt, route: InboxRoute, state: InboxState,
        receivedAt: Date, attempts: Int, nextAttemptAt: Date?, lastError: String?, finishedAt: Date?
    ) {
        self.sequence = sequence
        self.message = message
        self.receipt = receipt
        self.route = route
        self.state = state
        self.receivedAt = receivedAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.finishedAt = finishedAt
    }
}

/// The answer of `Inbox.store`.
public enum InboxStoreOutcome: Sendable, Hashable {
    /// First time this id was received: stored, with this sequence; the given receipt stands.
    case stored(sequence: Int64)
    /// Already stored from the same sender with the same payload digest: answer again with this
    /// (the original) receipt.
    case alreadyStored(DeliveryReceipt)
    /// Already stored with a different payload digest or from another sender: a conflict, not a
    /// re-delivery.
    case conflict(storedDigest: [UInt8])
}

/// A received message handed to the adapter or webhook worker under a lease.
public struct InboxClaim: Sendable, Hashable {
    public var entry: InboxEntry
    public var owner: String
    /// This attempt's number: the fencing token for reports.
    public var attempt: Int
    public var leaseExpires: Date

    public init(entry: InboxEntry, owner: String, attempt: Int, leaseExpires: Date) {
        self.entry = entry
        self.owner = owner
        self.attempt = attempt
        self.leaseExpires = leaseExpires
    }
}

/// The durable inbox of messages this gateway received asynchronously, keyed by message id.
public protocol Inbox: Sendable {
    /// Stores `message` with the `receipt` about to be answered, unless its id is already stored
    /// (whatever the sender: ids are UUIDv7). When it is stored, `audit` is appended to the audit
    /// trail in the same transaction. Durable on return: only then may the receipt be sent.
    func store(
        _ message: StoredMessage, receipt: DeliveryReceipt, route: InboxRoute, now: Date, audit: [AuditEntry]
    ) async throws -> InboxStoreOutcome

    /// One received message, or nil.
    func entry(_ id: MessageID) async throws -> InboxEntry?

    /// `pending` messages of `route` with a sequence above `after`, in sequence order.
    func list(route: InboxRoute, after: Int64, limit: Int) async throws -> [InboxEntry]

    /// Messages correlated with `id` (e.g. status updates about a sent document), in the order
    /// their sender created them: by message id, which for UUIDv7 ids starts with the creation
    /// time in milliseconds. Arrival order is not that order: deliveries run in parallel and retry.
    func correlated(with id: MessageID) async throws -> [InboxEntry]

    /// Marks a `pending` message of the `client` route `done`. False when unknown, not of that
    /// route, or already done.
    @discardableResult
    func acknowledge(_ id: MessageID, now: Date) async throws -> Bool

    /// Hands out due `pending` messages of `route` (adapter or webhook), oldest first, leased to
    /// `owner` until `now + leaseDuration`; each claim counts one attempt.
    func claim(route: InboxRoute, owner: String, now: Date, leaseDuration: Duration, limit: Int) async throws
        -> [InboxClaim]

    /// The hand-over succeeded: `done`, with `audit` appended in the same transaction. Ignored
    /// (false, nothing recorded) unless still leased to this claim's attempt.
    @discardableResult
    func markProcessed(_ claim: InboxClaim, now: Date, audit: [AuditEntry]) async throws -> Bool

    /// The hand-over failed: pending again at the retry time, or `dead`; `audit` is appended in the
    /// same transaction when the row changes. Ignored (false, nothing recorded) unless still
    /// leased to this claim's attempt.
    @discardableResult
    func markFailed(
        _ claim: InboxClaim, error: String, disposition: FailureDisposition, now: Date, audit: [AuditEntry]
    ) async throws -> Bool

    /// Operator action: a `dead` message becomes `pending`, due at `now`, with its attempts reset.
    @discardableResult
    func retry(_ id: MessageID, now: Date) async throws -> Bool

    /// Deletes `done` messages finished before `cutoff`. Ids stay known for `Inbox.store` only as
    /// long as they are kept, so the cutoff must lie beyond any sender's retry horizon.
    @discardableResult
    func purge(finishedBefore cutoff: Date) async throws -> Int
}

// MARK: - Without audit records

extension Outbox {
    /// `enqueue` with no audit record (tools and tests).
    public func enqueue(_ message: StoredMessage, priority: MessagePriority, client: String?, now: Date) async throws {
        try await enqueue(message, priority: priority, client: client, now: now, audit: [])
    }

    /// `markDelivered` with no audit record (tools and tests).
    @discardableResult
    public func markDelivered(_ claim: OutboxClaim, receipt: DeliveryReceipt, now: Date) async throws -> Bool {
        try await markDelivered(claim, receipt: receipt, now: now, audit: [])
    }

    /// `markFailed` with no audit record (tools and tests).
    @discardableResult
    public func markFailed(
        _ claim: OutboxClaim, error: String, disposition: FailureDisposition, now: Date
    ) async throws -> Bool {
        try await markFailed(claim, error: error, disposition: disposition, now: now, audit: [])
    }
}

extension Inbox {
    /// `store` with no audit record (tools and tests).
    public func store(
        _ message: StoredMessage, receipt: DeliveryReceipt, route: InboxRoute, now: Date
    ) async throws -> InboxStoreOutcome {
        try await store(message, receipt: receipt, route: route, now: now, audit: [])
    }

    /// `markProcessed` with no audit record (tools and tests).
    @discardableResult
    public func markProcessed(_ claim: InboxClaim, now: Date) async throws -> Bool {
        try await markProcessed(claim, now: now, audit: [])
    }

    /// `markFailed` with no audit record (tools and tests).
    @discardableResult
    public func markFailed(
        _ claim: InboxClaim, error: String, disposition: FailureDisposition, now: Date
    ) async throws -> Bool {
        try await markFailed(claim, error: error, disposition: disposition, now: now, audit: [])
    }
}
