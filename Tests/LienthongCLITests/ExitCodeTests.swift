import Foundation
import Testing

@Suite("Command line: version and exit codes")
struct ExitCodeTests {
    @Test func versionPrintsAndSucceeds() async throws {
        let result = try await CLI.run(["version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("lienthong "))
    }

    @Test func unknownOptionIsAUsageError() async throws {
        let result = try await CLI.run(["--no-such-option"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--no-such-option'"))
    }

    @Test func unknownSubcommandIsAUsageError() async throws {
        let result = try await CLI.run(["no-such-command"])
        #expect(result.status == 2)
    }

    @Test func helpSucceeds() async throws {
        let result = try await CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
    }
}
