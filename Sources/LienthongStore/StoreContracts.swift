import Foundation
import LienthongCore

/// CONTRACT between the gateway and the store. The gateway codes against these protocols; the
/// store module implements them on SQLite (and later PostgreSQL).

/// Which way a message went, seen from this gateway.
public enum AuditDirection: String, Sendable, Hashable, Codable {
    case inbound
    case outbound
}

/// What to keep of a message body in the audit trail (configurable per service).
public enum PayloadRetention: String, Sendable, Hashable, Codable {
    /// The payload bytes are stored with the record.
    case full
    /// Only the digest is stored.
    case metadata
    /// Neither bytes nor digest beyond what the chain needs: the digest of an empty body is
    /// recorded so the record still chains.
    case none
}

/// What the gateway asks the audit trail to record about one message in or out.
public struct AuditEntry: Sendable, Hashable {
    public var messageID: MessageID
    public var direction: AuditDirection
    public var from: AgencyCode
    public var to: AgencyCode
    public var service: ServiceID
    /// A short, stable outcome: `accepted`, `answered`, `delivered`, or `rejected:<problem type>`.
    public var outcome: String
    /// SHA-256 of the payload bytes exactly as signed.
    public var payloadDigest: [UInt8]
    /// The compact detached JWS that signed the message, when there is one.
    public var jws: String?
    /// The id of the request this message answers (responses), if any.
    public var correlationID: MessageID?
    public var payload: [UInt8]?
    public var retention: PayloadRetention

    public init(
        messageID: MessageID, direction: AuditDirection, from: AgencyCode, to: AgencyCode, service: ServiceID,
        outcome: String, payloadDigest: [UInt8], jws: String?, correlationID: MessageID? = nil,
        payload: [UInt8]? = nil, retention: PayloadRetention = .metadata
    ) {
        self.messageID = messageID
        self.direction = direction
        self.from = from
        self.to = to
        self.service = service
        self.outcome = outcome
        self.payloadDigest = payloadDigest
        self.jws = jws
        self.correlationID = correlationID
        self.payload = payload
        self.retention = retention
    }
}

/// One record of the hash-chained audit trail.
public struct AuditRecord: Sendable, Hashable {
    /// 1, 2, 3, … without gaps.
    public var sequence: Int64
    public var time: Date
    public var entry: AuditEntry
    /// SHA-256 of the previous record (32 zero bytes for the first).
    public var previousHash: [UInt8]
    /// SHA-256 over this record's canonical encoding, which includes `previousHash`.
    public var hash: [UInt8]

    public init(sequence: Int64, time: Date, entry: AuditEntry, previousHash: [UInt8], hash: [UInt8]) {
        self.sequence = sequence
        self.time = time
        self.entry = entry
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// The outcome of recomputing the chain.
public enum AuditVerification: Sendable, Hashable {
    case intact(records: Int64)
    /// The first record whose stored hash, previous hash or sequence does not match, and why.
    case broken(sequence: Int64, reason: String)
}

/// The tamper-evident audit trail.
public protocol AuditLog: Sendable {
    /// Appends a record, chaining it to the last one; durable when this returns.
    @discardableResult
    func append(_ entry: AuditEntry) async throws -> AuditRecord
    /// Appends `entries` as consecutive records in one durable write (a request and its answer,
    /// say), so that an exchange waits for one commit instead of one per record.
    @discardableResult
    func append(contentsOf entries: [AuditEntry]) async throws -> [AuditRecord]
    /// Every record about `messageID` (as the message or as the request it answers), in order.
    func records(for messageID: MessageID) async throws -> [AuditRecord]
    /// Up to `limit` records after sequence `after`, in order: pages through the whole trail.
    func records(after sequence: Int64, limit: Int) async throws -> [AuditRecord]
    /// Recomputes the whole chain.
    func verify() async throws -> AuditVerification
    /// Keeps a certificate that audited JWS name by `x5t#S256`, so that `audit show` can print
    /// it beside them. Kept by thumbprint (base64url SHA-256 of the DER); keeping it again does
    /// nothing. The certificates need no chain of their own: a signed header holds the digest.
    /// Durable when this returns.
    func keepCertificate(_ der: [UInt8]) async throws
    /// The kept certificate (DER) with this `x5t#S256` thumbprint, if any.
    func certificate(thumbprint: String) async throws -> [UInt8]?
}

extension AuditLog {
    /// Appends one record at a time: correct for any store, but one durable write per record.
    @discardableResult
    public func append(contentsOf entries: [AuditEntry]) async throws -> [AuditRecord] {
        var records: [AuditRecord] = []
        records.reserveCapacity(entries.count)
        for entry in entries { records.append(try await append(entry)) }
        return records
    }
}

/// Remembers message ids so that a replayed message is refused, across restarts.
public protocol ReplayGuard: Sendable {
    /// Records `id` as seen from `sender` at `time`. Returns false when it was already seen (a
    /// replay). Ids older than `retention` may be forgotten: messages that old are refused by the
    /// `Created` window anyway.
    ///
    /// The sighting is visible at once (to every replica) and survives the process being killed,
    /// but it is flushed to disk with the store's next durable write instead of one of its own:
    /// the gateway audits every message it answers or refuses, durably, before the answer leaves,
    /// so an id is on disk before anyone learns the message was taken. Only a message that got no
    /// answer can be lost to a power failure, and its sender sends it again anyway.
    func firstSighting(of id: MessageID, from sender: AgencyCode, at time: Date, retention: Duration) async throws -> Bool
}
