import Foundation
import LienthongCore
import LienthongStore

/// An audit log in memory (tests only): records in order, no hashing beyond numbering.
actor InMemoryAuditLog: AuditLog {
    private(set) var entries: [AuditEntry] = []

    @discardableResult
    func append(_ entry: AuditEntry) async throws -> AuditRecord {
        entries.append(entry)
        return AuditRecord(
            sequence: Int64(entries.count), time: Date(), entry: entry, previousHash: [], hash: [])
    }

    func records(for messageID: MessageID) async throws -> [AuditRecord] {
        entries.enumerated()
            .filter { $0.element.messageID == messageID || $0.element.correlationID == messageID }
            .map { AuditRecord(sequence: Int64($0.offset + 1), time: Date(), entry: $0.element, previousHash: [], hash: []) }
    }

    func verify() async throws -> AuditVerification { .intact(records: Int64(entries.count)) }
}

/// A replay guard in memory (tests only).
actor InMemoryReplayGuard: ReplayGuard {
    private var seen: Set<String> = []

    func firstSighting(of id: MessageID, from sender: AgencyCode, at time: Date, retention: Duration) async throws -> Bool {
        seen.insert("\(sender.rawValue) \(id.rawValue)").inserted
    }
}
