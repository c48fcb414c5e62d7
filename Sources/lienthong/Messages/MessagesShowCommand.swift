import ArgumentParser
import LienthongCore
import LienthongStore

/// `lienthong messages show ID`: everything about one message, its receipt included.
struct MessagesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one message of the outbox or the inbox, with its receipt.",
        discussion: """
            The message's JWS and the receipt's JWS are each printed alone on the line after \
            "jws:", so they can be copied and checked with `lienthong verify`. A message's JWS \
            that names its certificate by thumbprint (x5t#S256) needs that certificate too: \
            `lienthong audit show ID` prints it.
            """)

    @Argument(help: "The message id.")
    var id: String

    @OptionGroup var store: MessagesStoreOptions

    func run() async throws {
        let messageID = try parseMessageID(id)
        let text = try await withMessagesStore(store, "read message \(messageID)") { store -> String? in
            if let entry = try await store.outbox.entry(messageID) { return MessageText.outboxDetail(entry) }
            if let entry = try await store.inbox.entry(messageID) { return MessageText.inboxDetail(entry) }
            return nil
        }
        guard let text else { throw CommandFailure("no message \(messageID) in the outbox or the inbox") }
        print(text)
    }
}
