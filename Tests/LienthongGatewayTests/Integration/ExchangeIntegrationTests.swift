import Foundation
import LienthongCore
import LienthongCrypto
import LienthongPluginAPI
import LienthongSchema
import Testing
@testable import LienthongGateway

/// A province gateway (H41) and a ministry gateway (G01) in-process, with a development PKI made
/// for the test, real TLS and real signatures; the ministry answers through fake adapters.
@Suite("Exchange between two gateways")
struct ExchangeIntegrationTests {
    static let apiKey = "province-portal-key"
    static let limitedKey = "verify-only-key"

    /// Runs a ministry and a province gateway and hands both to `body`.
    func withGateways(
        compressionThreshold: Int = 8192,
        _ body: (TestPKI, GatewayHarness.Running, GatewayHarness.Running) async throws -> Void
    ) async throws {
        let pki = try TestPKI()
        let ministryConfiguration = GatewayHarness.configuration(
            agency: TestPKI.ministryAgency,
            services: [
                TestServices.lookup: .init(adapter: "fake-population", allowedAgencies: nil),
                TestServices.verify: .init(adapter: "fake-slow", allowedAgencies: [TestPKI.provinceAgency]),
            ],
            compressionThreshold: compressionThreshold)
        let plugins: [String: any LienthongPluginFactory] = [
            "fake-population": FixedPluginFactory(plugin: CitizenLookupPlugin()),
            "fake-slow": FixedPluginFactory(plugin: TimingOutPlugin()),
        ]
        try await GatewayHarness.withGateway(ministryConfiguration, identity: pki.ministry, plugins: plugins) { ministry in
            let clients = [
                GatewayConfiguration.LocalClient(
                    name: "portal", apiKeySHA256: try Digest.sha256(Array(Self.apiKey.utf8)),
                    allowedServices: [TestServices.lookup, TestServices.verify]),
                GatewayConfiguration.LocalClient(
                    name: "limited", apiKeySHA256: try Digest.sha256(Array(Self.limitedKey.utf8)),
                    allowedServices: [TestServices.verify]),
            ]
            let provinceConfiguration = GatewayHarness.configuration(
                agency: TestPKI.provinceAgency, peers: [TestPKI.ministryAgency: [ministry.exchangeURL]],
                routes: [TestServices.lookup: TestPKI.ministryAgency, TestServices.verify: TestPKI.ministryAgency],
                clients: clients, compressionThreshold: compressionThreshold)
            try await GatewayHarness.withGateway(provinceConfiguration, identity: pki.province) { province in
                try await body(pki, province, ministry)
            }
        }
    }

    func problem(_ answer: HTTPAnswer) throws -> (name: String, body: JSONObject) {
        #expect(answer[header: "Content-Type"] == Problem.mediaType)
        let object = try #require(try JSONParser.parse(answer.body).asObject)
        let type = try #require(object["type"]?.asString)
        #expect(object["status"] == .number(JSONNumber(answer.status)))
        return (String(type.dropFirst("https://lienthong.vn/problems/".count)), object)
    }

    @Test("a valid request goes through both gateways and comes back signed by the ministry")
    func validRequest() async throws {
        // A threshold of 0 makes both directions travel gzip-compressed.
        try await withGateways(compressionThreshold: 0) { pki, province, ministry in
            let clients = TestClients()
            defer { Task { await clients.shutdown() } }
            let answer = try await clients.callLocal(
                province, service: "population.citizen.lookup/v1", body: TestServices.validLookupRequest, apiKey: Self.apiKey)
            #expect(answer.status == 200)
            // The client gets the payload as signed, decompressed.
            #expect(answer[header: "Content-Encoding"] == nil)
            let payload = try JSONParser.parse(answer.body)
            #expect(payload.asObject?["SoDinhDanh"] == .string("040085012345"))

            let envelope = try EnvelopeReader().read(HTTPMessage(headers: answer.headers, body: answer.body), payload: answer.body)
            #expect(envelope.from == TestPKI.ministryAgency)
            #expect(envelope.to == TestPKI.provinceAgency)
            #expect(envelope.service == TestServices.lookup)
            let correlation = try #require(envelope.correlationID)
            let jws = try #require(answer[header: HeaderName.signature])
            let verified = try JWSVerifier(trustStore: try TrustStore(certificates: [pki.ca.certificate]))
                .verify(jws, envelope: envelope)
            #expect(verified.signer == TestPKI.ministryAgency)
            #expect(verified.header[JWSHeaderMember.requestDigest]
                == (try JWSSigner.requestDigest(of: Array(TestServices.validLookupRequest.utf8))))

            let provinceAudit = try await province.auditLog.allEntries()
            #expect(provinceAudit.map(\.outcome) == ["delivered", "accepted"])
            #expect(provinceAudit.first?.messageID == correlation)
            let ministryAudit = try await ministry.auditLog.allEntries()
            #expect(ministryAudit.map(\.outcome) == ["accepted", "answered"])
            #expect(ministryAudit.last?.correlationID == correlation)
        }
    }

    @Test("local API refusals: 422 with pointers, 401 unknown client, 403 service not allowed, 404 unknown service")
    func localRefusals() async throws {
        try await withGateways { _, province, ministry in
            let clients = TestClients()
            defer { Task { await clients.shutdown() } }
            let invalid = try await clients.callLocal(
                province, service: "population.citizen.lookup/v1", body: #"{"SoDinhDanh":"04008501234"}"#, apiKey: Self.apiKey)
            #expect(invalid.status == 422)
            let errors = try #require(try problem(invalid).body["errors"]?.asArray)
            #expect(errors.contains { $0.asObject?["instanceLocation"] == .string("/SoDinhDanh") })
            #expect(errors.allSatisfy { $0.asObject?["keywordLocation"]?.asString?.isEmpty == false })

            let unknown = try await clients.callLocal(
                province, service: "population.citizen.lookup/v1", body: TestServices.validLookupRequest, apiKey: "wrong")
            #expect(unknown.status == 401)
            #expect(try problem(unknown).name == "unknown-client")
            let missing = try await clients.callLocal(
                province, service: "population.citizen.lookup/v1", body: TestServices.validLookupRequest, apiKey: nil)
            #expect(missing.status == 401)

            let forbidden = try await clients.callLocal(
                province, service: "population.citizen.lookup/v1", body: TestServices.validLookupRequest, apiKey: Self.limitedKey)
            #expect(forbidden.status == 403)
            #expect(try problem(forbidden).name == "forbidden")

            let badJSON = try await clients.callLocal(
                province, service: "population.citizen.lookup/v1", body: "{", apiKey: Self.apiKey)
            #expect(badJSON.status == 400)

            // None of these reached the ministry.
            #expect(try await ministry.auditLog.allEntries().isEmpty)
        }
    }

    @Test("an adapter timing out answers 504 while another service still answers")
    func adapterTimeout() async throws {
        try await withGateways { _, province, _ in
            let clients = TestClients()
            defer { Task { await clients.shutdown() } }
            let slow = try await clients.callLocal(
                province, service: "population.citizen.verify/v1", body: TestServices.validVerifyRequest, apiKey: Self.apiKey)
            #expect(slow.status == 504)
            #expect(try problem(slow).name == "upstream-timeout")
            let fine = try await clients.callLocal(
                province, service: "population.citizen.lookup/v1", body: TestServices.validLookupRequest, apiKey: Self.apiKey)
            #expect(fine.status == 200)
        }
    }

    func lookupEnvelope(from: AgencyCode = TestPKI.provinceAgency, payload: String = TestServices.validLookupRequest) -> Envelope {
        Envelope(from: from, to: TestPKI.ministryAgency, service: TestServices.lookup, payload: Array(payload.utf8))
    }

    @Test("a tampered payload or signed header is refused with 401")
    func tampering() async throws {
        try await withGateways { pki, _, ministry in
            let caller = try ExchangeCaller(identity: pki.province)
            defer { Task { await caller.shutdown() } }

            var tamperedBody = try caller.signed(lookupEnvelope())
            tamperedBody.body = Array(#"{"SoDinhDanh":"040085099999"}"#.utf8)
            let bodyAnswer = try await caller.post(tamperedBody, to: ministry)
            #expect(bodyAnswer.status == 401)
            #expect(try problem(bodyAnswer).name == "bad-signature")

            var tamperedHeader = try caller.signed(lookupEnvelope())
            tamperedHeader.headers = tamperedHeader.headers.map {
                $0.name == HeaderName.service ? ($0.name, "population.citizen.verify/v1") : $0
            }
            let headerAnswer = try await caller.post(tamperedHeader, to: ministry)
            #expect(headerAnswer.status == 401)

            let unsigned = HTTPMessage(
                headers: try caller.signed(lookupEnvelope()).headers.filter { $0.name != HeaderName.signature },
                body: Array(TestServices.validLookupRequest.utf8))
            #expect(try await caller.post(unsigned, to: ministry).status == 401)
        }
    }

    @Test("a replayed message is refused with 409")
    func replay() async throws {
        try await withGateways { pki, _, ministry in
            let caller = try ExchangeCaller(identity: pki.province)
            defer { Task { await caller.shutdown() } }
            let message = try caller.signed(lookupEnvelope())
            #expect(try await caller.post(message, to: ministry).status == 200)
            let again = try await caller.post(message, to: ministry)
            #expect(again.status == 409)
            #expect(try problem(again).name == "replay")
            #expect(try await ministry.auditLog.allEntries().last?.outcome == "rejected:replay")
        }
    }

    @Test("a client certificate from an untrusted CA is refused during the TLS handshake")
    func untrustedClientCertificate() async throws {
        try await withGateways { pki, _, ministry in
            let rogue = try pki.identity(for: TestPKI.provinceAgency, issuedBy: pki.rogueCA)
            let caller = try ExchangeCaller(identity: rogue)
            defer { Task { await caller.shutdown() } }
            let message = try caller.signed(lookupEnvelope())
            do throws(PeerTransportError) {
                let answer = try await caller.post(message, to: ministry)
                Issue.record("the rogue client got HTTP \(answer.status)")
            } catch {
                guard case .unreachable = error else {
                    Issue.record("expected a TLS failure, got \(error)")
                    return
                }
            }
            #expect(try await ministry.auditLog.allEntries().isEmpty)
        }
    }

    @Test("a TLS certificate of another agency than From is refused with 401")
    func otherAgencyCertificate() async throws {
        try await withGateways { pki, _, ministry in
            // H01 connects with its own (trusted) certificate but relays a message signed by H41.
            let h01 = try ExchangeCaller(identity: try pki.identity(for: TestPKI.otherProvinceAgency))
            let h41 = try ExchangeCaller(identity: pki.province)
            defer { Task { await h01.shutdown(); await h41.shutdown() } }
            let relayed = try await h01.post(try h41.signed(lookupEnvelope()), to: ministry)
            #expect(relayed.status == 401)
            #expect(try problem(relayed).body["detail"]?.asString?.contains("TLS client certificate belongs to 000.00.00.H01") == true)

            // H01 signs with its own key but claims to be H41.
            let forged = try await h01.post(try h01.signed(lookupEnvelope(from: TestPKI.provinceAgency)), to: ministry)
            #expect(forged.status == 401)
        }
    }

    @Test("a decompression bomb is refused with 413")
    func decompressionBomb() async throws {
        try await withGateways { pki, _, ministry in
            let caller = try ExchangeCaller(identity: pki.province)
            defer { Task { await caller.shutdown() } }
            let huge = "{\"SoDinhDanh\":\"" + String(repeating: "0", count: 4 << 20) + "\"}"
            var message = try caller.signed(lookupEnvelope(payload: huge))
            message.body = try Compressor.compress(message.body)
            message.headers.append(("Content-Encoding", "gzip"))
            #expect(message.body.count < 1 << 20)
            let answer = try await caller.post(message, to: ministry)
            #expect(answer.status == 413)
            #expect(try problem(answer).name == "too-large")
        }
    }

    @Test("with clientCertificates, a local client authenticates with its certificate; others are refused")
    func localClientCertificates() async throws {
        let pki = try TestPKI()
        let system = TestPKI.agency("000.01.00.H41")
        let stranger = TestPKI.agency("000.02.00.H41")
        let configuration = GatewayHarness.configuration(
            agency: TestPKI.provinceAgency,
            clients: [GatewayConfiguration.LocalClient(
                name: "registry-office", certificateAgency: system, allowedServices: [TestServices.verify])],
            localClientCertificates: true)
        try await GatewayHarness.withGateway(configuration, identity: pki.province) { province in
            let url = try #require(URL(string: province.localURL + "/v1/services/population.citizen.lookup/v1"))
            let request = HTTPMessage(
                headers: [("Content-Type", "application/json")], body: Array(TestServices.validLookupRequest.utf8))

            // Known by its certificate, so past authentication: refused only for the service.
            let known = try ExchangeCaller(identity: try pki.identity(for: system))
            let unknown = try ExchangeCaller(identity: try pki.identity(for: stranger))
            defer { Task { await known.shutdown(); await unknown.shutdown() } }
            let forbidden = try await known.post(request, to: url)
            #expect(forbidden.status == 403)
            #expect(try problem(forbidden).name == "forbidden")
            let refused = try await unknown.post(request, to: url)
            #expect(refused.status == 401)
            #expect(try problem(refused).name == "unknown-client")
        }
    }

    @Test("the local API serves its OpenAPI document and a health check")
    func openAPIAndHealth() async throws {
        try await withGateways { _, province, _ in
            let clients = TestClients()
            defer { Task { await clients.shutdown() } }
            let openAPI = try await clients.get(province.localURL + "/openapi.json")
            #expect(openAPI.status == 200)
            #expect(try JSONParser.parse(openAPI.body).asObject?["openapi"] == .string("3.1.0"))
            let health = try await clients.get(province.localURL + "/health")
            #expect(try JSONParser.parse(health.body).asObject?["agency"] == .string("000.00.00.H41"))
        }
    }
}

@Suite("Exchange wire format")
struct ExchangeWireTests {
    @Test("above the threshold the provider's answer travels gzip-compressed and still verifies")
    func compressedAnswer() async throws {
        let pki = try TestPKI()
        let configuration = GatewayHarness.configuration(
            agency: TestPKI.ministryAgency,
            services: [TestServices.lookup: .init(adapter: "fake-population", allowedAgencies: nil)],
            compressionThreshold: 0)
        let plugins: [String: any LienthongPluginFactory] = ["fake-population": FixedPluginFactory(plugin: CitizenLookupPlugin())]
        try await GatewayHarness.withGateway(configuration, identity: pki.ministry, plugins: plugins) { ministry in
            let caller = try ExchangeCaller(identity: pki.province)
            defer { Task { await caller.shutdown() } }
            let request = Envelope(
                from: TestPKI.provinceAgency, to: TestPKI.ministryAgency, service: TestServices.lookup,
                payload: Array(TestServices.validLookupRequest.utf8))
            let answer = try await caller.post(try caller.signed(request), to: ministry)
            #expect(answer.status == 200)
            #expect(answer[header: "Content-Encoding"] == "gzip")
            let verification = ResponseVerification(
                verifier: JWSVerifier(trustStore: try TrustStore(certificates: [pki.ca.certificate])),
                decoding: BodyDecoding(maxDecompressedBytes: 1 << 20))
            let verified = try verification.verify(answer, request: request, provider: TestPKI.ministryAgency)
            #expect(try JSONParser.parse(verified.envelope.payload).asObject?["SoDinhDanh"] == .string("040085012345"))
        }
    }
}
