import Foundation
import LienthongCore
import LienthongCrypto
import LienthongPluginAPI
import LienthongSchema
import LienthongStore
import Logging
import Testing
@testable import LienthongGateway

/// The asynchronous pipelines without sockets: a runtime built on a real SQLite store, its
/// submission and delivery handlers called directly.
@Suite("Asynchronous pipelines")
struct AsyncPipelineTests {
    static let apiKey = "docs-key"

    struct Fixture {
        let pki: TestPKI
        let runtime: GatewayRuntime
        let store: GatewayStore
        let audit: any AuditLog
        let directory: String

        var messaging: AsyncMessaging {
            get throws { try #require(runtime.messaging) }
        }

        func release() async {
            await runtime.shutdown()
            await store.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// A ministry gateway (G01) that provides status updates through an adapter and receives edoc
    /// messages into its inbox; it routes status updates to the province.
    func withMinistry(webhook: Bool = false, _ body: (Fixture) async throws -> Void) async throws {
        let pki = try TestPKI()
        var configuration = GatewayHarness.configuration(
            agency: TestPKI.ministryAgency, peers: [TestPKI.provinceAgency: [try #require(URL(string: "https://127.0.0.1:9"))]],
            routes: [TestServices.statusUpdate: TestPKI.provinceAgency],
            clients: [
                GatewayConfiguration.LocalClient(
                    name: "docs", apiKeySHA256: try Digest.sha256(Array(Self.apiKey.utf8)), allowedServices: [TestServices.statusUpdate]),
            ],
            services: [TestServices.lookup: .init(adapter: "fake-population", allowedAgencies: [TestPKI.provinceAgency])])
        configuration.delivery = MessagingHarness.fastDelivery(receive: [TestServices.statusUpdate: [TestPKI.provinceAgency]])
        if webhook {
            configuration.delivery.webhook = .init(url: try #require(URL(string: "http://127.0.0.1:9/hook")))
        }
        let directory = MessagingHarness.temporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory)
        let audit = store.auditLog
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let runtime = try GatewayRuntime.build(
            configuration: configuration, identity: pki.ministry, auditLog: audit, replayGuard: InMemoryReplayGuard(),
            messagingStores: MessagingStores(outbox: store.outbox, inbox: store.inbox),
            plugins: PluginRegistry(factories: ["fake-population": FixedPluginFactory(plugin: CitizenLookupPlugin())]),
            logger: logger)
        let fixture = Fixture(pki: pki, runtime: runtime, store: store, audit: audit, directory: directory)
        do { try await body(fixture) } catch {
            await fixture.release()
            throw error
        }
        await fixture.release()
    }

    func submission(_ payload: String = TestServices.statusPayload("03")) -> HTTPMessage {
        HTTPMessage(
            headers: [("Authorization", "Bearer \(Self.apiKey)"), ("Content-Type", "application/json")],
            body: Array(#"{"service":"document.status.update/v1","priority":"high","payload":\#(payload)}"#.utf8))
    }

    /// A delivery from the province, signed with `identity` (the province's by default).
    func delivery(
        _ fixture: Fixture, service: ServiceID = TestServices.statusUpdate, payload: String = TestServices.statusPayload("05"),
        to recipient: AgencyCode = TestPKI.ministryAgency, created: Date = Date(), identity: GatewayIdentity? = nil
    ) throws -> (Envelope, HTTPMessage) {
        let envelope = Envelope(
            from: TestPKI.provinceAgency, to: recipient, service: service, created: created, payload: Array(payload.utf8))
        let signing = identity ?? fixture.pki.province
        let jws = try JWSSigner(key: signing.privateKey, certificateChain: signing.certificateChain).sign(envelope: envelope)
        return (envelope, HTTPMessage(headers: WireHeaders.fields(for: envelope, jws: jws), body: envelope.payload))
    }

    func problemName(_ answer: HTTPAnswer) -> String? {
        (try? JSONParser.parse(answer.body))?.asObject?["type"]?.asString.map { String($0.split(separator: "/").last ?? "") }
    }

    @Test("a submission is signed and in the outbox when 202 comes back")
    func submissionIsDurableBeforeTheAnswer() async throws {
        try await withMinistry { fixture in
            let answer = try await fixture.messaging.submission.handle(submission())
            #expect(answer.status == 202)
            let id = try MessageID(parsing: try #require(try JSONParser.parse(answer.body).asObject?["id"]?.asString))
            let entry = try #require(try await fixture.store.outbox.entry(id))
            #expect(entry.state == .accepted && entry.priority == .high && entry.client == "docs")
            #expect(entry.message.to == TestPKI.provinceAgency)
            #expect(try JSONParser.parse(entry.message.payload) == (try JSONParser.parse(Array(TestServices.statusPayload("03").utf8))))
            // Signed for delivery to a peer: the certificate is named by thumbprint, and is the one
            // the gateway presents in TLS.
            let verified = try JWSVerifier(trustStore: try TrustStore(certificates: [fixture.pki.ca.certificate]))
                .verify(
                    entry.message.jws, envelope: DeliveryAttempt.envelope(of: entry.message),
                    presented: PresentedCertificate(chain: fixture.pki.ministry.certificateChain))
            #expect(verified.signer == TestPKI.ministryAgency)
            #expect(verified.header.certificateThumbprint == fixture.pki.ministry.certificateChain[0].thumbprint)
            #expect(try await fixture.audit.allEntries().map(\.outcome) == ["queued"])
        }
    }

    @Test("with the store unavailable a submission is refused with 503 and nothing is queued")
    func submissionWithoutAStore() async throws {
        try await withMinistry { fixture in
            await fixture.store.close()
            let answer = try await fixture.messaging.submission.handle(submission())
            #expect(answer.status == 503)
            #expect(problemName(answer) == "store-unavailable")
            let reopened = try await GatewayStore.open(dataDirectory: fixture.directory)
            #expect(try await reopened.auditLog.allEntries().isEmpty)
            #expect(try await reopened.outbox.counts().values.reduce(0, +) == 0)
            await reopened.close()
        }
    }

    @Test("a delivery is stored before the receipt is answered, routed by service; Created may be old")
    func deliveryIsStoredAndRouted() async throws {
        try await withMinistry { fixture in
            let inbound = try fixture.messaging.inbound
            // Two days old: a retried message is not a replay here.
            let (envelope, message) = try delivery(fixture, created: Date(timeIntervalSinceNow: -2 * 86_400))
            let answer = await inbound.handle(message, tlsPeer: TLSPeer(agency: TestPKI.provinceAgency))
            #expect(answer.status == 200)
            #expect(answer[header: HeaderName.correlationID] == envelope.id.rawValue)
            let stored = try #require(try await fixture.store.inbox.entry(envelope.id))
            #expect(stored.route == .client && stored.message.payload == envelope.payload)
            #expect(stored.receipt.jws == answer[header: HeaderName.signature])

            let (lookup, lookupMessage) = try delivery(fixture, service: TestServices.lookup, payload: TestServices.validLookupRequest)
            #expect(await inbound.handle(lookupMessage, tlsPeer: TLSPeer(agency: TestPKI.provinceAgency)).status == 200)
            #expect(try await fixture.store.inbox.entry(lookup.id)?.route == .adapter)
        }
    }

    @Test("with a webhook, received messages without an adapter are routed to it")
    func webhookRoute() async throws {
        try await withMinistry(webhook: true) { fixture in
            let (envelope, message) = try delivery(fixture)
            #expect(try await fixture.messaging.inbound.handle(message, tlsPeer: TLSPeer(agency: TestPKI.provinceAgency)).status == 200)
            #expect(try await fixture.store.inbox.entry(envelope.id)?.route == .webhook)
        }
    }

    @Test("refused deliveries are not stored: another recipient 403, bad signature 401, schema 422, unknown service 404")
    func refusedDeliveriesAreNotStored() async throws {
        try await withMinistry { fixture in
            let inbound = try fixture.messaging.inbound
            let rogue = try fixture.pki.identity(for: TestPKI.provinceAgency, issuedBy: fixture.pki.rogueCA)
            let wrongRecipient = try delivery(fixture, to: TestPKI.otherProvinceAgency)
            let badSignature = try delivery(fixture, identity: rogue)
            let outsideSchema = try delivery(fixture, payload: #"{"StatusCode":"99"}"#)
            let notReceived = try delivery(fixture, service: TestServices.verify, payload: TestServices.validVerifyRequest)
            let cases: [(Envelope, HTTPMessage, Int, String)] = [
                (wrongRecipient.0, wrongRecipient.1, 403, "wrong-recipient"),
                (badSignature.0, badSignature.1, 401, "bad-signature"),
                (outsideSchema.0, outsideSchema.1, 422, "schema-violation"),
                (notReceived.0, notReceived.1, 404, "unknown-service"),
            ]
            for (envelope, message, status, name) in cases {
                let answer = await inbound.handle(message, tlsPeer: TLSPeer(agency: TestPKI.provinceAgency))
                #expect(answer.status == status && problemName(answer) == name, "\(name)")
                #expect(try await fixture.store.inbox.entry(envelope.id) == nil, "\(name) was stored")
            }
            // The TLS peer must be the sender.
            let (envelope, message) = try delivery(fixture)
            #expect(await inbound.handle(message, tlsPeer: TLSPeer(agency: TestPKI.otherProvinceAgency)).status == 401)
            #expect(try await fixture.store.inbox.entry(envelope.id) == nil)
            // Only authenticated refusals are audited: the rogue signature and the stranger TLS peer left no record.
            #expect(try await fixture.audit.allEntries().map(\.outcome).sorted()
                == ["rejected:schema-violation", "rejected:unknown-service", "rejected:wrong-recipient"])
        }
    }

    @Test("with the inbox unavailable a delivery gets 503, never a receipt")
    func deliveryWithoutAStore() async throws {
        try await withMinistry { fixture in
            await fixture.store.close()
            let (_, message) = try delivery(fixture)
            let answer = try await fixture.messaging.inbound.handle(message, tlsPeer: TLSPeer(agency: TestPKI.provinceAgency))
            #expect(answer.status == 503)
            #expect(problemName(answer) == "store-unavailable")
            #expect(answer[header: HeaderName.signature] == nil)
        }
    }

    @Test("a batch is answered message by message, in order: stored, refused, and a re-delivery's same receipt")
    func batchIsAnsweredPerMessage() async throws {
        try await withMinistry { fixture in
            let inbound = try fixture.messaging.inbound
            let (first, firstMessage) = try delivery(fixture)
            let (refused, refusedMessage) = try delivery(fixture, payload: #"{"StatusCode":"99"}"#)
            let (second, secondMessage) = try delivery(fixture, payload: TestServices.statusPayload("06"))
            let batch = HTTPMessage(
                headers: [("Content-Type", DeliveryBatch.mediaType)],
                body: DeliveryBatch.encode(messages: [firstMessage, refusedMessage, secondMessage, firstMessage]))
            let answer = await inbound.handle(batch: batch, tlsPeer: TLSPeer(agency: TestPKI.provinceAgency))
            #expect(answer.status == 200 && answer[header: "Content-Type"] == DeliveryBatch.mediaType)
            let results = try DeliveryBatch.results(of: answer.body, count: 4)
            #expect(results.map(\.status) == [200, 422, 200, 200])
            #expect(problemName(results[1]) == "schema-violation")
            #expect(results[0][header: HeaderName.correlationID] == first.id.rawValue)
            #expect(results[2][header: HeaderName.correlationID] == second.id.rawValue)
            // The same message twice in one batch: stored once, both answers the one stored receipt.
            let stored = try #require(try await fixture.store.inbox.entry(first.id))
            #expect(results[0][header: HeaderName.signature] == stored.receipt.jws)
            #expect(results[3][header: HeaderName.signature] == stored.receipt.jws)
            #expect(try await fixture.store.inbox.entry(second.id) != nil)
            #expect(try await fixture.store.inbox.entry(refused.id) == nil)
            // Each receipt verifies as the answer to its own message.
            let verification = ResponseVerification(
                verifier: JWSVerifier(trustStore: try TrustStore(certificates: [fixture.pki.ca.certificate])),
                decoding: BodyDecoding(maxDecompressedBytes: 1 << 20))
            _ = try verification.verify(results[2], request: second, provider: TestPKI.ministryAgency)
            #expect(throws: Problem.self) { try verification.verify(results[0], request: second, provider: TestPKI.ministryAgency) }
        }
    }

    @Test("a batch that cannot be read is refused whole and stores nothing")
    func unreadableBatchIsRefused() async throws {
        try await withMinistry { fixture in
            let inbound = try fixture.messaging.inbound
            let (envelope, message) = try delivery(fixture)
            let good = DeliveryBatch.encode(messages: [message])
            let tooMany = DeliveryBatch.encode(messages: Array(repeating: message, count: DeliveryBatch.maxMessages + 1))
            let cases: [(String?, [UInt8], Int, String)] = [
                ("application/json", good, 415, "unsupported-media-type"),
                (nil, good, 415, "unsupported-media-type"),
                (DeliveryBatch.mediaType, Array("[1,2".utf8), 400, "bad-json"),
                (DeliveryBatch.mediaType, Array(#"{"messages":[]}"#.utf8), 400, "bad-json"),
                (DeliveryBatch.mediaType, Array(#"{"messages":[{"headers":{},"body":"%%"}]}"#.utf8), 400, "bad-json"),
                (DeliveryBatch.mediaType, tooMany, 413, "too-large"),
            ]
            for (contentType, body, status, name) in cases {
                let headers = contentType.map { [("Content-Type", $0)] } ?? []
                let answer = await inbound.handle(batch: HTTPMessage(headers: headers, body: body), tlsPeer: TLSPeer(agency: TestPKI.provinceAgency))
                #expect(answer.status == status && problemName(answer) == name, "\(name): \(String(decoding: answer.body, as: UTF8.self))")
            }
            #expect(try await fixture.store.inbox.entry(envelope.id) == nil)
            #expect(try await fixture.audit.allEntries().isEmpty)
        }
    }
}
