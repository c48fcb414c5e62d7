import ArgumentParser
import Foundation
import LienthongStore

/// `lienthong audit`: check and read the gateway's hash-chained audit trail.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the audit trail's hash chain, or show the records of one message.",
        subcommands: [AuditVerifyCommand.self, AuditShowCommand.self]
    )
}

/// The `--data` option shared by the audit subcommands, and opening the store it names.
struct AuditDataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "The gateway's data directory (holding lienthong.sqlite).")
    var dataDirectory: String

    /// Opens the existing store; never creates one, so a mistyped path is an error, not a new file.
    func openStore() async throws -> GatewayStore {
        do {
            return try await GatewayStore.open(dataDirectory: dataDirectory, create: false)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        } catch let error as SQLiteError {
            throw CommandFailure("cannot open the gateway database in \(dataDirectory): \(error.message)")
        }
    }
}
