import ArgumentParser
import Foundation
import LienthongCore
import LienthongStore

/// `lienthong audit show ID`: the records of one message, and of the responses answering it.
struct AuditShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the audit records of a message (and of the responses that answer it).",
        discussion: """
            Each record's JWS is printed alone on the line after "jws:", so it can be copied \
            into a file and checked with `lienthong verify`.
            """)

    @Argument(help: "The message id (a UUIDv7, as in Lienthong-Message-Id).")
    var id: String

    @OptionGroup var data: AuditDataOptions

    func run() async throws {
        let messageID: MessageID
        do { messageID = try MessageID(parsing: id) } catch { throw CommandFailure(error.description) }
        let store = try await data.openStore()
        let records: [AuditRecord]
        do {
            records = try await store.auditLog.records(for: messageID)
        } catch {
            await store.close()
            throw CommandFailure("cannot read the audit records of \(messageID): \(error)")
        }
        await store.close()
        guard !records.isEmpty else { throw CommandFailure("no audit records for message \(messageID)") }
        print(records.map(AuditRecordText.render).joined(separator: "\n"))
    }
}

/// How `audit show` prints one record.
enum AuditRecordText {
    static func render(_ record: AuditRecord) -> String {
        let entry = record.entry
        var lines = [
            "record \(record.sequence)",
            "  time:        \(time(record.time))",
            "  message:     \(entry.messageID)",
            "  direction:   \(entry.direction.rawValue)",
            "  route:       \(entry.from) → \(entry.to)",
            "  service:     \(entry.service)",
            "  outcome:     \(entry.outcome)",
            "  digest:      \(hex(entry.payloadDigest))",
        ]
        if let correlation = entry.correlationID { lines.append("  answers:     \(correlation)") }
        lines.append("  payload:     \(entry.payload.map { "\($0.count) bytes kept" } ?? "not kept") (retention \(entry.retention.rawValue))")
        lines.append("  hash:        \(hex(record.hash))")
        lines.append("  jws:")
        // A later record about a message (delivered, processed, dead) does not repeat its JWS.
        lines.append(entry.jws ?? "(none: the record that queued or stored this message has its JWS)")
        return lines.joined(separator: "\n")
    }

    /// RFC 3339 in UTC with milliseconds, the precision records are kept at.
    static func time(_ date: Date) -> String {
        let seconds = Timestamp.format(date)
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        let fraction = String(milliseconds + 1000).dropFirst()
        return seconds.dropLast() + "." + fraction + "Z"
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
