import Hummingbird
import LienthongCore
import LienthongSchema
import NIOCore

/// A fake of the national document exchange axis gateway (Trục liên thông văn bản quốc gia),
/// speaking edXML per QCVN 102:2016/BTTTT. Routes (all need `Authorization: Bearer <token>`):
///
/// - `POST /edxml/v1/messages` (`Content-Type: application/xml`): a document message. Answers
///   `{"status":"OK","DocId":…}`, or `{"status":"FAIL","ErrorCode":…,"ErrorDesc":…}` with 200 when
///   it cannot be delivered (unknown recipient) and with 400 when the message is invalid.
/// - `POST /edxml/v1/status`: a status message about a document the axis carried; `{"status":"OK"}`
///   or a FAIL as above (unknown document, sender not a recipient).
/// - `GET /edxml/v1/messages/{docId}/status`: the document and its status history.
/// - `GET /_mock/documents` (control, no token): `{"documents": {DocumentId: {"docId", "postings"}}}`
///   for every document posted, so a test can count deliveries per document.
///
/// Counts `edoc.send`, `edoc.send.rejected`, `edoc.send.failed`, `status.update`,
/// `status.update.rejected`, `status.update.failed`, `status.history`, `status.history.not-found`
/// and `unauthorized`.
public struct DocumentAxisMock: MockSystem {
    /// Default largest message; the real axis limits documents to a few tens of megabytes.
    public static let defaultMaxMessageBytes = 64 * 1024 * 1024

    public let name = "document-axis"
    /// Largest message accepted, attachments included; larger ones are answered 413.
    public let maxMessageBytes: Int
    private let tokens: Set<String>
    private let seededDocuments: [DocumentAxisSeed.Document]
    private let ledger: DocumentAxisLedger

    public init(seed: DocumentAxisSeed = .standard, maxMessageBytes: Int = DocumentAxisMock.defaultMaxMessageBytes) {
        tokens = seed.tokens
        seededDocuments = seed.documents
        ledger = DocumentAxisLedger(seed: seed)
        self.maxMessageBytes = maxMessageBytes
    }

    public func addRoutes(to router: Router<BasicRequestContext>, stats: MockStats) {
        router.post("/edxml/v1/messages") { request, _ in
            await receive(request, kind: "edoc.send", stats: stats) { bytes throws(AxisRefusal) in
                let document = try DocumentAxisMessages.document(bytes)
                let docID = try ledger.accept(document)
                return ["status": "OK", "DocId": .string(docID)]
            }
        }
        router.post("/edxml/v1/status") { request, _ in
            await receive(request, kind: "status.update", stats: stats) { bytes throws(AxisRefusal) in
                try ledger.record(try DocumentAxisMessages.status(bytes))
                return ["status": "OK"]
            }
        }
        // Control route (never faulted, no token): each document taken and how often it was posted.
        router.get("/_mock/documents") { _, _ in
            let documents = ledger.postings().map { posting -> (key: String, value: JSONValue) in
                (posting.documentID, ["docId": .string(posting.docID), "postings": .number(JSONNumber(posting.postings))])
            }
            return json(.ok, ["documents": .object(JSONObject(documents))])
        }
        router.get("/edxml/v1/messages/:docId/status") { request, context in
            guard isAuthorized(request) else {
                stats.count("unauthorized")
                return answer(.unauthorized, .invalid("E_UNAUTHORIZED", "a valid bearer token is required"))
            }
            guard let docID = context.parameters.get("docId"), let entry = ledger.entry(docID: docID) else {
                stats.count("status.history.not-found")
                return answer(.notFound, .undeliverable("E_DOCUMENT_UNKNOWN", "no document has this DocId"))
            }
            stats.count("status.history")
            return json(.ok, history(entry))
        }
    }

    /// The axis' own FAIL shape, for errors the mock server injects.
    public func internalErrorBody() -> JSONValue {
        ["status": "FAIL", "ErrorCode": "E_INTERNAL", "ErrorDesc": "Lỗi hệ thống trục liên thông văn bản, đề nghị gửi lại sau."]
    }

    /// The seeded documents (for status messages), the connected organisations and the token.
    public func samples() -> JSONValue {
        let documents: [JSONValue] = seededDocuments.map { document in
            ["DocId": .string(document.docID), "DocumentId": .string(document.documentID), "From": .string(document.from.rawValue),
             "To": .array(document.to.map { .string($0.rawValue) })]
        }
        return [
            "documents": .array(documents), "organs": .array(ledger.organs.sorted().map { .string($0.rawValue) }),
            "tokens": .array(tokens.sorted().map { .string($0) }),
        ]
    }

    /// Reads, checks and acts on one posted edXML message, answering as the axis does.
    private func receive(
        _ request: Request, kind: String, stats: MockStats,
        act: @Sendable ([UInt8]) throws(AxisRefusal) -> JSONValue
    ) async -> Response {
        guard isAuthorized(request) else {
            stats.count("unauthorized")
            return answer(.unauthorized, .invalid("E_UNAUTHORIZED", "a valid bearer token is required"))
        }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/xml") || contentType.hasPrefix("text/xml") else {
            stats.count("\(kind).rejected")
            return answer(.unsupportedMediaType, .invalid("E_CONTENT_TYPE", "send edXML as application/xml"))
        }
        let bytes: [UInt8]
        do {
            bytes = Array(buffer: try await request.body.collect(upTo: maxMessageBytes))
        } catch {
            stats.count("\(kind).rejected")
            return answer(.contentTooLarge, .invalid("E_TOO_LARGE", "messages are limited to \(maxMessageBytes) bytes"))
        }
        do {
            let result = try act(bytes)
            stats.count(kind)
            return json(.ok, result)
        } catch {
            stats.count(error.kind == .invalid ? "\(kind).rejected" : "\(kind).failed")
            return answer(error.kind == .invalid ? .badRequest : .ok, error)
        }
    }

    private func isAuthorized(_ request: Request) -> Bool {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return false }
        return tokens.contains(String(header.dropFirst("Bearer ".count)))
    }

    private func history(_ entry: DocumentAxisLedger.Entry) -> JSONValue {
        let statuses: [JSONValue] = entry.statuses.map { status in
            var members: [(key: String, value: JSONValue)] = [
                ("StatusCode", .string(status.statusCode)), ("From", .string(status.from.rawValue)),
                ("Timestamp", .string(status.timestamp)),
            ]
            if let description = status.description { members.append(("Description", .string(description))) }
            return .object(JSONObject(members))
        }
        return [
            "DocId": .string(entry.docID), "DocumentId": .string(entry.documentID), "From": .string(entry.from.rawValue),
            "To": .array(entry.to.map { .string($0.rawValue) }), "Trace": .array(entry.trace.map { .string($0.rawValue) }),
            "Statuses": .array(statuses),
        ]
    }

    private func answer(_ status: HTTPResponse.Status, _ refusal: AxisRefusal) -> Response {
        json(status, ["status": "FAIL", "ErrorCode": .string(refusal.code), "ErrorDesc": .string(refusal.reason)])
    }

    private func json(_ status: HTTPResponse.Status, _ body: JSONValue) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body.serialized())))
    }
}
