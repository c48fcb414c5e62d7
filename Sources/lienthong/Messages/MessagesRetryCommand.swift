import ArgumentParser
import Foundation
import LienthongStore

/// `lienthong messages retry ID`: a dead message gets the full number of attempts again, now.
struct MessagesRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Make a dead (or waiting) outbox message, or a dead inbox message, due now with its attempts reset.")

    @Argument(help: "The message id.")
    var id: String

    @OptionGroup var store: MessagesStoreOptions

    func run() async throws {
        let messageID = try parseMessageID(id)
        let outcome = try await withMessagesStore(store, "retry message \(messageID)") { store -> String in
            let now = Date()
            if let entry = try await store.outbox.entry(messageID) {
                guard try await store.outbox.retry(messageID, now: now) else {
                    throw CommandFailure(
                        entry.state == .delivered
                            ? "message \(messageID) is already delivered"
                            : "message \(messageID) is being sent right now; try again when the attempt is over")
                }
                return "message \(messageID) to \(entry.message.to) will be sent again"
            }
            if let entry = try await store.inbox.entry(messageID) {
                guard try await store.inbox.retry(messageID, now: now) else {
                    throw CommandFailure("inbox message \(messageID) is \(entry.state.rawValue), not dead")
                }
                return "inbox message \(messageID) will be handed over again"
            }
            throw CommandFailure("no message \(messageID) in the outbox or the inbox")
        }
        print(outcome)
    }
}
