import Foundation
import LienthongCore

/// Reads one row of `InboxSQL.columns` back into an entry.
enum InboxRow {
    static func entry(_ row: SQLiteRow) throws -> InboxEntry {
        let read = MessagingRowReader(row: row, table: "inbox_messages")
        let message = StoredMessage(
            id: try read.messageID(1), from: try read.agency(2), to: try read.agency(3), service: try read.service(4),
            created: try read.date(5), correlationID: try read.optionalMessageID(6), payload: try row.blob(7),
            jws: try row.text(8), payloadDigest: try row.blob(9))
        let receipt = DeliveryReceipt(
            id: try read.messageID(10), created: try read.date(11), payload: try row.blob(12), jws: try row.text(13))
        return InboxEntry(
            sequence: try row.int64(0), message: message, receipt: receipt,
            route: try read.enumeration(14, as: InboxRoute.self), state: try read.enumeration(15, as: InboxState.self),
            receivedAt: try read.date(16), attempts: try read.count(17), nextAttemptAt: try read.optionalDate(18),
            lastError: try row.optionalText(19), finishedAt: try read.optionalDate(20))
    }
}
