import Foundation
import LienthongTestSupport

/// One `lienthong mock NAME --port 0` process: its base URL as it printed it, and its control
/// API (`/_mock/faults`, `/_mock/stats`, `/_mock/samples`, `/_mock/reset`).
final class MockProcess: Sendable {
    let system: String
    let baseURL: String
    let child: ChildProcess
    /// The CA of the https certificate, for reaching the control API over https.
    private let trustedCA: URL?

    private init(system: String, baseURL: String, child: ChildProcess, trustedCA: URL?) {
        self.system = system
        self.baseURL = baseURL
        self.child = child
        self.trustedCA = trustedCA
    }

    /// Starts the mock (https with `tls`, whose issuer is `trustedCA`) and returns once it
    /// listens. A mock that cannot start is stopped before the error is thrown.
    static func start(
        _ system: String, tls: (identity: DevelopmentPKI.Identity, trustedCA: URL)? = nil, logDirectory: URL
    ) async throws -> MockProcess {
        var arguments = ["mock", system, "--port", "0", "--seed", "1"]
        if let tls { arguments += ["--tls-certificate", tls.identity.chain.path, "--tls-key", tls.identity.key.path] }
        let child = ChildProcess(
            name: "mock \(system)", arguments: arguments, logFile: logDirectory.appendingPathComponent("mock-\(system).log"))
        try child.launch()
        do {
            let line = try await child.waitForOutputLine { $0.hasPrefix("mock \(system) listening on ") }
            let baseURL = String(line.dropFirst("mock \(system) listening on ".count))
            return MockProcess(system: system, baseURL: baseURL, child: child, trustedCA: tls?.trustedCA)
        } catch {
            await child.stop()
            throw error
        }
    }

    /// Sets faults (`latencyMs`, `errorRate`, `down`); the members left out keep their value.
    func setFaults(_ faults: [String: Any]) async throws {
        let reply = try await control("POST", "/_mock/faults", body: faults)
        guard reply.status == 200 else { throw HarnessError("mock \(system) refused faults \(faults): \(reply.summary)") }
    }

    /// How many requests of each kind the mock has answered.
    func stats() async throws -> [String: Int] {
        let reply = try await control("GET", "/_mock/stats")
        guard let requests = reply.json?["requests"] as? [String: Any] else {
            throw HarnessError("mock \(system) stats: \(reply.summary)")
        }
        return requests.compactMapValues { ($0 as? NSNumber)?.intValue }
    }

    /// Clears the mock's counts, so that a test can count only its own requests.
    func resetStats() async throws {
        let reply = try await control("POST", "/_mock/reset")
        guard reply.status == 200 else { throw HarnessError("mock \(system) reset: \(reply.summary)") }
    }

    /// The mock's sample inputs (identifiers that exist in its seeded data).
    func samples() async throws -> [String: Any] {
        let reply = try await control("GET", "/_mock/samples")
        guard let json = reply.json else { throw HarnessError("mock \(system) samples: \(reply.summary)") }
        return json
    }

    private func control(_ method: String, _ path: String, body: [String: Any]? = nil) async throws -> HTTPReply {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        // The control API shares the system's port, so an https mock is controlled over https.
        if let trustedCA {
            let client = try TLSHTTPClient(trustedCA: trustedCA)
            do {
                let reply = try await client.send(
                    method, baseURL + path, headers: [("Content-Type", "application/json")], body: data.map(Array.init))
                await client.shutdown()
                return reply
            } catch {
                await client.shutdown()
                throw error
            }
        }
        return try await PlainHTTP.send(method, baseURL + path, headers: ["Content-Type": "application/json"], body: data)
    }

    func stop() async { await child.stop() }
}
