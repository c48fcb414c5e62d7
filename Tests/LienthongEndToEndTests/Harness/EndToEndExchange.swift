import Foundation
import LienthongCrypto
import LienthongTestSupport

/// The whole exchange as separate processes on loopback: a development PKI made with
/// `lienthong keys`, the four mock national systems (`lienthong mock`, the land registry over
/// https), the ministry G01 and the province H41 (`lienthong serve`), in a temporary directory.
///
/// ```swift
/// try await EndToEndExchange.with(label: "restart") { exchange in
///     let answer = try await exchange.call("population.citizen.lookup/v1", ["SoDinhDanh": id])
///     await exchange.ministry.kill()
///     try await exchange.ministry.restart()
/// }
/// ```
final class EndToEndExchange: Sendable {
    /// The API keys of the province's two local clients: one allowed every service, one only
    /// the citizen verification.
    let apiKey: String
    let limitedKey: String
    let directory: URL
    let pki: DevelopmentPKI
    let mocks: [String: MockProcess]
    let ministry: GatewayProcess
    let province: GatewayProcess

    /// The exchange the current suite shares (see `SharedExchange`).
    @TaskLocal static var current: EndToEndExchange?

    private init(
        apiKey: String, limitedKey: String, directory: URL, pki: DevelopmentPKI, mocks: [String: MockProcess],
        ministry: GatewayProcess, province: GatewayProcess
    ) {
        self.apiKey = apiKey
        self.limitedKey = limitedKey
        self.directory = directory
        self.pki = pki
        self.mocks = mocks
        self.ministry = ministry
        self.province = province
    }

    /// Starts everything and returns once both gateways are ready. Whatever was started is
    /// stopped again when a later step fails.
    static func start(label: String) async throws -> EndToEndExchange {
        let directory = try LienthongBinary.temporaryDirectory(label)
        let logs = directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let pki = try DevelopmentPKI.make(in: directory.appendingPathComponent("pki"))

        var mocks: [String: MockProcess] = [:]
        do {
            // The land registry answers over https with a certificate of its own CA.
            for system in ["population", "land", "business", "document-axis"] {
                let tls = system == "land" ? (pki.upstreamServer, pki.upstreamCA) : nil
                mocks[system] = try await MockProcess.start(system, tls: tls, logDirectory: logs)
            }
            let apiKey = try randomKey()
            let limitedKey = try randomKey()
            // A port found free can be taken by another process before the gateway binds it:
            // then the gateways start again on other ports.
            for attempt in 1...3 {
                let gateways = try writeConfigurations(
                    in: directory, pki: pki, mocks: mocks, apiKey: apiKey, limitedKey: limitedKey)
                do {
                    async let ministryReady: Void = gateways.ministry.start()
                    async let provinceReady: Void = gateways.province.start()
                    try await ministryReady
                    try await provinceReady
                    return EndToEndExchange(
                        apiKey: apiKey, limitedKey: limitedKey, directory: directory, pki: pki, mocks: mocks,
                        ministry: gateways.ministry, province: gateways.province)
                } catch {
                    await gateways.province.stop()
                    await gateways.ministry.stop()
                    let logs = gateways.ministry.logTail(lines: 200) + gateways.province.logTail(lines: 200)
                    guard attempt < 3, logs.contains("Address already in use") else { throw error }
                }
            }
            throw HarnessError("the gateways found no free ports")
        } catch {
            for mock in mocks.values { await mock.stop() }
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// Writes both configurations on fresh free ports and returns the gateways, not started.
    private static func writeConfigurations(
        in directory: URL, pki: DevelopmentPKI, mocks: [String: MockProcess], apiKey: String, limitedKey: String
    ) throws -> (ministry: GatewayProcess, province: GatewayProcess) {
        let logs = directory.appendingPathComponent("logs")
        let ports = try Loopback.freePorts(4)
        let ministryListen = GatewayConfigurationFiles.Listen(
            localPort: ports[0], exchangePort: ports[1], dataDirectory: directory.appendingPathComponent("ministry-data"))
        let provinceListen = GatewayConfigurationFiles.Listen(
            localPort: ports[2], exchangePort: ports[3], dataDirectory: directory.appendingPathComponent("province-data"))
        let ministryFile = directory.appendingPathComponent("ministry.yaml")
        try GatewayConfigurationFiles.ministry(
            ministryListen, pki: pki, mockURLs: mocks.mapValues(\.baseURL), upstreamCAFile: pki.upstreamCA
        ).write(to: ministryFile, atomically: true, encoding: .utf8)
        let provinceFile = directory.appendingPathComponent("province.yaml")
        try GatewayConfigurationFiles.province(
            provinceListen, pki: pki, ministryExchangePort: ministryListen.exchangePort,
            apiKeySHA256: try sha256Hex(apiKey), limitedKeySHA256: try sha256Hex(limitedKey)
        ).write(to: provinceFile, atomically: true, encoding: .utf8)
        let ministry = GatewayProcess(
            name: "ministry", configurationFile: ministryFile, localPort: ministryListen.localPort,
            exchangePort: ministryListen.exchangePort, dataDirectory: ministryListen.dataDirectory, logDirectory: logs)
        let province = GatewayProcess(
            name: "province", configurationFile: provinceFile, localPort: provinceListen.localPort,
            exchangePort: provinceListen.exchangePort, dataDirectory: provinceListen.dataDirectory, logDirectory: logs)
        return (ministry, province)
    }

    /// Runs `body` with a fresh exchange and stops every process afterwards, also when `body`
    /// throws; the files are removed unless `LIENTHONG_E2E_KEEP` is set.
    static func with<Result>(label: String, _ body: (EndToEndExchange) async throws -> Result) async throws -> Result {
        let exchange = try await start(label: label)
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

    /// Stops the province, then the ministry, then the mocks (SIGTERM, SIGKILL after a grace
    /// period), and returns the gateways' exit statuses.
    @discardableResult
    func stop() async -> (province: Int32?, ministry: Int32?) {
        let provinceStatus = await province.stop()
        let ministryStatus = await ministry.stop()
        for mock in mocks.values { await mock.stop() }
        return (provinceStatus, ministryStatus)
    }

    func removeFiles() {
        if ProcessInfo.processInfo.environment["LIENTHONG_E2E_KEEP"] == nil {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    func mock(_ system: String) throws -> MockProcess {
        guard let mock = mocks[system] else { throw HarnessError("no mock \(system)") }
        return mock
    }

    /// POSTs `payload` to the province's local API for `service`, as a local system would.
    func call(_ service: String, _ payload: Any, apiKey: String? = nil, useKey: Bool = true) async throws -> HTTPReply {
        var headers: [String: String] = [:]
        if useKey { headers["Authorization"] = "Bearer \(apiKey ?? self.apiKey)" }
        return try await PlainHTTP.postJSON(province.localURL + "/v1/services/" + service, payload, headers: headers)
    }

    /// The end of every gateway's log, for failure messages.
    func logs(lines: Int = 30) -> String {
        "--- ministry log:\n\(ministry.logTail(lines: lines))\n--- province log:\n\(province.logTail(lines: lines))"
    }

    private static func randomKey() throws -> String {
        Base64URL.encode(try SecureRandom.bytes(count: 32))
    }

    private static func sha256Hex(_ key: String) throws -> String {
        try Digest.sha256(Array(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
