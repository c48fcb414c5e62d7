import Foundation
import Testing

@Suite("Command line: version and exit codes")
struct ExitCodeTests {
    @Test func versionPrintsAndSucceeds() throws {
        let result = try CLI.run(["version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("lienthong "))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try CLI.run(["--no-such-option"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--no-such-option'"))
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let result = try CLI.run(["no-such-command"])
        #expect(result.status == 2)
    }

    @Test func helpSucceeds() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
    }
}
