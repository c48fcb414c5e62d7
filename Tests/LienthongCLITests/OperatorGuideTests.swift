import Foundation
import LienthongTestSupport
import Testing

/// docs/PLUGINS.md cannot go stale: its step-by-step section is run exactly as written (the shell
/// blocks marked `<!-- guide-step -->`, in order, in one shell, in an empty directory), with the
/// built `lienthong` on the PATH and free ports in the variables the guide lets operators set.
@Suite("docs/PLUGINS.md, the operator guide", .serialized)
struct OperatorGuideTests {
    static let guide = CLI.packageRoot.appendingPathComponent("docs/PLUGINS.md")

    struct Record: Decodable, Equatable {
        let recordId: String
        let fullName: String
        let status: String
        let updatedOn: String?
    }

    struct ProblemBody: Decodable {
        let type: String
        let status: Int
        let detail: String?
    }

    @Test("every marked step is a shell block, and the steps cover scaffold, check, configure, run, call and stop")
    func stepsAreWellFormed() async throws {
        let extraction = GuideSteps.extract(try String(contentsOf: Self.guide, encoding: .utf8))
        #expect(extraction.orphanMarkers == 0)
        #expect(extraction.steps.count == 8)
        let script = extraction.steps.joined(separator: "\n")
        for command in [
            "lienthong plugin new", "lienthong plugin check", "lienthong keys issue", "lienthong config check",
            "lienthong serve --config provider.yaml", "lienthong serve --config caller.yaml", "curl", "kill",
        ] {
            #expect(script.contains(command), "the guide's steps no longer run \(command)")
        }
    }

    @Test("the steps, run as written, connect a new system through two gateways and answer the call")
    func stepsRunAsWritten() async throws {
        let markdown = try String(contentsOf: Self.guide, encoding: .utf8)
        let steps = GuideSteps.extract(markdown).steps
        try #require(!steps.isEmpty)
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let ports = try Loopback.freePorts(3)
        let binaries = CLI.executable.deletingLastPathComponent().path
        let script = "set -euo pipefail\n" + steps.joined(separator: "\n")
        let run = try await ScriptRun.run(script, in: work, environment: [
            "PATH": binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "UPSTREAM_PORT": String(ports[0]), "MINISTRY_EXCHANGE_PORT": String(ports[1]), "PROVINCE_API_PORT": String(ports[2]),
        ])
        #expect(!run.timedOut)
        #expect(run.status == 0, "the guide's steps failed:\n\(run.output)")

        // The first call: the record, exactly as the guide shows it.
        let answer = try JSONDecoder().decode(Record.self, from: Data(contentsOf: work.appendingPathComponent("answer.json")))
        let shown = try #require(GuideSteps.jsonBlock(after: "The first call prints `200`", in: markdown))
        #expect(answer == (try JSONDecoder().decode(Record.self, from: Data(shown.utf8))))
        #expect(answer.fullName == "Nguyễn Văn An")

        // The second: the problem the guide names, with the system's own message.
        let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(contentsOf: work.appendingPathComponent("not-found.json")))
        #expect(problem.type == "https://lienthong.vn/problems/not-found")
        #expect(problem.status == 404)
        #expect(problem.detail?.contains("no record 0000000009") == true)
        #expect(run.output.contains("200\n") && run.output.contains("404\n"))

        // Both audit trails hold the exchange, and verify.
        for data in ["data/provider", "data/caller"] {
            let verify = try await CLI.run(["audit", "verify", "--data", work.appendingPathComponent(data).path])
            #expect(verify.status == 0, "\(data): \(verify.stdout)\(verify.stderr)")
            #expect(verify.stdout.contains("audit trail intact") && !verify.stdout.contains("intact: 0 records"), "\(data): \(verify.stdout)")
        }
    }
}
