import Foundation
import LienthongCore
import LienthongStore

/// An audit log in memory (tests only): records in order, no hashing beyond numbering.
actor InMemoryAuditLog: AuditLog {
    private(set) var entries: [AuditEntry] = []
    /// Kept certificates by thumbprint, and how many times a keep was asked for.
    private(set) var certificates: [String: [UInt8]] = [:]
    private(set) var certificateWrites = 0

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

    func records(after sequence: Int64, limit: Int) async throws -> [AuditRecord] {
        entries.enumerated().dropFirst(Int(max(0, min(sequence, Int64(entries.count))))).prefix(max(0, limit))
            .map { AuditRecord(sequence: Int64($0.offset + 1), time: Date(), entry: $0.element, previousHash: [], hash: []) }
    }

    func verify() async throws -> AuditVerification { .intact(records: Int64(entries.count)) }

    func keepCertificate(_ der: [UInt8]) async throws {
        certificateWrites += 1
        certificates[try AuditCertificate.thumbprint(of: der)] = der
    }

    func certificate(thumbprint: String) async throws -> [UInt8]? { certificates[thumbprint] }
}

extension AuditLog {
    /// Every record's entry, in order (tests read the whole trail of a gateway).
    func allEntries() async throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        while true {
            let page = try await records(after: Int64(entries.count), limit: 500)
            if page.isEmpty { return entries }
            entries += page.map(\.entry)
        }
    }
}

/// A replay guard in memory (tests only).
actor InMemoryReplayGuard: ReplayGuard {
    private var seen: Set<String> = []

    func firstSighting(of id: MessageID, from sender: AgencyCode, at time: Date, retention: Duration) async throws -> Bool {
        seen.insert("\(sender.rawValue) \(id.rawValue)").inserted
    }
}
