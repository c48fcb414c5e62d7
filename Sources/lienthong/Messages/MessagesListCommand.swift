import ArgumentParser
import LienthongCore
import LienthongStore

/// `lienthong messages list`: one line per outbox message (or pending inbox message), oldest first.
struct MessagesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List outbox messages (or, with --inbox, messages waiting in the inbox), oldest first.",
        discussion: """
            Columns: id, status, recipient (sender for the inbox), service, attempts, and the next \
            attempt or the last error. Counts per status follow on the last line.
            """)

    @Option(name: .customLong("status"), help: "Only messages in this status: accepted, sending, delivered or dead (repeatable).")
    var states: [String] = []

    @Option(name: .customLong("to"), help: "Only messages to this agency.")
    var recipient: String?

    @Option(help: "Only messages after this id (to page).")
    var after: String?

    @Option(help: "At most this many lines.")
    var limit: Int = 100

    @Flag(help: "List the inbox's pending messages (client, adapter and webhook routes) instead of the outbox.")
    var inbox = false

    @OptionGroup var store: MessagesStoreOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
        for state in states where OutboxState(rawValue: state) == nil {
            throw ValidationError("unknown status \"\(state)\" (accepted, sending, delivered, dead)")
        }
        if inbox && (!states.isEmpty || recipient != nil || after != nil) {
            throw ValidationError("--inbox takes only --limit")
        }
    }

    func run() async throws {
        if inbox {
            let lines = try await withMessagesStore(store, "read the inbox") { store in
                var entries: [InboxEntry] = []
                for route in InboxRoute.allCases { entries += try await store.inbox.list(route: route, after: 0, limit: limit) }
                return entries.sorted { $0.sequence < $1.sequence }.prefix(limit).map(MessageText.inboxLine)
            }
            print(lines.isEmpty ? "no pending inbox messages" : lines.joined(separator: "\n"))
            return
        }
        let query = OutboxQuery(
            states: Set(states.compactMap(OutboxState.init(rawValue:))),
            recipient: try recipient.map { text in
                do { return try AgencyCode(parsing: text) } catch { throw CommandFailure("\(error)") }
            },
            after: try after.map(parseMessageID), limit: limit)
        let (entries, counts) = try await withMessagesStore(store, "read the outbox") { store in
            (try await store.outbox.list(query), try await store.outbox.counts())
        }
        if !entries.isEmpty { print(entries.map(MessageText.outboxLine).joined(separator: "\n")) }
        print(OutboxState.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))
    }
}
