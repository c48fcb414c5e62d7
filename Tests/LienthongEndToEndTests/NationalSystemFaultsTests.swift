import Foundation
import Testing

extension ExchangeProcessesTests {
    /// Runs `body` with `faults` set on `mock`, and clears them afterwards whatever happens, so
    /// that the next test finds a healthy system.
    func withFaults(_ mock: MockProcess, _ faults: [String: Any], _ body: () async throws -> Void) async throws {
        try await mock.setFaults(faults)
        do {
            try await body()
        } catch {
            try? await mock.setFaults(["latencyMs": 0, "errorRate": 0, "down": false])
            throw error
        }
        try await mock.setFaults(["latencyMs": 0, "errorRate": 0, "down": false])
    }

    @Test("a national system that is down gives 502 while the other services still answer, and recovers")
    func systemDown() async throws {
        let exchange = try EndToEndExchange.shared()
        let citizen = try await sampleCitizen(exchange)
        let enterprises = try await exchange.mock("business").samples()["enterprises"] as? [String]
        let enterprise = try #require(enterprises?.first)
        try await withFaults(try exchange.mock("business"), ["down": true]) {
            let down = try await exchange.call("business.enterprise.lookup/v1", ["ENTERPRISE_GDT_CODE": enterprise])
            expectProblem(down, 502, "upstream-failure", exchange)
            expectSignedAnswer(try await exchange.call(Self.lookup, ["SoDinhDanh": citizen]), Self.lookup, exchange)
        }
        let recovered = try await exchange.call("business.enterprise.lookup/v1", ["ENTERPRISE_GDT_CODE": enterprise])
        expectSignedAnswer(recovered, "business.enterprise.lookup/v1", exchange)
    }

    @Test("a national system slower than the adapter's timeout gives 504 while the other services still answer")
    func systemSlow() async throws {
        let exchange = try EndToEndExchange.shared()
        let citizen = try await sampleCitizen(exchange)
        let enterprises = try await exchange.mock("business").samples()["enterprises"] as? [String]
        let enterprise = try #require(enterprises?.first)
        // Well past the adapter's timeout, so the outcome does not depend on the machine's load.
        let latency = GatewayConfigurationFiles.businessTimeoutMs * 4
        try await withFaults(try exchange.mock("business"), ["latencyMs": latency]) {
            async let slow = exchange.call("business.enterprise.lookup/v1", ["ENTERPRISE_GDT_CODE": enterprise])
            // While the registry keeps one request waiting, the population register answers.
            expectSignedAnswer(try await exchange.call(Self.lookup, ["SoDinhDanh": citizen]), Self.lookup, exchange)
            expectProblem(try await slow, 504, "upstream-timeout", exchange)
        }
    }
}
