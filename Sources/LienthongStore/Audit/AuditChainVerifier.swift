/// Walks the chain one record at a time, remembering only the last sequence and hash, and stops at
/// the first record that does not check out.
package struct AuditChainVerifier: Sendable {
    /// The sequence of the last record that checked out (0 before the first).
    package private(set) var lastSequence: Int64 = 0
    private var lastHash: [UInt8] = AuditHash.genesis

    /// Checks the next stored record; returns the break it shows, if any.
    package init() {}

    package mutating func check(_ row: AuditRow) throws -> AuditVerification? {
        let sequence = row.fields.sequence
        if sequence != lastSequence + 1 {
            return .broken(sequence: lastSequence + 1, reason: AuditBreak.missing)
        }
        if try AuditHash.hash(of: row.fields) != row.storedHash {
            return .broken(sequence: sequence, reason: AuditBreak.contents)
        }
        if row.fields.previousHash != lastHash {
            return .broken(sequence: sequence, reason: AuditBreak.link(to: lastSequence))
        }
        lastSequence = sequence
        lastHash = row.storedHash
        return nil
    }

    /// After the last stored record: the chain must reach `expectedLast`.
    package func finish(expectedLast: Int64) -> AuditVerification {
        if lastSequence < expectedLast {
            return .broken(sequence: lastSequence + 1, reason: AuditBreak.missing)
        }
        return .intact(records: lastSequence)
    }
}

/// The reasons `verify()` gives, worded for `lienthong audit verify`.
package enum AuditBreak {
    package static let missing = "the record is missing"
    package static let contents = "stored hash does not match its contents"
    package static func link(to previous: Int64) -> String {
        previous == 0 ? "previous hash is not the zero hash of the first record" : "previous hash does not match record \(previous)"
    }
    static func unreadable(_ error: SQLiteError) -> String { unreadable(error.message) }
    package static func unreadable(_ message: String) -> String { "cannot be read: \(message)" }
}

extension AuditVerification: CustomStringConvertible {
    /// `audit trail intact: N records` or `audit trail broken at record N: reason`.
    public var description: String {
        switch self {
        case .intact(let records): "audit trail intact: \(records) record\(records == 1 ? "" : "s")"
        case .broken(let sequence, let reason): "audit trail broken at record \(sequence): \(reason)"
        }
    }
}
