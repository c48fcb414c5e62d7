import ArgumentParser
import Foundation
import LienthongStore

/// `lienthong messages purge --older-than DAYS`: deletes finished messages; never undelivered ones.
struct MessagesPurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete delivered (and, with --dead, dead) outbox messages and handled inbox messages finished more than N days ago.",
        discussion: """
            Messages not yet delivered are never purged. The audit trail keeps its records of \
            every purged message. Inbox messages are kept by id to answer re-deliveries: purge \
            only beyond any sender's retry horizon (delivery.maxAgeSeconds of the senders).
            """)

    @Option(name: .customLong("older-than"), help: "Age in days since the message was finished.")
    var days: Int

    @Flag(help: "Purge dead outbox messages too (they are lost for good).")
    var dead = false

    @OptionGroup var store: MessagesStoreOptions

    func validate() throws {
        guard days >= 0 else { throw ValidationError("--older-than must not be negative") }
    }

    func run() async throws {
        let cutoff = Date().addingTimeInterval(-Double(days) * 86_400)
        let states: Set<OutboxState> = dead ? [.delivered, .dead] : [.delivered]
        let (outbox, inbox) = try await withMessagesStore(store, "purge messages") { store in
            (try await store.outbox.purge(states: states, finishedBefore: cutoff), try await store.inbox.purge(finishedBefore: cutoff))
        }
        print("purged \(outbox) outbox message\(outbox == 1 ? "" : "s") and \(inbox) inbox message\(inbox == 1 ? "" : "s")")
    }
}
