import ArgumentParser

/// `lienthong plugin`: check and list adapters.
struct PluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "Check adapter manifests and list the adapters a configuration uses.",
        subcommands: [PluginCheckCommand.self, PluginListCommand.self])
}
