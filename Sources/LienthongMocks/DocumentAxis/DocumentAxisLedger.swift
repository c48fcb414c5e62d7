import LienthongCore
import Synchronization

/// The mock axis' memory: connected organisations, documents by their DocumentId, and the status
/// history of each. Shared by the route handlers, hence the lock.
final class DocumentAxisLedger: Sendable {
    struct Entry: Sendable {
        let docID: String
        let documentID: String
        let from: AgencyCode
        let to: [AgencyCode]
        let trace: [AgencyCode]
        var statuses: [ReceivedStatus] = []
    }

    private struct State {
        var byDocumentID: [String: Entry] = [:]
        var documentIDByDocID: [String: String] = [:]
        /// How many times each DocumentId was posted (first delivery and re-deliveries), so a
        /// test can tell a document that arrived once from one that arrived again.
        var postings: [String: Int] = [:]
        var nextNumber = 1

        /// The next unused DocId. DocIds count up, so a run that sends the same documents in the
        /// same order gets the same DocIds (repeatable demos and benchmarks).
        mutating func newDocID() -> String {
            while true {
                let digits = String(nextNumber)
                nextNumber += 1
                let docID = "0193a5f0-0000-7000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
                if documentIDByDocID[docID] == nil { return docID }
            }
        }
    }

    let organs: Set<AgencyCode>
    private let state: Mutex<State>

    init(seed: DocumentAxisSeed) {
        organs = seed.organs
        var initial = State()
        for document in seed.documents {
            initial.byDocumentID[document.documentID] = Entry(
                docID: document.docID, documentID: document.documentID, from: document.from, to: document.to,
                trace: [document.from])
            initial.documentIDByDocID[document.docID] = document.documentID
        }
        state = Mutex(initial)
    }

    /// Accepts a document and returns its DocId; the same DocumentId from the same sender again is
    /// a re-delivery and gets the first DocId back.
    func accept(_ document: ReceivedDocument) throws(AxisRefusal) -> String {
        for recipient in document.to where !organs.contains(recipient) {
            throw .undeliverable("E_RECIPIENT_UNKNOWN", "Không tìm thấy cơ quan nhận có mã định danh \(recipient) on the axis")
        }
        let result: Result<String, AxisRefusal> = state.withLock { state in
            state.postings[document.documentID, default: 0] += 1
            if let existing = state.byDocumentID[document.documentID] {
                guard existing.from == document.from else {
                    return .failure(.undeliverable(
                        "E_DUPLICATE_DOCUMENT", "DocumentId \(document.documentID) was already sent by \(existing.from)"))
                }
                return .success(existing.docID)
            }
            let docID = state.newDocID()
            state.byDocumentID[document.documentID] = Entry(
                docID: docID, documentID: document.documentID, from: document.from, to: document.to,
                trace: document.trace)
            state.documentIDByDocID[docID] = document.documentID
            return .success(docID)
        }
        return try result.get()
    }

    /// The status code with which a sender takes its document back (lấy lại).
    static let withdrawn = "13"

    /// Records a status of a document the axis carried: reported by one of its recipients, or
    /// by its sender for a withdrawal (13).
    func record(_ status: ReceivedStatus) throws(AxisRefusal) {
        let result: Result<Void, AxisRefusal> = state.withLock { state in
            guard var entry = state.byDocumentID[status.documentID], entry.from == status.issuer else {
                return .failure(.undeliverable(
                    "E_DOCUMENT_UNKNOWN", "Không tìm thấy văn bản \(status.documentID) của cơ quan \(status.issuer)"))
            }
            if status.statusCode == Self.withdrawn {
                guard entry.from == status.from else {
                    return .failure(.undeliverable(
                        "E_NOT_SENDER", "only the sender \(entry.from) may withdraw \(status.documentID)"))
                }
            } else if !entry.to.contains(status.from) {
                return .failure(.undeliverable(
                    "E_NOT_RECIPIENT", "\(status.from) is not a recipient of \(status.documentID)"))
            }
            entry.statuses.append(status)
            state.byDocumentID[status.documentID] = entry
            return .success(())
        }
        try result.get()
    }

    /// Every DocumentId posted to the axis (seeded documents excluded) with its DocId and how
    /// many times it was posted.
    func postings() -> [(documentID: String, docID: String, postings: Int)] {
        state.withLock { state in
            state.postings.keys.sorted().compactMap { documentID in
                guard let entry = state.byDocumentID[documentID] else { return nil }
                return (documentID, entry.docID, state.postings[documentID] ?? 0)
            }
        }
    }

    /// The document with axis identifier `docID` and its statuses, oldest first.
    func entry(docID: String) -> Entry? {
        state.withLock { state in
            state.documentIDByDocID[docID].flatMap { state.byDocumentID[$0] }
        }
    }
}
