import ArgumentParser
import Foundation
import LienthongCore
import LienthongGateway
import LienthongPostgres
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

/// `--config FILE`, `--data DIR` or `--store URL`: where the gateway's database is.
struct MessagesStoreOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: "The gateway's configuration file (its store: the SQLite data directory or PostgreSQL).")
    var configurationFile: String?

    @Option(name: .customLong("data"), help: "The gateway's data directory (holding lienthong.sqlite).")
    var dataDirectory: String?

    @Option(
        name: .customLong("store"),
        help: "The gateway's PostgreSQL store: postgres://user@host:port/database[?schema=…] (password from LIENTHONG_STORE_PASSWORD).")
    var storeURL: String?

    func validate() throws {
        guard [configurationFile, dataDirectory, storeURL].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --config FILE, --data DIR and --store URL")
        }
    }

    /// Opens the existing store; never creates or migrates one.
    func openStore() async throws -> any StoreBackend {
        let location: StoreLocation
        let directory: String
        if let storeURL {
            do {
                let password = ProcessInfo.processInfo.environment["LIENTHONG_STORE_PASSWORD"]
                location = .postgres(try PostgresStoreConfiguration(url: storeURL, password: password))
            } catch { throw CommandFailure(error.description) }
            directory = ""
        } else if let dataDirectory {
            location = .sqlite
            directory = dataDirectory
        } else if let configurationFile {
            do {
                let configuration = try ConfigurationLoader().load(file: configurationFile)
                location = configuration.store
                directory = configuration.dataDirectory
            } catch {
                throw CommandFailure("\(error.issues.count) problem\(error.issues.count == 1 ? "" : "s") in \(configurationFile):\n\(error)")
            }
        } else {
            throw CommandFailure("give --config FILE, --data DIR or --store URL")
        }
        do {
            return try await StoreOpener.open(location, dataDirectory: directory, create: false)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        } catch let error as SQLiteError {
            throw CommandFailure("cannot open the gateway database in \(directory): \(error.message)")
        } catch let error as PostgresStoreError {
            throw CommandFailure(error.description)
        }
    }
}

/// Runs `body` with the store open, closing it after, also on failure; store errors become
/// command failures with `what` as context.
func withMessagesStore<T>(
    _ options: MessagesStoreOptions, _ what: String, _ body: (any StoreBackend) async throws -> T
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
