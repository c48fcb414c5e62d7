import ArgumentParser
import Foundation
import LienthongGateway

/// `lienthong serve --config FILE`: runs the gateway until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the gateway: the local API and the mTLS exchange API.",
        discussion: """
            Refuses to start on any problem `lienthong config check` reports. Logs go to standard \
            error; one line names both listen addresses once they are open. SIGTERM or SIGINT \
            stops accepting, lets requests in flight finish, then closes the adapters, the HTTP \
            client and the store.
            """)

    @Option(name: .long, help: "The configuration file (YAML).")
    var config: String

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func run() async throws {
        guard let level = GatewayLogLevel(rawValue: logLevel) else {
            throw ValidationError("unknown log level \(logLevel)")
        }
        do {
            try await GatewayServer.serve(configurationFile: config, logLevel: level)
        } catch let error as ConfigurationError {
            throw CommandFailure("\(error.issues.count) problem\(error.issues.count == 1 ? "" : "s") in \(config):\n\(error)")
        } catch let error as GatewayStartError {
            throw CommandFailure("cannot start: \(error)")
        }
    }
}
