import ArgumentParser
import Foundation
import LienthongMocks
import Logging

/// `lienthong mock NAME`: runs one mock national system until SIGINT or SIGTERM.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Run a mock national system (\(MockSystemCatalog.names.joined(separator: ", "))) with seeded data.",
        discussion: """
            Prints `mock NAME listening on http://HOST:PORT` once it accepts connections (with \
            --port 0, the port it got; https with --tls-certificate and --tls-key) and serves \
            until SIGINT or SIGTERM. Control API: \
            GET /_mock/stats, GET /_mock/samples, POST /_mock/faults, POST /_mock/reset. \
            Protocols and development credentials: docs/NATIONAL-SYSTEMS.md.
            """)

    @Argument(help: "The system to run: \(MockSystemCatalog.names.joined(separator: ", ")).")
    var system: String

    @Option(help: "TCP port; 0 picks a free one.")
    var port: Int

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Seed of the generated data and of the error-rate draws.")
    var seed: UInt64 = 1

    @Option(name: .customLong("latency-ms"), help: "Milliseconds added before each answer.")
    var latencyMs: Int = 0

    @Option(name: .customLong("error-rate"), help: "Share of requests answered with a server error, 0.0 to 1.0.")
    var errorRate: Double = 0

    @Option(name: .customLong("tls-certificate"), help: "Serve https with this PEM certificate chain (leaf first).")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "The unencrypted PEM private key of --tls-certificate.")
    var tlsKey: String?

    func validate() throws {
        guard MockSystemCatalog.factories[system] != nil else {
            throw ValidationError("unknown system \"\(system)\"; known: \(MockSystemCatalog.names.joined(separator: ", "))")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-certificate and --tls-key go together")
        }
        do {
            _ = try MockFaults(latencyMs: latencyMs, errorRate: errorRate).validated()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        guard let factory = MockSystemCatalog.factories[system] else { throw CommandFailure("unknown system \(system)") }
        var tls: MockTLS?
        if let tlsCertificate, let tlsKey {
            do { tls = try MockTLS(certificateFile: tlsCertificate, keyFile: tlsKey) } catch {
                throw CommandFailure(error.description)
            }
        }
        // Logs go to standard error: standard output carries only the listening line.
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let server = MockServer(
            system: factory(MockDataSet(seed: seed)), host: host, port: port,
            faults: MockFaults(latencyMs: latencyMs, errorRate: errorRate), seed: seed, tls: tls)
        let name = system
        let host = self.host
        let scheme = tls == nil ? "http" : "https"
        do {
            try await server.runUntilSignalled { boundPort in
                FileHandle.standardOutput.write(Data("mock \(name) listening on \(scheme)://\(host):\(boundPort)\n".utf8))
            }
        } catch {
            throw CommandFailure("mock \(name) stopped: \(error)")
        }
    }
}
