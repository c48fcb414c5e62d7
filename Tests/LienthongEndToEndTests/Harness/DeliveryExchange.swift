import Foundation
import LienthongCrypto
import LienthongTestSupport

/// The guaranteed-delivery proofs' processes: the document axis mock, the ministry G01 providing
/// `document.edoc.send/v1` through its adapter, and one or more province H41 replicas sending
/// asynchronous messages (`POST /v1/messages`) to it, directly or through a `FaultProxy`. Delivery
/// is tuned for a test: quick retries and short leases, so a crash costs seconds, not minutes.
final class DeliveryExchange: Sendable {
    static let service = "document.edoc.send/v1"
    /// Messages each gateway works on at once (`delivery.concurrency`): the sends in flight at the
    /// province, the hand-overs to the adapter at the ministry.
    static let concurrency = 64

    struct Options: Sendable {
        /// Province gateways sharing the province's store (more than one needs `provinceStore`).
        var provinceReplicas = 1
        /// The province's `store:` (a `postgres://` URL); nil keeps SQLite in its data directory.
        var provinceStore: String?
        /// Puts a fault proxy between the province and the ministry.
        var proxyFaults: FaultProxy.Faults?
        /// The proxy's seed: which connections and chunks its faults strike.
        var proxySeed: UInt64 = 1
        /// Bounds a send; the lease must be longer, so it also decides how long a crashed
        /// replica's messages wait before another sender takes them.
        var requestTimeoutSeconds = 5
        var leaseSeconds = 6
        /// Where the province keeps its SQLite file (the disk-full proof mounts a small
        /// filesystem there); nil: a directory of its own in the exchange's directory.
        var provinceDataDirectory: URL?
    }

    let directory: URL
    let pki: DevelopmentPKI
    let apiKey: String
    let axis: MockProcess
    let ministry: GatewayProcess
    let provinces: [GatewayProcess]
    let proxy: FaultProxy?

    var province: GatewayProcess { provinces[0] }

    private init(
        directory: URL, pki: DevelopmentPKI, apiKey: String, axis: MockProcess, ministry: GatewayProcess,
        provinces: [GatewayProcess], proxy: FaultProxy?
    ) {
        self.directory = directory
        self.pki = pki
        self.apiKey = apiKey
        self.axis = axis
        self.ministry = ministry
        self.provinces = provinces
        self.proxy = proxy
    }

    /// Runs `body` with fresh processes and stops all of them afterwards, also when it throws.
    static func with<Result>(
        label: String, options: Options = Options(), _ body: (DeliveryExchange) async throws -> Result
    ) async throws -> Result {
        let exchange = try await start(label: label, options: options)
        do {
            let result = try await body(exchange)
            await exchange.stop()
            exchange.removeFiles()
            return result
        } catch {
            await exchange.stop()
            exchange.removeFiles()
            throw error
        }
    }

    private static func start(label: String, options: Options) async throws -> DeliveryExchange {
        let directory = try LienthongBinary.temporaryDirectory(label)
        let logs = directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let pki = try DevelopmentPKI.make(in: directory.appendingPathComponent("pki"))
        let apiKey = Base64URL.encode(try SecureRandom.bytes(count: 32))
        let axis = try await MockProcess.start("document-axis", logDirectory: logs)
        var started: [GatewayProcess] = []
        var proxy: FaultProxy?
        do {
            for attempt in 1...3 {
                let ports = try Loopback.freePorts(2 + 2 * options.provinceReplicas)
                let ministry = try writeMinistry(
                    in: directory, pki: pki, axisURL: axis.baseURL, localPort: ports[0], exchangePort: ports[1], options: options)
                // The proxy forwards to this attempt's ministry port.
                await proxy?.stop()
                proxy = nil
                if let faults = options.proxyFaults {
                    proxy = try await FaultProxy.start(
                        forwardingTo: ministry.exchangePort, faults: faults, seed: options.proxySeed)
                }
                do {
                    return try await launch(
                        directory: directory, pki: pki, apiKey: apiKey, axis: axis, ministry: ministry, ports: ports,
                        peerPort: proxy?.port ?? ministry.exchangePort, proxy: proxy, options: options, started: &started,
                        attempt: attempt)
                } catch is PortTaken {
                    continue
                }
            }
            throw HarnessError("the gateways found no free ports")
        } catch {
            for gateway in started { await gateway.stop() }
            await proxy?.stop()
            await axis.stop()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// A start that failed because another process took a port meanwhile.
    private struct PortTaken: Error {}

    private static func launch(
        directory: URL, pki: DevelopmentPKI, apiKey: String, axis: MockProcess, ministry: GatewayProcess, ports: [Int],
        peerPort: Int, proxy: FaultProxy?, options: Options, started: inout [GatewayProcess], attempt: Int
    ) async throws -> DeliveryExchange {
        var provinces: [GatewayProcess] = []
        for replica in 0..<options.provinceReplicas {
            provinces.append(try writeProvince(
                in: directory, replica: replica, pki: pki, apiKey: apiKey, peerPort: peerPort,
                localPort: ports[2 + 2 * replica], exchangePort: ports[3 + 2 * replica], options: options))
        }
        var running: [GatewayProcess] = []
        do {
            try await ministry.start()
            running.append(ministry)
            // Replicas one after the other: the first applies the store's migrations.
            for province in provinces {
                try await province.start()
                running.append(province)
            }
            started = running
            return DeliveryExchange(
                directory: directory, pki: pki, apiKey: apiKey, axis: axis, ministry: ministry, provinces: provinces, proxy: proxy)
        } catch {
            for gateway in running.reversed() { await gateway.stop() }
            let logs = ([ministry] + provinces).map { $0.logTail(lines: 200) }.joined()
            if attempt < 3, logs.contains("Address already in use") { throw PortTaken() }
            throw error
        }
    }

    /// The delivery tuning both gateways share: retries every few hundred milliseconds at first,
    /// never dead (the proofs count every message), short leases.
    private static func deliverySection(_ options: Options) -> String {
        """
        delivery:
          maxAttempts: 10000
          concurrency: \(concurrency)
          initialBackoffMilliseconds: 100
          maxBackoffSeconds: 2
          leaseSeconds: \(options.leaseSeconds)
          pollMilliseconds: 200

        """
    }

    private static func writeMinistry(
        in directory: URL, pki: DevelopmentPKI, axisURL: String, localPort: Int, exchangePort: Int, options: Options
    ) throws -> GatewayProcess {
        let listen = GatewayConfigurationFiles.Listen(
            localPort: localPort, exchangePort: exchangePort, dataDirectory: directory.appendingPathComponent("ministry-data"))
        let text = GatewayConfigurationFiles.ministry(
            listen, pki: pki, mockURLs: ["document-axis": axisURL], upstreamCAFile: nil,
            requestTimeoutSeconds: options.requestTimeoutSeconds) + deliverySection(options)
        let file = directory.appendingPathComponent("ministry.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return GatewayProcess(
            name: "ministry", configurationFile: file, localPort: localPort, exchangePort: exchangePort,
            dataDirectory: listen.dataDirectory, logDirectory: directory.appendingPathComponent("logs"))
    }

    private static func writeProvince(
        in directory: URL, replica: Int, pki: DevelopmentPKI, apiKey: String, peerPort: Int, localPort: Int, exchangePort: Int,
        options: Options
    ) throws -> GatewayProcess {
        let name = options.provinceReplicas == 1 ? "province" : "province-\(replica + 1)"
        var data = directory.appendingPathComponent("\(name)-data")
        if replica == 0, let chosen = options.provinceDataDirectory { data = chosen }
        let listen = GatewayConfigurationFiles.Listen(localPort: localPort, exchangePort: exchangePort, dataDirectory: data)
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        // The limited client gets a key nobody holds: the proofs submit as the full client.
        var text = GatewayConfigurationFiles.province(
            listen, pki: pki, ministryExchangePort: peerPort, apiKeySHA256: hex(try Digest.sha256(Array(apiKey.utf8))),
            limitedKeySHA256: hex(try SecureRandom.bytes(count: 32)),
            requestTimeoutSeconds: options.requestTimeoutSeconds) + deliverySection(options)
        if let store = options.provinceStore { text += "store: \(GatewayConfigurationFiles.quoted(store))\n" }
        let file = directory.appendingPathComponent("\(name).yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return GatewayProcess(
            name: name, configurationFile: file, localPort: localPort, exchangePort: exchangePort, dataDirectory: data,
            logDirectory: directory.appendingPathComponent("logs"))
    }

    /// Stops the provinces, the ministry, the proxy and the mock.
    func stop() async {
        for province in provinces { await province.stop() }
        await ministry.stop()
        await proxy?.stop()
        await axis.stop()
    }

    func removeFiles() {
        if ProcessInfo.processInfo.environment["LIENTHONG_E2E_KEEP"] == nil {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// The end of every process's log, for failure messages.
    func logs(lines: Int = 25) -> String {
        ([ministry] + provinces).map { "--- \($0.name) log:\n\($0.logTail(lines: lines))" }.joined(separator: "\n")
    }

    // MARK: - The local API

    /// `POST /v1/messages` of one document to `gateway` (the first province by default).
    func submit(_ document: [String: Any], to gateway: GatewayProcess? = nil, timeout: TimeInterval = 30) async throws -> HTTPReply {
        let body = try JSONSerialization.data(withJSONObject: ["service": Self.service, "payload": document])
        return try await PlainHTTP.send(
            "POST", (gateway ?? province).localURL + "/v1/messages",
            headers: ["Authorization": "Bearer \(apiKey)", "Content-Type": "application/json"], body: body, timeout: timeout)
    }

    /// `GET /v1/messages/{id}` on `gateway`.
    func status(_ id: String, on gateway: GatewayProcess? = nil) async throws -> HTTPReply {
        try await PlainHTTP.send(
            "GET", (gateway ?? province).localURL + "/v1/messages/" + id, headers: ["Authorization": "Bearer \(apiKey)"])
    }

    /// Each document the axis took, by DocumentId, with how many times it was posted to it.
    func axisDocuments() async throws -> [String: Int] {
        let reply = try await PlainHTTP.get(axis.baseURL + "/_mock/documents")
        guard reply.status == 200, let documents = reply.json?["documents"] as? [String: Any] else {
            throw HarnessError("the axis' document list: \(reply.summary)")
        }
        return documents.compactMapValues { (($0 as? [String: Any])?["postings"] as? NSNumber)?.intValue }
    }
}
