import ArgumentParser
import Foundation
import LienthongGateway

/// `lienthong config`: work with gateway configuration files.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check gateway configuration files.",
        subcommands: [ConfigCheckCommand.self])
}

/// `lienthong config check FILE`: every problem with its file:line:column, or "configuration OK".
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a gateway configuration: exit 0 and print \"configuration OK\", or print every problem and exit 1.",
        discussion: """
            Reports unknown settings, wrong types, invalid agency codes and service ids, routes to \
            agencies without a peer, clients allowed services that are neither routed nor provided, \
            unknown adapters, adapter settings that fail the adapter's settings schema, and files \
            that do not exist. Environment overrides (LIENTHONG_DATA_DIR, LIENTHONG_TLS_*, \
            LIENTHONG_CLIENT_<NAME>_API_KEY_SHA256, …) are applied as `serve` applies them.
            """)

    @Argument(help: "The configuration file (YAML).")
    var file: String

    func run() throws {
        do {
            _ = try ConfigurationLoader().load(file: file)
        } catch {
            throw CommandFailure("\(error.issues.count) problem\(error.issues.count == 1 ? "" : "s") in \(file):\n\(error)")
        }
        print("configuration OK")
    }
}
