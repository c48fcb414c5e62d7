import AsyncHTTPClient
import Foundation
import LienthongCore
import LienthongCrypto
import LienthongPluginAPI
import LienthongSchema
import LienthongStore
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization
@testable import LienthongGateway

/// Gateways with asynchronous messaging on real SQLite stores in temporary directories.
enum MessagingHarness {
    /// A running gateway and its store.
    struct Running: Sendable {
        let gateway: GatewayHarness.Running
        let store: GatewayStore

        var localURL: String { gateway.localURL }
        var exchangeURL: URL { gateway.exchangeURL }
        var auditLog: any AuditLog { gateway.auditLog }
    }

    /// Fast retries so a test sees several attempts in a second or two.
    static func fastDelivery(
        maxAttempts: Int = 50, receive: [ServiceID: Set<AgencyCode>?] = [:]
    ) -> GatewayConfiguration.DeliverySettings {
        GatewayConfiguration.DeliverySettings(
            maxAttempts: maxAttempts, maxAgeSeconds: 3_600, initialBackoffMilliseconds: 20, maxBackoffSeconds: 1,
            perPeerConcurrency: 4, concurrency: 16, leaseSeconds: 60, pollMilliseconds: 50, receive: receive)
    }

    /// Runs a gateway on `dataDirectory` for the duration of `body`, on `exchangePort` (0: any free one).
    static func withGateway<Result: Sendable>(
        _ configuration: GatewayConfiguration, identity: GatewayIdentity, dataDirectory: String, exchangePort: Int = 0,
        plugins: [String: any LienthongPluginFactory] = [:], _ body: (Running) async throws -> Result
    ) async throws -> Result {
        var configuration = configuration
        configuration.exchange.listener.port = exchangePort
        let store = try await GatewayStore.open(dataDirectory: dataDirectory)
        do {
            let result = try await GatewayHarness.withGateway(
                configuration, identity: identity, plugins: plugins,
                messagingStores: MessagingStores(outbox: store.outbox, inbox: store.inbox), auditLog: store.auditLog
            ) { gateway in
                try await body(Running(gateway: gateway, store: store))
            }
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    /// A port nothing listens on right now (bound to 0 and released), for a peer that is down.
    static func unusedPort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).wait()
        let port = channel.localAddress?.port ?? 0
        try channel.close().wait()
        return port
    }

    /// Polls `condition` every 50 ms until it holds; fails after `limit` so a broken delivery
    /// cannot hang the run (a guard, not a timing assertion: the limit is far above need).
    static func eventually(
        _ what: String, limit: Duration = .seconds(60), _ condition: () async throws -> Bool
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: limit)
        while clock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessTimeout(what: what)
    }

    struct HarnessTimeout: Error, CustomStringConvertible {
        let what: String
        var description: String { "gave up waiting: \(what)" }
    }

    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-messaging-\(UUID().uuidString)").path
    }
}

/// An adapter that counts each message id it is called with (to prove "handed over once").
final class CountingStatusPlugin: LienthongPlugin, Sendable {
    static let service = TestServices.service("document.status.update/v1")
    private let calls = Mutex<[MessageID: Int]>([:])

    var descriptor: PluginDescriptor {
        PluginDescriptor(
            id: "counting-status", version: "1.0.0", summary: "counts status updates",
            services: [ServiceDescriptor(service: Self.service, requestSchema: "", responseSchema: "")],
            settingsSchema: .object(JSONObject()))
    }

    func handle(_ request: PluginRequest) async throws(PluginError) -> PluginResponse {
        calls.withLock { $0[request.messageID, default: 0] += 1 }
        return PluginResponse(payload: .object(JSONObject([("Accepted", .bool(true))])))
    }

    var counts: [MessageID: Int] { calls.withLock { $0 } }
}

extension TestServices {
    static let statusUpdate = service("document.status.update/v1")

    /// A schema-valid `document.status.update/v1` payload with status `code`.
    static func statusPayload(_ code: String, from organ: String = "000.00.00.G01") -> String {
        #"{"ResponseFor":{"OrganId":"000.00.00.H41","Code":"1234/UBND-VX","PromulgationDate":"2026-11-21","DocumentId":"000.00.00.H41,2026/11/21,1234/UBND-VX"},"From":{"OrganId":"\#(organ)","OrganName":"Bộ Công an"},"StatusCode":"\#(code)","Description":"Đã xử lý.","Timestamp":"2026-11-21T10:02:45+07:00","StaffInfo":{"Department":"Văn thư","Staff":"Phạm Thị Thu Hà"}}"#
    }
}

extension TestClients {
    /// A request to the local API with the API key; `body` nil for none.
    func local(
        _ method: HTTPMethod, _ url: String, body: String? = nil, apiKey: String
    ) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await plain.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 22)
        return HTTPAnswer(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
            body: Array(bytes.readableBytesView))
    }
}
