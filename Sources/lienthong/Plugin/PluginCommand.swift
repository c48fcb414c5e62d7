import ArgumentParser

/// `lienthong plugin`: tools for adapters.
struct PluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "Scaffold and check adapters (manifests, external plugins, Swift), and list the adapters a configuration uses.",
        subcommands: [PluginNewCommand.self, PluginCheckCommand.self, PluginListCommand.self])
}
