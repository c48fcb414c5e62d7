import ArgumentParser

/// `lienthong plugin`: tools for adapters.
struct PluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "Check adapters before a gateway uses them.",
        subcommands: [PluginCheckCommand.self])
}
