import Foundation
import LienthongTestSupport
import Testing

/// The fault proxy the poor-link proof relies on, in front of a mock over plain HTTP: it passes
/// bytes, it refuses, and it cuts an answer after the server acted on the request.
@Suite("Fault proxy")
struct FaultProxyTests {
    /// A request the document axis mock counts (as `unauthorized`: no token) and answers 401.
    static let countedPath = "/edxml/v1/messages/none/status"

    @Test("passes requests and answers through, with latency, and counts what it did")
    func passes() async throws {
        try await withMockBehindProxy(FaultProxy.Faults(latencyMs: 30, handshakeChunks: 0)) { mock, proxy in
            let reply = try await PlainHTTP.get("http://127.0.0.1:\(proxy.port)\(Self.countedPath)", timeout: 10)
            #expect(reply.status == 401, "\(reply.summary)")
            let counted = try await mock.stats()["unauthorized"]
            #expect(counted == 1)
            let counts = proxy.counts
            #expect(counts.connections >= 1 && counts.refused == 0 && counts.cutAnswers == 0, "\(counts)")
            #expect(counts.bytesUp > 0 && counts.bytesDown > 0, "\(counts)")
        }
    }

    @Test("a refused connection never reaches the server")
    func refuses() async throws {
        try await withMockBehindProxy(FaultProxy.Faults(refuseRate: 1, handshakeChunks: 0)) { mock, proxy in
            await #expect(throws: (any Error).self) {
                _ = try await PlainHTTP.get("http://127.0.0.1:\(proxy.port)\(Self.countedPath)", timeout: 10)
            }
            let counted = try await mock.stats()["unauthorized"]
            #expect(counted == nil)
            #expect(proxy.counts.refused >= 1, "\(proxy.counts)")
        }
    }

    @Test("a cut answer: the server acted on the request, the client got no answer")
    func cutsAnswers() async throws {
        try await withMockBehindProxy(FaultProxy.Faults(cutResponseRate: 1, handshakeChunks: 0)) { mock, proxy in
            await #expect(throws: (any Error).self) {
                _ = try await PlainHTTP.get("http://127.0.0.1:\(proxy.port)\(Self.countedPath)", timeout: 10)
            }
            let counted = try await mock.stats()["unauthorized"] ?? 0
            #expect(counted >= 1)
            #expect(proxy.counts.cutAnswers >= 1, "\(proxy.counts)")
            // Healed, the same proxy passes answers again.
            proxy.set(FaultProxy.Faults(handshakeChunks: 0))
            let reply = try await PlainHTTP.get("http://127.0.0.1:\(proxy.port)\(Self.countedPath)", timeout: 10)
            #expect(reply.status == 401, "\(reply.summary)")
        }
    }

    private func withMockBehindProxy(
        _ faults: FaultProxy.Faults, _ body: (MockProcess, FaultProxy) async throws -> Void
    ) async throws {
        let directory = try LienthongBinary.temporaryDirectory("proxy")
        defer { try? FileManager.default.removeItem(at: directory) }
        let mock = try await MockProcess.start("document-axis", logDirectory: directory)
        guard let port = URL(string: mock.baseURL)?.port else {
            await mock.stop()
            throw HarnessError("no port in \(mock.baseURL)")
        }
        let proxy: FaultProxy
        do { proxy = try await FaultProxy.start(forwardingTo: port, faults: faults) } catch {
            await mock.stop()
            throw error
        }
        do {
            try await body(mock, proxy)
        } catch {
            await proxy.stop()
            await mock.stop()
            throw error
        }
        await proxy.stop()
        await mock.stop()
    }
}
