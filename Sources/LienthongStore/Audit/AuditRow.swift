import Foundation
import LienthongCore

/// One audit row as stored: the hashed fields and the stored hash, read strictly by storage class.
package struct AuditRow: Sendable {
    package var fields: AuditHashInput
    package var storedHash: [UInt8]

    package init(fields: AuditHashInput, storedHash: [UInt8]) {
        self.fields = fields
        self.storedHash = storedHash
    }

    /// Reads a row selected with `AuditSQL.columns`.
    init(_ row: SQLiteRow) throws(SQLiteError) {
        fields = AuditHashInput(
            sequence: try row.int64(0),
            timeMilliseconds: try row.int64(1),
            messageID: try row.textBytes(2),
            direction: try row.textBytes(3),
            from: try row.textBytes(4),
            to: try row.textBytes(5),
            service: try row.textBytes(6),
            outcome: try row.textBytes(7),
            payloadDigest: try row.blob(8),
            jws: try row.optionalTextBytes(9),
            correlationID: try row.optionalTextBytes(10),
            retention: try row.textBytes(11),
            payload: try row.optionalBlob(12),
            previousHash: try row.blob(13))
        storedHash = try row.blob(14)
    }

    /// The typed record; fails with a readable reason if a column no longer parses.
    package func record() throws(StoreError) -> AuditRecord {
        let sequence = fields.sequence
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        func parse<T>(_ what: String, _ bytes: [UInt8], _ make: (String) throws -> T?) throws(StoreError) -> T {
            let value: T?
            do { value = try make(text(bytes)) } catch {
                throw .unreadableAuditRecord(sequence: sequence, reason: "\(what): \(error)")
            }
            guard let value else {
                throw .unreadableAuditRecord(sequence: sequence, reason: "\(what) \"\(text(bytes))\" is not valid")
            }
            return value
        }
        let entry = AuditEntry(
            messageID: try parse("message id", fields.messageID) { try MessageID(parsing: $0) },
            direction: try parse("direction", fields.direction) { AuditDirection(rawValue: $0) },
            from: try parse("from", fields.from) { try AgencyCode(parsing: $0) },
            to: try parse("to", fields.to) { try AgencyCode(parsing: $0) },
            service: try parse("service", fields.service) { try ServiceID(parsing: $0) },
            outcome: text(fields.outcome),
            payloadDigest: fields.payloadDigest,
            jws: fields.jws.map(text),
            correlationID: try fields.correlationID.map { bytes throws(StoreError) in
                try parse("correlation id", bytes) { try MessageID(parsing: $0) }
            },
            payload: fields.payload,
            retention: try parse("retention", fields.retention) { PayloadRetention(rawValue: $0) })
        return AuditRecord(
            sequence: sequence, time: AuditTime.date(milliseconds: fields.timeMilliseconds), entry: entry,
            previousHash: fields.previousHash, hash: storedHash)
    }
}

/// Record times are kept to the millisecond, so a record read back equals the one appended.
package enum AuditTime {
    package static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    package static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
