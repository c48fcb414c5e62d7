import ArgumentParser
import Foundation
import LienthongGateway

/// `lienthong plugin list --config FILE`: the adapters the configuration uses or declares.
struct PluginListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the adapters a configuration uses or declares, their versions and services.",
        discussion: "Services the configuration provides through an adapter are marked (used).")

    @Option(name: .long, help: "The gateway configuration file (YAML).")
    var config: String

    func run() async throws {
        let configuration: GatewayConfiguration
        do { configuration = try ConfigurationLoader().load(file: config) } catch {
            throw CommandFailure("\(error.issues.count) problem\(error.issues.count == 1 ? "" : "s") in \(config):\n\(error)")
        }
        let inventory = AdapterInventory(configuration: configuration)
        guard !inventory.entries.isEmpty else {
            print("no adapters: the configuration provides no services and declares no plugins")
            return
        }
        for entry in inventory.entries {
            let source = entry.source.map { " \($0)" } ?? ""
            print("\(entry.id) \(entry.version) [\(entry.kind.rawValue)]\(source): \(entry.summary)")
            for service in entry.services {
                print("  \(service)\(entry.usedFor.contains(service) ? " (used)" : "")")
            }
        }
    }
}
