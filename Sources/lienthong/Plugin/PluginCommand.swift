import ArgumentParser

/// `lienthong plugin`: tools for adapters.
struct PluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "Check adapters (manifests, external plugins) and list the adapters a configuration uses.",
        subcommands: [PluginCheckCommand.self, PluginListCommand.self])
}
