import ArgumentParser

/// `lienthong bench`: micro-benchmarks that print figures for people to read; nothing is asserted.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the gateway's hot paths and print the figures.",
        subcommands: [
            BenchCryptoCommand.self, BenchGzipCommand.self, BenchSchemaCommand.self, BenchOutboxCommand.self,
            BenchStoreCommand.self,
        ]
    )
}
