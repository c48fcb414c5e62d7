import AsyncHTTPClient
import BusinessRegistryPlugin
import DocumentAxisPlugin
import Foundation
import LandPlugin
import LienthongCore
import LienthongCrypto
import LienthongMocks
import LienthongPluginAPI
import LienthongSchema
import NIOSSL
import PopulationPlugin
import Testing

/// Adapters reaching an https national system: they trust the CA of their `caFile` and nothing
/// the gateway's own HTTP client happens to trust (the exchange PKI).
@Suite("Adapters over https: caFile")
struct UpstreamTLSTests {
    /// Two unrelated CAs in a temporary directory: the upstream's, which issued the mock's
    /// certificate, and the exchange's.
    final class Authorities {
        let directory: URL
        let upstreamCA: URL
        let exchangeCA: URL
        let mockTLS: MockTLS
        let exchangeCertificates: [NIOSSLCertificate]

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-upstream-tls-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let upstream = try DevelopmentCA.create(key: try PrivateKey.generate(.p256), commonName: "National systems CA")
            let exchange = try DevelopmentCA.create(key: try PrivateKey.generate(.p256), commonName: "Exchange CA")
            let serverKey = try PrivateKey.generate(.p256)
            let server = try upstream.issueCertificate(
                for: serverKey.publicKey, agency: try AgencyCode(parsing: "000.00.00.G09"), commonName: "land database",
                dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"])
            upstreamCA = directory.appendingPathComponent("upstream-ca.pem")
            exchangeCA = directory.appendingPathComponent("exchange-ca.pem")
            let chain = directory.appendingPathComponent("server-chain.pem")
            let key = directory.appendingPathComponent("server-key.pem")
            try Data(upstream.certificate.pemEncoded.utf8).write(to: upstreamCA)
            try Data(exchange.certificate.pemEncoded.utf8).write(to: exchangeCA)
            try Data((server.pemEncoded + upstream.certificate.pemEncoded).utf8).write(to: chain)
            try Data(try serverKey.pemEncoded().utf8).write(to: key)
            mockTLS = try MockTLS(certificateFile: chain.path, keyFile: key.path)
            exchangeCertificates = try NIOSSLCertificate.fromPEMFile(exchangeCA.path)
        }

        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    func plugin(_ mock: RunningMock, _ client: HTTPClient, caFile: URL?) throws -> any LienthongPlugin {
        // A short timeout: the HTTP client retries a failed handshake until then before it gives up.
        var settings: [(key: String, value: JSONValue)] = [
            ("baseURL", .string(mock.baseURL)), ("apiKey", "land-dev-key"), ("timeoutMs", 3_000),
        ]
        if let caFile { settings.append(("caFile", .string(caFile.path))) }
        return try LandPluginFactory().make(settings: .object(JSONObject(settings)), environment: pluginEnvironment(client))
    }

    func parcelRequest() throws -> PluginRequest {
        let parcel = try #require(TestData.shared.parcels.first)
        return try pluginRequest("land.parcel.lookup/v1", [
            "MaXa": .string(parcel.communeCode), "SoHieuToBanDo": .number(JSONNumber(parcel.mapSheet)),
            "SoThuTuThua": .number(JSONNumber(parcel.parcelNumber)),
        ])
    }

    @Test("with caFile naming the upstream's CA, the adapter answers over https")
    func trustedThroughCAFile() async throws {
        let authorities = try Authorities()
        try await RunningMock.with(LandSystem(data: TestData.shared), tls: authorities.mockTLS) { mock in
            #expect(mock.baseURL.hasPrefix("https://"))
            try await withHTTPClient { client in
                let response = try await plugin(mock, client, caFile: authorities.upstreamCA).handle(try parcelRequest())
                #expect(response.payload[key: "MaXa"] == .string(try #require(TestData.shared.parcels.first).communeCode))
            }
        }
    }

    @Test("the gateway client's trust (the exchange PKI) is not inherited: another CA or none refuses the upstream")
    func clientTrustNotInherited() async throws {
        let authorities = try Authorities()
        try await RunningMock.with(LandSystem(data: TestData.shared), tls: authorities.mockTLS) { mock in
            // A client like the gateway's: its default TLS trusts a CA that did issue the mock's
            // certificate, as if the exchange CA had; the adapter must not rely on it.
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(authorities.upstreamCA.path))
            var configuration = HTTPClient.Configuration()
            configuration.tlsConfiguration = tls
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            do {
                let request = try parcelRequest()
                await expectPluginError(try plugin(mock, client, caFile: nil), request) {
                    if case .unavailable = $0 { true } else { false }
                }
                await expectPluginError(try plugin(mock, client, caFile: authorities.exchangeCA), request) {
                    if case .unavailable = $0 { true } else { false }
                }
                // The same client does reach the mock when a request carries no TLS setting of
                // its own: the refusals above come from the adapter's configuration.
                let direct = try await client.execute(HTTPClientRequest(url: mock.baseURL + "/_mock/stats"), timeout: .seconds(30))
                #expect(direct.status == .ok)
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    @Test("caFile with an http base URL, or a file without a certificate, is a configuration error")
    func misconfiguredCAFile() throws {
        let authorities = try Authorities()
        let empty = authorities.directory.appendingPathComponent("empty.pem")
        try Data().write(to: empty)
        let environment = pluginEnvironment(HTTPClient.shared)
        let cases: [(JSONValue, String)] = [
            (["baseURL": "http://127.0.0.1:1", "apiKey": "k", "caFile": .string(authorities.upstreamCA.path)], "is not https"),
            (["baseURL": "https://127.0.0.1:1", "apiKey": "k", "caFile": .string(empty.path)], "no"),
            (["baseURL": "https://127.0.0.1:1", "apiKey": "k", "caFile": "/nonexistent/ca.pem"], "cannot read caFile"),
        ]
        for (settings, reason) in cases {
            #expect {
                _ = try LandPluginFactory().make(settings: settings, environment: environment)
            } throws: { error in
                (error as? PluginConfigurationError)?.reason.contains(reason) == true
            }
        }
    }

    @Test("every built-in HTTP adapter reads caFile and its settings schema allows it")
    func everyAdapterReadsCAFile() throws {
        let authorities = try Authorities()
        let environment = pluginEnvironment(HTTPClient.shared)
        let adapters: [(any LienthongPluginFactory, JSONValue)] = [
            (PopulationPluginFactory(), ["clientId": "c", "clientSecret": "s"]),
            (LandPluginFactory(), ["apiKey": "k"]),
            (BusinessRegistryPluginFactory(), ["token": "t"]),
            (DocumentAxisPluginFactory(), ["token": "t"]),
        ]
        for (factory, credentials) in adapters {
            guard case .object(let base) = credentials else { continue }
            func settings(_ url: String) -> JSONValue {
                .object(JSONObject(base.members + [("baseURL", .string(url)), ("caFile", .string(authorities.upstreamCA.path))]))
            }
            let id = factory.descriptor.id
            // The settings schema knows the member, so `config check` accepts it.
            let validator = try JSONSchemaValidator(schema: factory.descriptor.settingsSchema)
            #expect(validator.isValid(settings("https://upstream.example")), "\(id)")
            _ = try factory.make(settings: settings("https://upstream.example"), environment: environment)
            #expect("\(id) refuses caFile with http") {
                _ = try factory.make(settings: settings("http://upstream.example"), environment: environment)
            } throws: { error in
                (error as? PluginConfigurationError)?.reason.contains("is not https") == true
            }
        }
    }
}
