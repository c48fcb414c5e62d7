import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

@main
struct Lienthong: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lienthong",
        abstract: "Lienthong: the data exchange gateway between provinces and ministries.",
        discussion: """
            Exit codes: 0 success; 1 invalid input or failed verification (with the reason on \
            standard error); 2 usage error.
            """,
        version: LienthongVersion.current,
        subcommands: [
            VersionCommand.self, KeysCommand.self, SignCommand.self, VerifyCommand.self, SchemaCommand.self,
            AuditCommand.self, MockCommand.self, BenchCommand.self, ConfigCommand.self, ServeCommand.self, DemoCommand.self,
            MessagesCommand.self,
        ]
    )

    /// Runs the command line, mapping outcomes onto the documented exit codes.
    static func main() async {
        // One pool of threads for NIO and Swift concurrency: a request's async handler then runs on
        // the event loop that read it instead of hopping to the global pool and back.
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let code = await run(arguments: Array(CommandLine.arguments.dropFirst()))
        Foundation.exit(code)
    }

    static func run(arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("lienthong: \(failure.message)\n".utf8))
            return 1
        } catch let exitCode as ExitCode {
            return exitCode.rawValue
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version print to standard output.
                print(fullMessage(for: error))
                return 0
            }
            FileHandle.standardError.write(Data("\(fullMessage(for: error))\n".utf8))
            // Parsing and validation failures are usage errors (ArgumentParser's 64 becomes 2).
            return code == .validationFailure ? 2 : 1
        }
    }
}

/// An error a command reports to the user: invalid input or a failed check. Exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

enum LienthongVersion {
    static let current = "0.1.0"
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")
    func run() throws { print("lienthong \(LienthongVersion.current)") }
}
