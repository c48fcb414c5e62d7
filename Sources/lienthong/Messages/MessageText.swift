import Foundation
import LienthongCore
import LienthongStore

/// How `lienthong messages` prints entries.
enum MessageText {
    static func outboxLine(_ entry: OutboxEntry) -> String {
        let message = entry.message
        var columns = [
            message.id.rawValue, entry.state.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0),
            "→ \(message.to)", message.service.rawValue, "attempts \(entry.attempts)",
        ]
        if let next = entry.nextAttemptAt, entry.state == .sending || entry.state == .accepted {
            columns.append("next \(AuditRecordText.time(next))")
        }
        if let error = entry.lastError, entry.state != .delivered { columns.append("last error: \(error)") }
        return columns.joined(separator: "  ")
    }

    static func inboxLine(_ entry: InboxEntry) -> String {
        let message = entry.message
        var columns = [
            message.id.rawValue, entry.state.rawValue, entry.route.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0),
            "← \(message.from)", message.service.rawValue, "attempts \(entry.attempts)",
        ]
        if let error = entry.lastError { columns.append("last error: \(error)") }
        return columns.joined(separator: "  ")
    }

    static func outboxDetail(_ entry: OutboxEntry) -> String {
        let message = entry.message
        var lines = [
            "outbox message \(message.id)",
            "  status:      \(entry.state.rawValue)",
            "  route:       \(message.from) → \(message.to)",
            "  service:     \(message.service)",
            "  priority:    \(entry.priority.name)",
            "  client:      \(entry.client ?? "(none)")",
            "  accepted:    \(AuditRecordText.time(entry.acceptedAt))",
            "  attempts:    \(entry.attempts)",
        ]
        if let correlation = message.correlationID { lines.append("  correlates:  \(correlation)") }
        if let next = entry.nextAttemptAt, entry.state == .sending || entry.state == .accepted {
            lines.append("  next try:    \(AuditRecordText.time(next))")
        }
        if let finished = entry.finishedAt { lines.append("  finished:    \(AuditRecordText.time(finished))") }
        if let error = entry.lastError { lines.append("  last error:  \(error)") }
        lines.append("  payload:     \(message.payload.count) bytes, SHA-256 \(AuditRecordText.hex(message.payloadDigest))")
        lines.append("  jws:")
        lines.append(message.jws)
        if let receipt = entry.receipt {
            lines.append("receipt \(receipt.id) signed \(AuditRecordText.time(receipt.created))")
            lines.append("  payload:     \(String(decoding: receipt.payload, as: UTF8.self))")
            lines.append("  jws:")
            lines.append(receipt.jws)
        }
        return lines.joined(separator: "\n")
    }

    static func inboxDetail(_ entry: InboxEntry) -> String {
        let message = entry.message
        var lines = [
            "inbox message \(message.id) (cursor \(entry.sequence))",
            "  status:      \(entry.state.rawValue) (\(entry.route.rawValue))",
            "  route:       \(message.from) → \(message.to)",
            "  service:     \(message.service)",
            "  received:    \(AuditRecordText.time(entry.receivedAt))",
            "  attempts:    \(entry.attempts)",
        ]
        if let correlation = message.correlationID { lines.append("  correlates:  \(correlation)") }
        if let finished = entry.finishedAt { lines.append("  finished:    \(AuditRecordText.time(finished))") }
        if let error = entry.lastError { lines.append("  last error:  \(error)") }
        lines.append("  payload:     \(message.payload.count) bytes, SHA-256 \(AuditRecordText.hex(message.payloadDigest))")
        lines.append("  jws:")
        lines.append(message.jws)
        lines.append("receipt given \(entry.receipt.id)")
        lines.append("  jws:")
        lines.append(entry.receipt.jws)
        return lines.joined(separator: "\n")
    }
}
