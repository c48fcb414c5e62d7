import AsyncHTTPClient
import DocumentAxisPlugin
import Foundation
import LienthongMocks
import LienthongSchema
import NIOCore
import Testing

@Suite("DocumentAxis mock")
struct DocumentAxisMockTests {
    let token = DocumentAxisSeed.developmentToken

    @Test("an accepted document gets a DocId, and its status history is served")
    func acceptAndHistory() async throws {
        let document = try #require(try DocumentAxisFixtures.documentExamples().first)
        let status = try #require(try DocumentAxisFixtures.statusExamples().first)
        try await DocumentAxisTestServer.withMock(seed: DocumentAxisSeed(tokens: [token], organs: DocumentAxisSeed.standard.organs)) { baseURL, stats in
            let sent = try await post(try EdXMLCodec.documentMessage(from: document), to: baseURL + "/edxml/v1/messages")
            #expect(sent.status == 200)
            #expect(sent.json[key: "status"] == "OK")
            let docID = try #require(sent.json[key: "DocId"]?.asString)

            let again = try await post(try EdXMLCodec.documentMessage(from: document), to: baseURL + "/edxml/v1/messages")
            #expect(again.json[key: "DocId"]?.asString == docID, "a re-delivery keeps its DocId")

            let reported = try await post(try EdXMLCodec.statusMessage(from: status), to: baseURL + "/edxml/v1/status")
            #expect(reported.status == 200)
            #expect(reported.json == ["status": "OK"])

            let history = try await get(baseURL + "/edxml/v1/messages/\(docID)/status")
            #expect(history.status == 200)
            #expect(history.json[key: "DocumentId"] == document[key: "MessageHeader"]?[key: "DocumentId"])
            #expect(history.json[key: "Statuses"]?[index: 0]?[key: "StatusCode"] == "03")
            #expect(history.json[key: "Statuses"]?[index: 0]?[key: "From"] == "000.00.00.G22")
            #expect(stats.snapshot() == ["edoc.send": 2, "status.update": 1, "status.history": 1])
        }
    }

    @Test("requests without a valid bearer token are refused with 401")
    func unauthorized() async throws {
        let document = try #require(try DocumentAxisFixtures.documentExamples().first)
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            let answer = try await post(try EdXMLCodec.documentMessage(from: document), to: baseURL + "/edxml/v1/messages", token: "wrong")
            #expect(answer.status == 401)
            #expect(answer.json[key: "ErrorCode"] == "E_UNAUTHORIZED")
            #expect(stats.snapshot() == ["unauthorized": 1])
        }
    }

    @Test("invalid messages are refused with 400 and the reason", arguments: [
        ("<!DOCTYPE x [<!ENTITY a \"a\">]><x>&a;</x>", "E_XML_DOCTYPE"),
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x/>", "E_XML_DOCTYPE"),
        ("<edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">", "E_XML_MALFORMED"),
        ("<edXMLEnvelope><edXMLHeader/></edXMLEnvelope>", "E_XML_NAMESPACE"),
        ("<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADw-!DOCTYPE x+AD4-<x/>", "E_XML_ENCODING"),
    ])
    func invalidXML(xml: String, code: String) async throws {
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            let answer = try await post(xml, to: baseURL + "/edxml/v1/messages")
            #expect(answer.status == 400)
            #expect(answer.json[key: "status"] == "FAIL")
            #expect(answer.json[key: "ErrorCode"]?.asString == code)
            #expect(stats.snapshot() == ["edoc.send.rejected": 1])
        }
    }

    @Test("bad organ ids, bad base64 and missing fields are refused with 400")
    func invalidContent() async throws {
        let document = try #require(try DocumentAxisFixtures.documentExamples().first)
        let xml = try EdXMLCodec.documentMessage(from: document)
        let cases = [
            (xml.replacingOccurrences(of: "<edXML:OrganId>000.00.00.G22</edXML:OrganId>", with: "<edXML:OrganId>vpcp</edXML:OrganId>"), "E_INVALID_ORGAN_ID"),
            (xml.replacingOccurrences(of: "JVBERi0xLjcKJeLjz9MK", with: "JVBERi0x!!cKJeLjz9MK"), "E_INVALID_BASE64"),
            (xml.replacingOccurrences(of: "<edXML:CodeNumber>1234</edXML:CodeNumber>", with: ""), "E_MISSING_FIELD"),
        ]
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            for (message, code) in cases {
                let answer = try await post(message, to: baseURL + "/edxml/v1/messages")
                #expect(answer.status == 400)
                #expect(answer.json[key: "ErrorCode"]?.asString == code)
            }
            #expect(stats.snapshot() == ["edoc.send.rejected": cases.count])
        }
    }

    @Test("a status about an unknown document is answered 200 FAIL")
    func unknownDocument() async throws {
        let status = try #require(try DocumentAxisFixtures.statusExamples().first)
        let unknown = DocumentAxisFixtures.replacing(["ResponseFor", "DocumentId"], in: status, with: "000.00.00.H41,2026/01/01,1/UBND")
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            let answer = try await post(try EdXMLCodec.statusMessage(from: unknown), to: baseURL + "/edxml/v1/status")
            #expect(answer.status == 200)
            #expect(answer.json[key: "ErrorCode"] == "E_DOCUMENT_UNKNOWN")
            let missing = try await get(baseURL + "/edxml/v1/messages/no-such-doc/status")
            #expect(missing.status == 404)
            #expect(stats.snapshot() == ["status.update.failed": 1, "status.history.not-found": 1])
        }
    }

    @Test("status messages are checked: known codes, a reason for refusals, only from recipients")
    func statusChecks() async throws {
        let status = try #require(try DocumentAxisFixtures.statusExamples().first)
        let unknownCode = DocumentAxisFixtures.replacing(["StatusCode"], in: status, with: "99")
        let refusalWithoutReason = try #require(
            DocumentAxisFixtures.replacing(["StatusCode"], in: status, with: "02").asObject.map { object in
                JSONValue.object(JSONObject(object.members.filter { $0.key != "Description" }))
            })
        let notRecipient = DocumentAxisFixtures.replacing(["From", "OrganId"], in: status, with: "000.00.00.H29")
        let otherIssuer = DocumentAxisFixtures.replacing(["ResponseFor", "OrganId"], in: status, with: "000.00.00.H29")
        let withdrawnByRecipient = DocumentAxisFixtures.replacing(["StatusCode"], in: status, with: "13")
        let withdrawnBySender = DocumentAxisFixtures.replacing(
            ["From"], in: withdrawnByRecipient, with: ["OrganId": "000.00.00.H41", "OrganName": "Ủy ban nhân dân tỉnh Nghệ An"])
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            let url = baseURL + "/edxml/v1/status"
            let badCode = try await post(try EdXMLCodec.statusMessage(from: unknownCode), to: url)
            #expect(badCode.status == 400)
            #expect(badCode.json[key: "ErrorCode"] == "E_INVALID_STATUS_CODE")
            let noReason = try await post(try EdXMLCodec.statusMessage(from: refusalWithoutReason), to: url)
            #expect(noReason.status == 400)
            #expect(noReason.json[key: "ErrorCode"] == "E_MISSING_FIELD")
            let stranger = try await post(try EdXMLCodec.statusMessage(from: notRecipient), to: url)
            #expect(stranger.status == 200)
            #expect(stranger.json[key: "ErrorCode"] == "E_NOT_RECIPIENT")
            let wrongIssuer = try await post(try EdXMLCodec.statusMessage(from: otherIssuer), to: url)
            #expect(wrongIssuer.json[key: "ErrorCode"] == "E_DOCUMENT_UNKNOWN")
            let recipientWithdraws = try await post(try EdXMLCodec.statusMessage(from: withdrawnByRecipient), to: url)
            #expect(recipientWithdraws.json[key: "ErrorCode"] == "E_NOT_SENDER")
            let senderWithdraws = try await post(try EdXMLCodec.statusMessage(from: withdrawnBySender), to: url)
            #expect(senderWithdraws.json == ["status": "OK"])
            #expect(stats.snapshot() == ["status.update.rejected": 2, "status.update.failed": 3, "status.update": 1])
        }
    }

    @Test("the seeded document's history is served only with a token")
    func seededHistory() async throws {
        let seeded = try #require(DocumentAxisSeed.standard.documents.first)
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            let url = baseURL + "/edxml/v1/messages/\(seeded.docID)/status"
            let history = try await get(url)
            #expect(history.status == 200)
            #expect(history.json[key: "DocumentId"]?.asString == seeded.documentID)
            #expect(history.json[key: "Statuses"] == [])
            let anonymous = try await get(url, token: "")
            #expect(anonymous.status == 401)
            #expect(stats.snapshot() == ["status.history": 1, "unauthorized": 1])
        }
    }

    @Test("a message that is not XML by its content type, or too large, is refused before parsing")
    func contentTypeAndSize() async throws {
        let document = try #require(try DocumentAxisFixtures.documentExamples().first)
        let xml = try EdXMLCodec.documentMessage(from: document)
        try await DocumentAxisTestServer.withMock(maxMessageBytes: 1024) { baseURL, stats in
            let asJSON = try await post(xml, to: baseURL + "/edxml/v1/messages", contentType: "application/json")
            #expect(asJSON.status == 415)
            #expect(asJSON.json[key: "ErrorCode"] == "E_CONTENT_TYPE")
            let tooLarge = try await post(xml + String(repeating: " ", count: 1024), to: baseURL + "/edxml/v1/messages")
            #expect(tooLarge.status == 413)
            #expect(tooLarge.json[key: "ErrorCode"] == "E_TOO_LARGE")
            #expect(stats.snapshot() == ["edoc.send.rejected": 2])
        }
    }

    // MARK: HTTP helpers

    struct Answer {
        let status: UInt
        let json: JSONValue
    }

    private func post(
        _ body: String, to url: String, token: String? = nil, contentType: String = "application/xml"
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        request.headers.add(name: "Authorization", value: "Bearer \(token ?? self.token)")
        request.body = .bytes(ByteBuffer(string: body))
        return try await send(request)
    }

    private func get(_ url: String, token: String? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(token ?? self.token)")
        return try await send(request)
    }

    private func send(_ request: HTTPClientRequest) async throws -> Answer {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return Answer(status: response.status.code, json: try JSONParser.parse(Array(buffer: body)))
    }
}
