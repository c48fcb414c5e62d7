import ArgumentParser
import Foundation
import LienthongGateway
import LienthongPostgres
import LienthongStore

/// `lienthong audit`: check and read the gateway's hash-chained audit trail.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the audit trail's hash chain, or show the records of one message.",
        subcommands: [AuditVerifyCommand.self, AuditShowCommand.self]
    )
}

/// The `--data` / `--store` options shared by the audit subcommands, and opening the store they name.
struct AuditDataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "The gateway's data directory (holding lienthong.sqlite).")
    var dataDirectory: String?

    @Option(
        name: .customLong("store"),
        help: """
            The gateway's PostgreSQL store instead: postgres://user@host:port/database[?schema=…] \
            (the password may come from LIENTHONG_STORE_PASSWORD).
            """)
    var storeURL: String?

    func validate() throws {
        switch (dataDirectory, storeURL) {
        case (nil, nil): throw ValidationError("name the store: --data DIR (SQLite) or --store postgres://… (PostgreSQL)")
        case (.some, .some): throw ValidationError("give either --data or --store, not both")
        default: break
        }
    }

    /// Opens the existing store; never creates or migrates one, so a mistyped path or database
    /// is an error, not a new store.
    func openStore() async throws -> any StoreBackend {
        if let storeURL {
            let password = ProcessInfo.processInfo.environment["LIENTHONG_STORE_PASSWORD"]
            do {
                let configuration = try PostgresStoreConfiguration(url: storeURL, password: password)
                return try await StoreOpener.open(.postgres(configuration), dataDirectory: "", create: false)
            } catch let error as PostgresStoreError {
                throw CommandFailure(error.description)
            }
        }
        let dataDirectory = dataDirectory ?? ""
        do {
            return try await StoreOpener.open(.sqlite, dataDirectory: dataDirectory, create: false)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        } catch let error as SQLiteError {
            throw CommandFailure("cannot open the gateway database in \(dataDirectory): \(error.message)")
        }
    }
}
