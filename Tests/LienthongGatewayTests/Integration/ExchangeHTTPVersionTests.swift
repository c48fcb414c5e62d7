import AsyncHTTPClient
import Foundation
import LienthongCore
import LienthongPluginAPI
import NIOCore
import Testing
@testable import LienthongGateway

/// The exchange API offers HTTP/2 and HTTP/1.1 by ALPN; the peer certificate is read from the
/// connection either way (with HTTP/2 the request runs on a stream channel).
@Suite("Exchange API HTTP versions")
struct ExchangeHTTPVersionTests {
    @Test("a peer that speaks HTTP/2 gets HTTP/2, one that speaks only HTTP/1.1 gets HTTP/1.1, both are answered")
    func bothVersions() async throws {
        let pki = try TestPKI()
        let configuration = GatewayHarness.configuration(
            agency: TestPKI.ministryAgency,
            services: [TestServices.lookup: .init(adapter: "fake-population", allowedAgencies: nil)])
        let plugins: [String: any LienthongPluginFactory] = ["fake-population": FixedPluginFactory(plugin: CitizenLookupPlugin())]
        try await GatewayHarness.withGateway(configuration, identity: pki.ministry, plugins: plugins) { ministry in
            let caller = try ExchangeCaller(identity: pki.province)
            defer { Task { await caller.shutdown() } }
            for version in [HTTPClient.Configuration.HTTPVersion.automatic, .http1Only] {
                let tls = TLSSetup(
                    certificateChain: pki.province.certificateChain, privateKey: pki.province.privateKey,
                    trustedCAs: pki.province.trustedCAs)
                var clientConfiguration = HTTPClient.Configuration()
                clientConfiguration.tlsConfiguration = try tls.clientConfiguration()
                clientConfiguration.httpVersion = version
                let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)
                do {
                    let envelope = Envelope(
                        from: TestPKI.provinceAgency, to: TestPKI.ministryAgency, service: TestServices.lookup,
                        payload: Array(TestServices.validLookupRequest.utf8))
                    let message = try caller.signed(envelope)
                    var request = HTTPClientRequest(url: ministry.exchangeURL.absoluteString + "/exchange/v1/messages")
                    request.method = .POST
                    for (name, value) in message.headers { request.headers.add(name: name, value: value) }
                    request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
                    request.body = .bytes(ByteBuffer(bytes: message.body))
                    let response = try await client.execute(request, timeout: .seconds(20))
                    let body = try await response.body.collect(upTo: 1 << 20)
                    #expect(response.status == .ok, "HTTP version \(version): \(String(buffer: body))")
                    #expect(response.version.major == (version == .http1Only ? 1 : 2), "got HTTP/\(response.version.major).\(response.version.minor)")
                } catch {
                    try? await client.shutdown()
                    throw error
                }
                try await client.shutdown()
            }
        }
    }
}
