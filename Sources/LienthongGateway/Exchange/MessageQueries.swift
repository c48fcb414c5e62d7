import Foundation
import LienthongCore
import LienthongSchema
import LienthongStore
import Logging

/// The read side of asynchronous messaging on the local API: a sent message's status
/// (`GET /v1/messages/{id}`), the inbox (`GET /v1/inbox?after=&limit=`) and its acknowledgement
/// (`DELETE /v1/inbox/{id}`, or `POST /v1/inbox/{id}/ack`). A client sees only the messages it
/// submitted and, in the inbox, only services it is allowed.
public struct MessageQueries: Sendable {
    public let authentication: ClientAuthentication
    public let outbox: any Outbox
    public let inbox: any Inbox
    public let certificates: SignerCertificates
    public let logger: Logger

    /// The most inbox messages one page returns.
    public static let maximumPage = 500

    public init(
        authentication: ClientAuthentication, outbox: any Outbox, inbox: any Inbox, certificates: SignerCertificates, logger: Logger
    ) {
        self.authentication = authentication
        self.outbox = outbox
        self.inbox = inbox
        self.certificates = certificates
        self.logger = logger
    }

    /// `GET /v1/messages/{id}`.
    public func status(_ message: HTTPMessage, id idText: String, certificateAgency: AgencyCode? = nil) async -> HTTPAnswer {
        do throws(Problem) {
            let client = try authentication.authenticate(message, certificateAgency: certificateAgency)
            guard let id = try? MessageID(parsing: idText) else { throw .unknownMessage("\"\(idText)\" is not a message id") }
            let entry: OutboxEntry?
            let updates: [InboxEntry]
            do {
                entry = try await outbox.entry(id)
                updates = entry == nil ? [] : try await inbox.correlated(with: id)
            } catch {
                throw .storeUnavailable("cannot read the outbox: \(error)")
            }
            guard let entry, entry.client == nil || entry.client == client.name else {
                throw .unknownMessage("no message \(id) was sent by client \(client.name)")
            }
            return try Self.json(MessageStatusJSON.status(entry, updates: try await withSignerCertificates(updates)))
        } catch {
            return HTTPAnswer(problem: error)
        }
    }

    /// `GET /v1/inbox?after=CURSOR&limit=N`: pending messages for services the client may use.
    public func inboxPage(_ message: HTTPMessage, query: [String: String], certificateAgency: AgencyCode? = nil) async -> HTTPAnswer {
        do throws(Problem) {
            let client = try authentication.authenticate(message, certificateAgency: certificateAgency)
            let after = try Self.integer(query["after"], name: "after", default: 0, range: 0...Int64.max)
            let limit = Int(try Self.integer(query["limit"], name: "limit", default: 100, range: 1...Int64(Self.maximumPage)))
            let entries: [InboxEntry]
            do { entries = try await inbox.list(route: .client, after: after, limit: limit) } catch {
                throw .storeUnavailable("cannot read the inbox: \(error)")
            }
            // The cursor moves past what was scanned, also past messages this client may not see.
            let next = entries.last?.sequence ?? after
            let visible = entries.filter { client.allowedServices.contains($0.message.service) }
            let messages = try await withSignerCertificates(visible).map { entry, certificate throws(Problem) in
                try MessageStatusJSON.inboxMessage(entry, signerCertificate: certificate)
            }
            return try Self.json(.object(JSONObject([
                ("messages", .array(messages)),
                ("next", .number(JSONNumber(literal: String(next)))),
            ])))
        } catch {
            return HTTPAnswer(problem: error)
        }
    }

    /// Each entry with the certificate its signature names by thumbprint, from the audit trail.
    private func withSignerCertificates(_ entries: [InboxEntry]) async throws(Problem) -> [(InboxEntry, signerCertificate: String?)] {
        var paired: [(InboxEntry, signerCertificate: String?)] = []
        paired.reserveCapacity(entries.count)
        for entry in entries {
            do { paired.append((entry, try await certificates.base64Certificate(namedBy: entry.message.jws))) } catch {
                throw .storeUnavailable("cannot read the signer certificates from the audit trail: \(error)")
            }
        }
        return paired
    }

    /// `DELETE /v1/inbox/{id}`: 204 once acknowledged; 404 when unknown, not visible or already done.
    public func acknowledge(
        _ message: HTTPMessage, id idText: String, certificateAgency: AgencyCode? = nil, now: Date = Date()
    ) async -> HTTPAnswer {
        do throws(Problem) {
            let client = try authentication.authenticate(message, certificateAgency: certificateAgency)
            guard let id = try? MessageID(parsing: idText) else { throw .unknownMessage("\"\(idText)\" is not a message id") }
            let acknowledged: Bool
            do {
                guard let entry = try await inbox.entry(id), entry.route == .client,
                      client.allowedServices.contains(entry.message.service)
                else { throw Problem.unknownMessage("no message \(id) is waiting in the inbox for \(client.name)") }
                acknowledged = try await inbox.acknowledge(id, now: now)
            } catch let problem as Problem {
                throw problem
            } catch {
                throw .storeUnavailable("cannot update the inbox: \(error)")
            }
            guard acknowledged else { throw .unknownMessage("message \(id) was already acknowledged") }
            return HTTPAnswer(status: 204, headers: [], body: [])
        } catch {
            return HTTPAnswer(problem: error)
        }
    }

    private static func json(_ value: JSONValue) throws(Problem) -> HTTPAnswer {
        HTTPAnswer(status: 200, headers: [("Content-Type", "application/json")], body: value.serializedBytes())
    }

    private static func integer(_ text: String?, name: String, default value: Int64, range: ClosedRange<Int64>) throws(Problem) -> Int64 {
        guard let text else { return value }
        guard let number = Int64(text), range.contains(number) else {
            throw Problem(
                name: "bad-query", title: "A query parameter is malformed", status: 400,
                detail: "\(name) must be an integer in \(range.lowerBound)…\(range.upperBound), found \"\(text)\"")
        }
        return number
    }
}
