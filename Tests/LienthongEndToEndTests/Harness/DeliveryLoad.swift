import Foundation
import LienthongTestSupport
import Synchronization

/// Sends numbered official documents as asynchronous messages and keeps the books the proofs
/// check: which DocumentIds were accepted (202, with their message id), which submissions ended
/// without an answer (the gateway died meanwhile: maybe stored, maybe not), and what was refused.
///
/// A submission answered 503 was not accepted and is sent again; one without an answer (the
/// gateway died, the connection was refused) is counted as uncertain and the next document is
/// sent instead, never the same one again, so the books stay exact: every accepted document must
/// arrive once, an uncertain one may arrive once or not at all, and nothing else may arrive.
final class DeliveryLoad: Sendable {
    struct Accepted: Sendable {
        let messageID: String
        /// The replica that answered 202.
        let gateway: Int
    }

    private struct Books {
        var nextNumber = 1
        /// Submissions under way, so that no more than the count asked for are accepted.
        var inFlight = 0
        var accepted: [String: Accepted] = [:]
        var uncertain: Set<String> = []
        var refusals: [String: Int] = [:]
        var unavailableAnswers = 0
    }

    let exchange: DeliveryExchange
    /// Tells this run's documents apart from any other's (part of each DocumentId).
    let run: String
    /// The document every numbered one starts from, as JSON (Data is Sendable, `[String: Any]` is not).
    private let template: Data
    private let books = Mutex(Books())

    /// `attachmentBytes`: when above 0, the main attachment carries that many bytes (base64),
    /// to fill a store quickly.
    init(exchange: DeliveryExchange, attachmentBytes: Int = 0) throws {
        self.exchange = exchange
        run = String(UUID().uuidString.prefix(8))
        var template = try Self.exampleDocument()
        if attachmentBytes > 0, var attachments = template["Attachments"] as? [[String: Any]], !attachments.isEmpty {
            // "QUJD" is "ABC" in base64: valid content of the size asked for.
            attachments[0]["Data"] = String(repeating: "QUJD", count: max(1, attachmentBytes / 3))
            template["Attachments"] = attachments
        }
        self.template = try JSONSerialization.data(withJSONObject: template)
    }

    var acceptedCount: Int { books.withLock { $0.accepted.count } }
    var accepted: [String: Accepted] { books.withLock { $0.accepted } }
    var uncertain: Set<String> { books.withLock { $0.uncertain } }
    /// 503 answers (store unavailable) seen so far.
    var unavailableAnswers: Int { books.withLock { $0.unavailableAnswers } }

    /// Sends documents with `concurrency` submissions at a time until `count` were accepted,
    /// spreading them over the province replicas; waits out gateways that are down.
    func submit(count: Int, concurrency: Int = 8, deadline: Duration = .seconds(600)) async throws {
        let end = ContinuousClock.now + deadline
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var turn = worker
                    while true {
                        guard ContinuousClock.now < end else {
                            throw HarnessError("only \(self.acceptedCount) of \(count) documents accepted within \(deadline)")
                        }
                        guard let number = self.claim(upTo: count) else {
                            if self.acceptedCount >= count { return }
                            // Others are under way; one may end uncertain and need a successor.
                            try await Task.sleep(for: .milliseconds(50))
                            continue
                        }
                        do {
                            try await self.submitUntilDecided(number: number, turn: &turn, end: end)
                            self.books.withLock { $0.inFlight -= 1 }
                        } catch {
                            self.books.withLock { $0.inFlight -= 1 }
                            throw error
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// The next document number, when fewer than `count` are accepted or under way.
    private func claim(upTo count: Int) -> Int? {
        books.withLock { books in
            guard books.accepted.count + books.inFlight < count else { return nil }
            books.inFlight += 1
            defer { books.nextNumber += 1 }
            return books.nextNumber
        }
    }

    /// One document until it is accepted, refused for good (a test failure) or uncertain.
    private func submitUntilDecided(number: Int, turn: inout Int, end: ContinuousClock.Instant) async throws {
        let document = self.document(number)
        let documentID = Self.documentID(of: document)
        while ContinuousClock.now < end {
            let replicas = exchange.provinces
            let index = turn % replicas.count
            turn += 1
            let reply: HTTPReply
            do {
                reply = try await exchange.submit(document, to: replicas[index])
            } catch {
                // No answer. Even "connection refused" is no proof that nothing was stored: the
                // HTTP client may have sent the request on a connection that died, then retried.
                books.withLock { _ = $0.uncertain.insert(documentID) }
                if Self.wasRefused(error) { try await Task.sleep(for: .milliseconds(100)) }
                return
            }
            switch reply.status {
            case 202:
                guard let id = reply.json?["id"] as? String else {
                    throw HarnessError("202 without an id: \(reply.summary)")
                }
                books.withLock { $0.accepted[documentID] = Accepted(messageID: id, gateway: index) }
                return
            case 503:
                books.withLock { $0.unavailableAnswers += 1 }
                try await Task.sleep(for: .milliseconds(200))
            default:
                books.withLock { $0.refusals[reply.problem ?? "HTTP \(reply.status)", default: 0] += 1 }
                throw HarnessError("document \(documentID) refused: \(reply.summary)\n\(exchange.logs())")
            }
        }
        throw HarnessError("document \(documentID) was neither accepted nor refused in time")
    }

    /// Sends exactly one document now and returns the gateway's answer (and books a 202).
    func submitOne(to gateway: Int = 0) async throws -> HTTPReply {
        let number = books.withLock { books -> Int in
            defer { books.nextNumber += 1 }
            return books.nextNumber
        }
        let document = self.document(number)
        let reply = try await exchange.submit(document, to: exchange.provinces[gateway])
        if reply.status == 202, let id = reply.json?["id"] as? String {
            books.withLock { $0.accepted[Self.documentID(of: document)] = Accepted(messageID: id, gateway: gateway) }
        }
        return reply
    }

    /// Whether the connection was refused, so the request never left (URLSession on Linux
    /// reports it as an NSError of NSURLErrorDomain).
    static func wasRefused(_ error: Error) -> Bool {
        if let error = error as? URLError { return error.code == .cannotConnectToHost }
        let error = error as NSError
        return error.domain == NSURLErrorDomain && error.code == NSURLErrorCannotConnectToHost
    }

    // MARK: - Checking the outcome

    /// What the proofs report and assert.
    struct Outcome: Sendable, CustomStringConvertible {
        var accepted = 0
        var uncertain = 0
        /// Accepted documents the axis has not taken.
        var missing: [String] = []
        /// Documents at the axis that were never submitted (neither accepted nor uncertain).
        var unknown: [String] = []
        /// Documents posted to the axis more than once, and the extra postings in all.
        var repostedDocuments = 0
        var extraPostings = 0
        /// Accepted messages whose sender shows no receipt for them.
        var withoutReceipt: [String] = []

        var description: String {
            "\(accepted) accepted (+\(uncertain) uncertain), \(missing.count) missing at the axis, \(unknown.count) unknown there, "
                + "\(repostedDocuments) documents posted again (\(extraPostings) extra postings), "
                + "\(withoutReceipt.count) without a receipt"
        }
    }

    /// Waits until the axis holds every accepted document and the sender shows each delivered
    /// with a receipt, or `timeout` passes; then counts.
    func settle(timeout: Duration = .seconds(300)) async throws -> Outcome {
        let end = ContinuousClock.now + timeout
        let accepted = self.accepted
        var documents: [String: Int] = [:]
        while ContinuousClock.now < end {
            documents = try await exchange.axisDocuments()
            if accepted.keys.allSatisfy({ documents[$0] != nil }) { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        var outcome = Outcome(accepted: accepted.count, uncertain: uncertain.count)
        let known = Set(accepted.keys).union(uncertain)
        let ours = documents.filter { $0.key.hasSuffix("/E2E-\(run)") }
        outcome.missing = accepted.keys.filter { ours[$0] == nil }.sorted()
        outcome.unknown = ours.keys.filter { !known.contains($0) }.sorted()
        for (_, postings) in ours where postings > 1 {
            outcome.repostedDocuments += 1
            outcome.extraPostings += postings - 1
        }
        outcome.withoutReceipt = try await undelivered(Array(accepted.values), until: end)
        return outcome
    }

    /// The accepted messages whose status is still not `delivered` with a receipt naming them
    /// when `end` comes; asks each sender, a few at a time, again and again for those not done.
    private func undelivered(_ messages: [Accepted], until end: ContinuousClock.Instant) async throws -> [String] {
        var pending = messages
        while true {
            var still: [Accepted] = []
            for batch in stride(from: 0, to: pending.count, by: 16).map({ Array(pending[$0..<min($0 + 16, pending.count)]) }) {
                let done = try await withThrowingTaskGroup(of: (Accepted, Bool).self) { group in
                    for message in batch {
                        group.addTask { (message, try await self.hasReceipt(message)) }
                    }
                    return try await group.reduce(into: [(Accepted, Bool)]()) { $0.append($1) }
                }
                still += done.filter { !$0.1 }.map(\.0)
            }
            pending = still
            if pending.isEmpty || ContinuousClock.now >= end { return pending.map(\.messageID).sorted() }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// Whether the sender shows the message delivered, with a signed receipt for this id.
    private func hasReceipt(_ message: Accepted) async throws -> Bool {
        let replicas = exchange.provinces
        // Any running replica can answer: they share the store.
        let order = [message.gateway] + replicas.indices.filter { $0 != message.gateway }
        for index in order where replicas[index].isRunning {
            guard let reply = try? await exchange.status(message.messageID, on: replicas[index]), reply.status == 200,
                  let json = reply.json
            else { continue }
            guard json["status"] as? String == "delivered", let receipt = json["receipt"] as? [String: Any],
                  let payload = receipt["payload"] as? [String: Any], let signature = receipt["signature"] as? String
            else { return false }
            return payload["messageId"] as? String == message.messageID && !signature.isEmpty
        }
        return false
    }

    // MARK: - Documents

    /// Document `number` of this run: the schema's example report of Nghệ An with its own
    /// number and DocumentId (about 1 KB of JSON).
    func document(_ number: Int) -> [String: Any] {
        var document = ((try? JSONSerialization.jsonObject(with: template)) as? [String: Any]) ?? [:]
        var header = document["MessageHeader"] as? [String: Any] ?? [:]
        header["DocumentId"] = "\(DevelopmentPKI.province),2026/11/21,\(number)/E2E-\(run)"
        header["Code"] = ["CodeNumber": String(number), "CodeNotation": "E2E-\(run)"]
        document["MessageHeader"] = header
        return document
    }

    static func documentID(of document: [String: Any]) -> String {
        ((document["MessageHeader"] as? [String: Any])?["DocumentId"] as? String) ?? ""
    }

    /// The first example of the request schema of `document.edoc.send/v1`.
    private static func exampleDocument() throws -> [String: Any] {
        let file = LienthongBinary.packageRoot.appendingPathComponent("schemas/document/edoc.send.request.v1.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        guard let example = (schema?["examples"] as? [Any])?.first as? [String: Any] else {
            throw HarnessError("no example in \(file.path)")
        }
        return example
    }
}
