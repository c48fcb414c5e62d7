import Foundation
import LienthongCore
import LienthongSchema
import LienthongStore
import Testing
@testable import LienthongGateway

/// The batch body's encoding, and how the delivery workers split their claims into batches.
@Suite("Delivery batches")
struct DeliveryBatchTests {
    @Test("messages and results come back with their headers and every byte of their bodies")
    func roundTrip() throws {
        let gzipLike: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x22, 0x5c, 0x0a]
        let messages = [
            HTTPMessage(headers: [("Lienthong-Message-Id", "a"), ("Content-Encoding", "gzip")], body: gzipLike),
            HTTPMessage(headers: [("Lienthong-Signature", "x.y.z"), ("Content-Type", "application/json")], body: Array(#"{"Tên":"Nguyễn"}"#.utf8)),
        ]
        let decoded = try DeliveryBatch.messages(of: DeliveryBatch.encode(messages: messages))
        #expect(decoded.map(\.body) == messages.map(\.body))
        #expect(decoded[0][header: "content-encoding"] == "gzip" && decoded[1][header: "Lienthong-Signature"] == "x.y.z")

        let answers = [
            HTTPAnswer(status: 200, headers: [("Lienthong-Correlation-Id", "a")], body: gzipLike),
            HTTPAnswer(problem: .schemaViolation("no", errors: [])),
        ]
        let results = try DeliveryBatch.results(of: DeliveryBatch.encode(results: answers), count: 2)
        #expect(results.map(\.status) == [200, 422])
        #expect(results.map(\.body) == answers.map(\.body))
        #expect(results[0][header: "Lienthong-Correlation-Id"] == "a")
        #expect(results[1][header: "Content-Type"] == Problem.mediaType)
    }

    @Test("a repeated header name keeps its first value, since a JSON object has each key once")
    func repeatedHeader() throws {
        let message = HTTPMessage(headers: [("Via", "1"), ("via", "2")], body: [])
        let decoded = try DeliveryBatch.messages(of: DeliveryBatch.encode(messages: [message]))
        #expect(decoded[0].headers.count == 1 && decoded[0][header: "Via"] == "1")
    }

    @Test("a malformed batch or answer is refused with what is wrong and where")
    func malformed() {
        let cases: [(String, Int, String)] = [
            ("{", 400, "not JSON"),
            (#"{"items":[]}"#, 400, #"an array "messages""#),
            (#"{"messages":[]}"#, 400, "no messages"),
            (#"{"messages":[{"body":""}]}"#, 400, "/messages/0/headers must be an object"),
            (#"{"messages":[{"headers":{"A":1},"body":""}]}"#, 400, "/messages/0/headers/A must be a string"),
            (#"{"messages":[{"headers":{},"body":"not base64!"}]}"#, 400, "/messages/0/body must be the body in base64"),
        ]
        for (body, status, detail) in cases {
            #expect {
                _ = try DeliveryBatch.messages(of: Array(body.utf8))
            } throws: { error in
                guard let problem = error as? Problem else { return false }
                return problem.status == status && problem.detail.contains(detail)
            }
        }
        let answer = DeliveryBatch.encode(results: [HTTPAnswer(status: 200, headers: [], body: [])])
        #expect(throws: Problem.self) { try DeliveryBatch.results(of: answer, count: 2) }
        #expect(throws: Problem.self) {
            try DeliveryBatch.results(of: Array(#"{"results":[{"status":42,"headers":{},"body":""}]}"#.utf8), count: 1)
        }
    }

    static let ministry = TestPKI.ministryAgency
    static let otherMinistry = TestPKI.otherProvinceAgency

    func claim(to recipient: AgencyCode, payloadBytes: Int = 100) -> OutboxClaim {
        let message = StoredMessage(
            id: MessageID(), from: TestPKI.provinceAgency, to: recipient, service: TestServices.statusUpdate,
            created: Date(), payload: Array(repeating: 0x20, count: payloadBytes), jws: "h..s", payloadDigest: [])
        return OutboxClaim(
            entry: OutboxEntry(
                message: message, priority: .normal, client: nil, state: .sending, attempts: 1, acceptedAt: Date(),
                nextAttemptAt: nil, lastError: nil, receipt: nil, finishedAt: nil),
            owner: "test", attempt: 1, leaseExpires: Date())
    }

    @Test("claims are batched by recipient in claimed order, spread evenly, and kept under the byte target")
    func batches() {
        let claims = (0..<20).map { _ in claim(to: Self.ministry) } + (0..<3).map { _ in claim(to: Self.otherMinistry) }
        let batches = OutboxDeliveryService.batches(of: claims, size: 16)
        #expect(batches.map(\.count) == [10, 10, 3])
        #expect(batches.flatMap { $0 }.map(\.entry.message.id) == claims.map(\.entry.message.id))
        #expect(batches.allSatisfy { batch in batch.allSatisfy { $0.entry.message.to == batch[0].entry.message.to } })

        #expect(OutboxDeliveryService.batches(of: claims, size: 1).count == 23)
        #expect(OutboxDeliveryService.batches(of: [], size: 16).isEmpty)

        // Six 400 KB messages: too many bytes for one request.
        let large = (0..<6).map { _ in claim(to: Self.ministry, payloadBytes: 400_000) }
        let split = OutboxDeliveryService.batches(of: large, size: 16)
        #expect(split.count > 1)
        #expect(split.allSatisfy { batch in
            batch.reduce(0) { $0 + DeliveryBatch.estimatedBytes(of: $1.entry.message) } <= DeliveryBatch.targetBytes
        })
    }
}
