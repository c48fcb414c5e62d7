import Foundation
import LienthongCore
import LienthongSchema
import LienthongStore

/// The JSON documents of the asynchronous local API, built from store entries.
enum MessageStatusJSON {
    /// `{"id", "service", "from", "to", "status", "priority", "attempts", "acceptedAt", "nextAttemptAt"?,
    /// "lastError"?, "finishedAt"?, "correlationId"?, "receipt"?, "updates"}`; each update with the
    /// certificate its signature names by thumbprint, if any.
    static func status(_ entry: OutboxEntry, updates: [(InboxEntry, signerCertificate: String?)]) throws(Problem) -> JSONValue {
        let message = entry.message
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(message.id.rawValue)), ("service", .string(message.service.rawValue)),
            ("from", .string(message.from.rawValue)), ("to", .string(message.to.rawValue)),
            ("status", .string(entry.state.rawValue)), ("priority", .string(entry.priority.name)),
            ("attempts", .number(JSONNumber(entry.attempts))), ("acceptedAt", time(entry.acceptedAt)),
        ]
        if let correlationID = message.correlationID { members.append(("correlationId", .string(correlationID.rawValue))) }
        if let next = entry.nextAttemptAt, entry.state == .accepted || entry.state == .sending {
            members.append(("nextAttemptAt", time(next)))
        }
        if let lastError = entry.lastError { members.append(("lastError", .string(lastError))) }
        if let finished = entry.finishedAt { members.append(("finishedAt", time(finished))) }
        if let receipt = entry.receipt {
            members.append(("receipt", .object(JSONObject([
                ("id", .string(receipt.id.rawValue)), ("created", time(receipt.created)),
                ("payload", try payload(receipt.payload)), ("signature", .string(receipt.jws)),
            ]))))
        }
        var updateMessages: [JSONValue] = []
        for (update, certificate) in updates { updateMessages.append(try inboxMessage(update, signerCertificate: certificate)) }
        members.append(("updates", .array(updateMessages)))
        return .object(JSONObject(members))
    }

    /// One received message: `{"cursor", "id", "service", "from", "to", "created", "receivedAt",
    /// "correlationId"?, "payload", "signature", "signerCertificate"?}`. `signerCertificate` (base64
    /// DER) is there when the signature names its certificate by `x5t#S256` instead of carrying it.
    static func inboxMessage(_ entry: InboxEntry, signerCertificate: String?) throws(Problem) -> JSONValue {
        let message = entry.message
        var members: [(key: String, value: JSONValue)] = [
            ("cursor", .number(JSONNumber(literal: String(entry.sequence)))), ("id", .string(message.id.rawValue)),
            ("service", .string(message.service.rawValue)), ("from", .string(message.from.rawValue)),
            ("to", .string(message.to.rawValue)), ("created", time(message.created)), ("receivedAt", time(entry.receivedAt)),
        ]
        if let correlationID = message.correlationID { members.append(("correlationId", .string(correlationID.rawValue))) }
        members.append(("payload", try payload(message.payload)))
        members.append(("signature", .string(message.jws)))
        if let signerCertificate { members.append(("signerCertificate", .string(signerCertificate))) }
        return .object(JSONObject(members))
    }

    static func time(_ date: Date) -> JSONValue { .string(Timestamp.format(date)) }

    /// Stored payloads were verified JSON when stored; one that no longer parses is a store fault.
    private static func payload(_ bytes: [UInt8]) throws(Problem) -> JSONValue {
        do { return try JSONParser.parse(bytes) } catch { throw .internalError("a stored payload is not JSON: \(error)") }
    }
}
