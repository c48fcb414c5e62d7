import Foundation
import LienthongCore

/// Reads the `Lienthong-*` headers of a message into an envelope around its payload (400 when a
/// header is missing or malformed).
public struct EnvelopeReader: Sendable {
    public init() {}

    public func read(_ message: HTTPMessage, payload: [UInt8]) throws(Problem) -> Envelope {
        let id = try field(message, HeaderName.messageID) { text throws(IdentifierError) in try MessageID(parsing: text) }
        let service = try field(message, HeaderName.service) { text throws(IdentifierError) in try ServiceID(parsing: text) }
        let from = try field(message, HeaderName.from) { text throws(IdentifierError) in try AgencyCode(parsing: text) }
        let to = try field(message, HeaderName.to) { text throws(IdentifierError) in try AgencyCode(parsing: text) }
        guard let createdText = message[header: HeaderName.created] else {
            throw .badHeader("\(HeaderName.created) is missing")
        }
        guard let created = Timestamp.parse(createdText) else {
            throw .badHeader("\(HeaderName.created) \"\(createdText)\" is not an RFC 3339 time")
        }
        var correlationID: MessageID?
        if message[header: HeaderName.correlationID] != nil {
            correlationID = try field(message, HeaderName.correlationID) { text throws(IdentifierError) in
                try MessageID(parsing: text)
            }
        }
        return Envelope(
            id: id, from: from, to: to, service: service, created: created, correlationID: correlationID,
            contentType: "application/json", payload: payload)
    }

    private func field<Value>(
        _ message: HTTPMessage, _ name: String, _ parse: (String) throws(IdentifierError) -> Value
    ) throws(Problem) -> Value {
        guard let text = message[header: name] else { throw .badHeader("\(name) is missing") }
        do { return try parse(text) } catch { throw .badHeader("\(name): \(error)") }
    }
}
