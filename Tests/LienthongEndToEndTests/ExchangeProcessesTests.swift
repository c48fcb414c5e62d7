import Foundation
import LienthongTestSupport
import Testing

/// §7 of the exchange issue against real processes: `lienthong serve` for the ministry G01 and
/// the province H41, `lienthong mock` for the four national systems (the land registry over
/// https), a PKI made with `lienthong keys`. One set of processes serves the whole suite; the
/// tests run one at a time because the fault tests change what the mocks do.
@Suite("Exchange between real processes", .serialized, .sharedExchange("exchange"))
struct ExchangeProcessesTests {
    /// Checks `reply` is the problem `name` with `status`, with the gateways' logs on failure.
    func expectProblem(
        _ reply: HTTPReply, _ status: Int, _ name: String, _ exchange: EndToEndExchange,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(reply.status == status, "\(reply.summary)\n\(exchange.logs())", sourceLocation: sourceLocation)
        #expect(reply.problem == name, "\(reply.summary)", sourceLocation: sourceLocation)
        #expect(reply.json?["status"] as? Int == status, sourceLocation: sourceLocation)
    }

    /// Checks `reply` is the ministry's signed answer for `service`, as the province hands it on.
    func expectSignedAnswer(
        _ reply: HTTPReply, _ service: String, _ exchange: EndToEndExchange, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(reply.status == 200, "\(reply.summary)\n\(exchange.logs())", sourceLocation: sourceLocation)
        #expect(reply[header: "Lienthong-From"] == DevelopmentPKI.ministry, sourceLocation: sourceLocation)
        #expect(reply[header: "Lienthong-To"] == DevelopmentPKI.province, sourceLocation: sourceLocation)
        #expect(reply[header: "Lienthong-Service"] == service, sourceLocation: sourceLocation)
        #expect(reply[header: "Lienthong-Correlation-Id"]?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(reply[header: "Lienthong-Signature"]?.isEmpty == false, sourceLocation: sourceLocation)
    }

    /// A citizen of the mock's seeded data.
    func sampleCitizen(_ exchange: EndToEndExchange) async throws -> String {
        let citizens = try await exchange.mock("population").samples()["citizens"] as? [String]
        return try #require(citizens?.first)
    }

    /// An example payload published in a bundled schema (`schemas/<file>`).
    static func schemaExample(_ file: String, index: Int = 0) throws -> [String: Any] {
        let url = LienthongBinary.packageRoot.appendingPathComponent("schemas/\(file)")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let examples = try #require(schema["examples"] as? [[String: Any]])
        return examples[index]
    }
}
