import ArgumentParser
import Foundation
import LienthongCore
import LienthongGateway
import LienthongStore

/// `lienthong messages`: operators' view of guaranteed delivery (the outbox and the inbox).
struct MessagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages",
        abstract: "List, show, retry and purge asynchronous messages in the gateway's outbox and inbox.",
        discussion: """
            Works on the gateway's database, also while the gateway runs: a retried message is \
            picked up by the running delivery workers at their next poll.
            """,
        subcommands: [MessagesListCommand.self, MessagesShowCommand.self, MessagesRetryCommand.self, MessagesPurgeCommand.self])
}

/// `--config FILE` or `--data DIR`: where the gateway's database is.
struct MessagesStoreOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "The gateway's configuration file (its dataDirectory is used).")
    var configurationFile: String?

    @Option(name: .customLong("data"), help: "The gateway's data directory (holding lienthong.sqlite).")
    var dataDirectory: String?

    func validate() throws {
        guard (configurationFile == nil) != (dataDirectory == nil) else {
            throw ValidationError("give exactly one of --config FILE and --data DIR")
        }
    }

    /// Opens the existing store; never creates one.
    func openStore() async throws -> GatewayStore {
        let directory: String
        if let dataDirectory {
            directory = dataDirectory
        } else if let configurationFile {
            do { directory = try ConfigurationLoader().load(file: configurationFile).dataDirectory } catch {
                throw CommandFailure("\(error.issues.count) problem\(error.issues.count == 1 ? "" : "s") in \(configurationFile):\n\(error)")
            }
        } else {
            throw CommandFailure("give --config FILE or --data DIR")
        }
        do {
            return try await GatewayStore.open(dataDirectory: directory, create: false)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        } catch let error as SQLiteError {
            throw CommandFailure("cannot open the gateway database in \(directory): \(error.message)")
        }
    }
}

/// Runs `body` with the store open, closing it after, also on failure; store errors become
/// command failures with `what` as context.
func withMessagesStore<T>(
    _ options: MessagesStoreOptions, _ what: String, _ body: (GatewayStore) async throws -> T
) async throws -> T {
    let store = try await options.openStore()
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch let failure as CommandFailure {
        await store.close()
        throw failure
    } catch {
        await store.close()
        throw CommandFailure("cannot \(what): \(error)")
    }
}

/// A message id argument, parsed with its reason on failure.
func parseMessageID(_ text: String) throws -> MessageID {
    do { return try MessageID(parsing: text) } catch { throw CommandFailure(error.description) }
}
