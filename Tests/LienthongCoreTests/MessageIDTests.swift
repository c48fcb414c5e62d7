import Foundation
import Testing
import LienthongCore

@Suite("MessageID")
struct MessageIDTests {
    @Test func newIDsAreVersion7AndRoundTrip() throws {
        let id = MessageID()
        let text = id.rawValue
        #expect(text.count == 36)
        #expect(Array(text)[14] == "7")
        #expect("89ab".contains(Array(text)[19]))
        #expect(try MessageID(parsing: text) == id)
        #expect(try MessageID(parsing: text.uppercased()) == id)
    }

    @Test("the text is Foundation's canonical UUID text in lower case, and ids order as their texts do")
    func textAndOrderAgreeWithFoundation() {
        let ids = (0..<200).map { _ in MessageID(date: Date(timeIntervalSince1970: Double.random(in: 0...4_000_000_000))) }
        for id in ids { #expect(id.rawValue == id.uuid.uuidString.lowercased()) }
        #expect(ids.sorted().map(\.rawValue) == ids.map(\.rawValue).sorted())
    }

    @Test func carriesItsTimestampToTheMillisecond() {
        let date = Date(timeIntervalSince1970: 1_795_233_600.123)
        let id = MessageID(date: date)
        #expect(abs(id.timestamp.timeIntervalSince1970 - 1_795_233_600.123) < 0.0015)
    }

    @Test func sortsByCreationTime() {
        var generator = SystemRandomNumberGenerator()
        let ids = (0..<50).map { MessageID(milliseconds: UInt64(1_700_000_000_000 + $0 * 7), using: &generator) }
        #expect(ids.shuffled().sorted() == ids)
        #expect(Set(ids).count == 50)
    }

    @Test(arguments: [
        ("not-a-uuid", "is not a UUID in the 8-4-4-4-12 hexadecimal form"),
        ("550e8400-e29b-41d4-a716-446655440000", "is a version 4 UUID; version 7 is required"),
        ("0192d4e8-7c4a-7000-0000-000000000000", "does not have the RFC 9562 variant bits (10xx)"),
        ("0192d4e87c4a7b0089ab000000000000", "is not a UUID in the 8-4-4-4-12 hexadecimal form"),
    ])
    func refusesWithPreciseReason(_ input: String, _ reason: String) {
        let error = #expect(throws: IdentifierError.self) { try MessageID(parsing: input) }
        #expect(error?.reason == reason)
    }
}
