import Foundation
import LienthongCore

/// Reads one row of `OutboxSQL.columns` back into an entry, and its lease.
enum OutboxRow {
    static func entry(_ row: SQLiteRow) throws -> (entry: OutboxEntry, leaseOwner: String?, leaseExpires: Date?) {
        let read = MessagingRowReader(row: row, table: "outbox_messages")
        let message = StoredMessage(
            id: try read.messageID(0), from: try read.agency(1), to: try read.agency(2), service: try read.service(3),
            created: try read.date(4), correlationID: try read.optionalMessageID(5), payload: try row.blob(6),
            jws: try row.text(7), payloadDigest: try row.blob(8))
        guard let priority = MessagePriority(rawValue: Int(try row.int64(9))) else {
            throw read.unreadable("priority is \(try row.int64(9))")
        }
        var receipt: DeliveryReceipt?
        if !row.isNull(16) {
            receipt = DeliveryReceipt(
                id: try read.messageID(16), created: try read.date(17), payload: try row.blob(18), jws: try row.text(19))
        }
        let entry = OutboxEntry(
            message: message, priority: priority, client: try row.optionalText(10),
            state: try read.enumeration(11, as: OutboxState.self), attempts: try read.count(12),
            acceptedAt: try read.date(13), nextAttemptAt: try read.optionalDate(14), lastError: try row.optionalText(15),
            receipt: receipt, finishedAt: try read.optionalDate(20))
        return (entry, try row.optionalText(21), try read.optionalDate(22))
    }
}
