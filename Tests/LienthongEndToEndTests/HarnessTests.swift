import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The harness itself: what later crash tests rely on when things go wrong.
@Suite("End-to-end harness")
struct HarnessTests {
    @Test("a process that ignores SIGTERM is killed after the grace period")
    func stopEscalatesToSIGKILL() async throws {
        let directory = try LienthongBinary.temporaryDirectory("harness")
        defer { try? FileManager.default.removeItem(at: directory) }
        // An ignored signal stays ignored across exec, so the sleep itself shrugs SIGTERM off.
        let stubborn = ChildProcess(
            name: "stubborn", executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", "trap '' TERM; echo ready; exec sleep 60"], logFile: directory.appendingPathComponent("stubborn.log"))
        try stubborn.launch()
        _ = try await stubborn.waitForOutputLine(timeout: .seconds(30)) { $0 == "ready" }
        let status = await stubborn.stop(grace: .milliseconds(500))
        #expect(status == SIGKILL)
        #expect(!stubborn.isRunning)
        #expect(stubborn.logTail().contains("SIGKILL"))
    }

    @Test("a gateway that cannot start fails waitUntilReady at once, with what serve printed")
    func gatewayStartFailureCarriesTheLog() async throws {
        let directory = try LienthongBinary.temporaryDirectory("harness")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = directory.appendingPathComponent("broken.yaml")
        try "agency: 000.00.00.h41\nlocalAPI: {host: 127.0.0.1, port: 1}\n".write(to: configuration, atomically: true, encoding: .utf8)
        let gateway = GatewayProcess(
            name: "broken", configurationFile: configuration, localPort: 1, exchangePort: 2,
            dataDirectory: directory.appendingPathComponent("data"), logDirectory: directory)
        do {
            try await gateway.start(timeout: .seconds(120))
            Issue.record("a gateway with a broken configuration became ready")
        } catch let error as HarnessError {
            #expect(error.description.contains("broken gateway ended (status 1)"), "\(error)")
            #expect(error.description.contains("broken.yaml"), "\(error)")
        }
        #expect(!gateway.isRunning)
    }
}
