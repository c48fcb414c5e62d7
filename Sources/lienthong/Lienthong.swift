import ArgumentParser

@main
struct Lienthong: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lienthong",
        abstract: "Lienthong: the data exchange gateway between provinces and ministries.",
        version: LienthongVersion.current,
        subcommands: [VersionCommand.self]
    )
}

enum LienthongVersion {
    static let current = "0.1.0"
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")
    func run() throws { print("lienthong \(LienthongVersion.current)") }
}
