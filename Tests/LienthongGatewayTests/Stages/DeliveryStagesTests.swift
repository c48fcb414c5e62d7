import Foundation
import LienthongCore
import LienthongPluginAPI
import LienthongSchema
import Synchronization
import Testing
@testable import LienthongGateway

/// A transport that answers per host from a script and records the hosts it was asked.
final class ScriptedTransport: PeerTransport {
    let script: [String: Result<HTTPAnswer, PeerTransportError>]
    let asked = Mutex<[String]>([])

    init(_ script: [String: Result<HTTPAnswer, PeerTransportError>]) { self.script = script }

    func post(_ message: HTTPMessage, to url: URL, timeout: Duration) async throws(PeerTransportError) -> HTTPAnswer {
        let host = url.host ?? ""
        asked.withLock { $0.append(host) }
        guard let outcome = script[host] else { throw .unreachable("no such host") }
        return try outcome.get()
    }
}

@Suite("Delivery and adapter stages")
struct DeliveryStagesTests {
    let urls = ["https://a.example", "https://b.example", "https://c.example"].compactMap { URL(string: $0) }

    @Test("delivery fails over to the next URL when a peer cannot be reached")
    func failover() async throws {
        let transport = ScriptedTransport([
            "a.example": .failure(.unreachable("connection refused")),
            "b.example": .success(HTTPAnswer(status: 200, headers: [], body: [1])),
        ])
        let answer = try await PeerDelivery(transport: transport, timeout: .seconds(5)).deliver(HTTPMessage(), to: urls)
        #expect(answer.body == [1])
        #expect(transport.asked.withLock { $0 } == ["a.example", "b.example"])
    }

    @Test("no reachable peer is a 502; a peer that times out is a 504 without fail-over")
    func failures() async throws {
        let unreachable = ScriptedTransport([:])
        do {
            _ = try await PeerDelivery(transport: unreachable, timeout: .seconds(5)).deliver(HTTPMessage(), to: urls)
            Issue.record("delivered to nobody")
        } catch { #expect(error.status == 502) }
        #expect(unreachable.asked.withLock { $0 }.count == 3)

        let slow = ScriptedTransport(["a.example": .failure(.timeout("no answer"))])
        do {
            _ = try await PeerDelivery(transport: slow, timeout: .seconds(5)).deliver(HTTPMessage(), to: urls)
            Issue.record("a timeout was not reported")
        } catch { #expect(error.status == 504) }
        #expect(slow.asked.withLock { $0 } == ["a.example"])
    }

    func envelope(_ service: ServiceID) -> Envelope {
        Envelope(from: TestPKI.provinceAgency, to: TestPKI.ministryAgency, service: service, payload: [])
    }

    @Test("adapter failures map to their problems and an answer passes through")
    func adapterErrors() async throws {
        let call = AdapterCall(
            plugins: [TestServices.lookup: CitizenLookupPlugin(), TestServices.verify: TimingOutPlugin()],
            timeout: .seconds(5))
        let answer = try await call.call(envelope(TestServices.lookup), payload: try JSONParser.parse(TestServices.validLookupRequest))
        #expect(answer.asObject?["SoDinhDanh"] == .string("040085012345"))
        do {
            _ = try await call.call(envelope(TestServices.verify), payload: .null)
            Issue.record("a timeout was not reported")
        } catch { #expect(error.status == 504) }
        do {
            _ = try await call.call(envelope(TestServices.lookup), payload: .object(JSONObject()))
            Issue.record("a rejection was not reported")
        } catch { #expect(error.status == 422) }
        do {
            _ = try await call.call(envelope(TestServices.service("land.parcel.lookup/v1")), payload: .null)
            Issue.record("a service without adapter was called")
        } catch { #expect(error.status == 404) }
    }

    @Test("an adapter that ignores cancellation still gets a 504 at the timeout")
    func hangingAdapter() async throws {
        let call = AdapterCall(plugins: [TestServices.lookup: HangingPlugin()], timeout: .milliseconds(100))
        do {
            _ = try await call.call(envelope(TestServices.lookup), payload: .null)
            Issue.record("a hanging adapter answered")
        } catch { #expect(error.status == 504) }
    }
}
