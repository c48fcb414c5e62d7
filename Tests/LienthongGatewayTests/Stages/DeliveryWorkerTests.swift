import Foundation
import LienthongCore
import LienthongCrypto
import LienthongPluginAPI
import LienthongSchema
import LienthongStore
import Logging
import Synchronization
import Testing
@testable import LienthongGateway

/// A transport that records what is posted and answers with a scripted answer.
final class ScriptTransport: PeerTransport, Sendable {
    typealias Script = @Sendable (HTTPMessage, URL) throws(PeerTransportError) -> HTTPAnswer
    private let script: Script
    private let posted = Mutex<[(URL, HTTPMessage)]>([])

    init(_ script: @escaping Script) { self.script = script }

    func post(_ message: HTTPMessage, to url: URL, timeout: Duration) async throws(PeerTransportError) -> HTTPAnswer {
        posted.withLock { $0.append((url, message)) }
        return try script(message, url)
    }

    var posts: [(URL, HTTPMessage)] { posted.withLock { $0 } }
}

/// An adapter failing with a fixed plugin error.
struct FailingPlugin: LienthongPlugin {
    let error: PluginError

    var descriptor: PluginDescriptor {
        PluginDescriptor(
            id: "failing", version: "1.0.0", summary: "fails",
            services: [ServiceDescriptor(service: TestServices.statusUpdate, requestSchema: "", responseSchema: "")],
            settingsSchema: .object(JSONObject()))
    }

    func handle(_ request: PluginRequest) async throws(PluginError) -> PluginResponse { throw error }
}

/// One delivery or hand-over at a time, through the workers' own code, against a real SQLite store.
@Suite("Delivery workers")
struct DeliveryWorkerTests {
    let pki: TestPKI
    let ministryURL: URL

    init() throws {
        pki = try TestPKI()
        ministryURL = try #require(URL(string: "https://127.0.0.1:9"))
    }

    func withStore(_ body: (GatewayStore) async throws -> Void) async throws {
        let directory = MessagingHarness.temporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory)
        do { try await body(store) } catch {
            await store.close()
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
        await store.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    func service(
        _ store: GatewayStore, transport: any PeerTransport, audit: any AuditLog,
        settings custom: GatewayConfiguration.DeliverySettings? = nil
    ) throws -> OutboxDeliveryService {
        let verifier = JWSVerifier(trustStore: try TrustStore(certificates: [pki.ca.certificate]))
        let attempt = DeliveryAttempt(
            routing: PeerRouting(routes: [:], peers: [TestPKI.ministryAgency: [ministryURL]]),
            compression: PayloadCompression(thresholdBytes: 1 << 20),
            delivery: PeerDelivery(transport: transport, timeout: .seconds(5)),
            verification: ResponseVerification(verifier: verifier, decoding: BodyDecoding(maxDecompressedBytes: 1 << 20)))
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        // Retries a minute away at the earliest, so a test sees the scheduled time still ahead.
        var settings = MessagingHarness.fastDelivery(maxAttempts: 3)
        settings.initialBackoffMilliseconds = 120_000
        settings.maxBackoffSeconds = 600
        return OutboxDeliveryService(
            outbox: store.outbox, attempt: attempt, settings: custom ?? settings,
            audit: AuditRecorder(log: audit, retention: .init()), wakeUp: WakeUpSignal(), owner: "test", logger: logger)
    }

    /// A message from the province to the ministry, enqueued and claimed.
    func claimed(_ store: GatewayStore) async throws -> OutboxClaim {
        try await enqueue(store)
        return try #require(try await store.outbox.claim(
            OutboxClaimRequest(owner: "test", now: Date(), leaseDuration: .seconds(60), limit: 1)).first)
    }

    /// The answer of a receiver whose receipt is signed by `identity` as `agency`.
    static func receipt(for message: HTTPMessage, signedBy identity: GatewayIdentity, as agency: AgencyCode, payload: String)
        throws(PeerTransportError) -> HTTPAnswer
    {
        do {
            let request = try EnvelopeReader().read(message, payload: message.body)
            let signing = ResponseSigning(
                signer: try JWSSigner(key: identity.privateKey, certificateChain: identity.certificateChain), agency: agency)
            let (receipt, jws) = try signing.sign(Array(payload.utf8), answering: request)
            return HTTPAnswer(status: 200, headers: WireHeaders.fields(for: receipt, jws: jws), body: receipt.payload)
        } catch {
            throw .unreachable("the script failed: \(error)")
        }
    }

    static func problem(_ status: Int, _ name: String) -> HTTPAnswer {
        HTTPAnswer(problem: Problem(name: name, title: name, status: status, detail: "scripted"))
    }

    @Test("a verified receipt makes the message delivered and is kept")
    func receiptIsKept() async throws {
        let ministry = pki.ministry
        let transport = ScriptTransport { message, url throws(PeerTransportError) in
            #expect(url.path.hasSuffix("/exchange/v1/deliveries"))
            return try Self.receipt(for: message, signedBy: ministry, as: TestPKI.ministryAgency, payload: #"{"status":"stored"}"#)
        }
        try await withStore { store in
            let audit = store.auditLog
            let claim = try await claimed(store)
            try await service(store, transport: transport, audit: audit).deliver(claim)
            let entry = try #require(try await store.outbox.entry(claim.entry.message.id))
            #expect(entry.state == .delivered)
            #expect(entry.receipt?.payload == Array(#"{"status":"stored"}"#.utf8))
            #expect(try await audit.allEntries().map(\.outcome).sorted() == ["delivered", "receipt"])
            // The bytes sent are the stored, signed bytes.
            #expect(transport.posts.first?.1.body == claim.entry.message.payload)
            #expect(transport.posts.first?.1[header: HeaderName.signature] == claim.entry.message.jws)
        }
    }

    @Test("a refusal of the content (422) is dead at once; a 503 is retried later; a forged receipt is retried")
    func failuresAreClassified() async throws {
        let province = pki.province
        let answers: [(HTTPAnswer, OutboxState)] = [
            (Self.problem(422, "schema-violation"), .dead),
            (Self.problem(503, "store-unavailable"), .sending),
            (Self.problem(401, "bad-signature"), .sending),
        ]
        for (answer, expected) in answers {
            try await withStore { store in
                let audit = store.auditLog
                let claim = try await claimed(store)
                try await service(store, transport: ScriptTransport { _, _ in answer }, audit: audit).deliver(claim)
                let entry = try #require(try await store.outbox.entry(claim.entry.message.id))
                #expect(entry.state == expected, "HTTP \(answer.status)")
                #expect(entry.lastError?.hasPrefix("HTTP \(answer.status)") == true)
                if expected == .sending { #expect(entry.nextAttemptAt.map { $0 > Date() } == true) }
                #expect(try await audit.allEntries().map(\.outcome) == (expected == .dead ? ["dead"] : []))
            }
        }
        // A "receipt" signed by the province itself, not by the receiver, is not proof.
        let forged = ScriptTransport { message, _ throws(PeerTransportError) in
            try Self.receipt(for: message, signedBy: province, as: TestPKI.provinceAgency, payload: "{}")
        }
        try await withStore { store in
            let claim = try await claimed(store)
            try await service(store, transport: forged, audit: InMemoryAuditLog()).deliver(claim)
            let entry = try #require(try await store.outbox.entry(claim.entry.message.id))
            #expect(entry.state == .sending && entry.receipt == nil)
            #expect(entry.lastError?.contains("peer-unavailable") == true)
        }
    }

    /// `count` messages from the province to the ministry, enqueued and claimed.
    func claimed(_ store: GatewayStore, count: Int) async throws -> [OutboxClaim] {
        for _ in 0..<count { try await enqueue(store) }
        let claims = try await store.outbox.claim(OutboxClaimRequest(owner: "test", now: Date(), leaseDuration: .seconds(60), limit: count))
        try #require(claims.count == count)
        return claims
    }

    @Test("a batch is one request; each message takes its own result: receipt, refusal or retry")
    func batchOutcomes() async throws {
        let ministry = pki.ministry
        let transport = ScriptTransport { request, url throws(PeerTransportError) in
            #expect(url.path.hasSuffix("/exchange/v1/deliveries/batch"))
            #expect(request[header: "Content-Type"] == DeliveryBatch.mediaType)
            let messages: [HTTPMessage]
            do { messages = try DeliveryBatch.messages(of: request.body) } catch { throw .unreachable("\(error)") }
            let results = [
                try Self.receipt(for: messages[0], signedBy: ministry, as: TestPKI.ministryAgency, payload: #"{"status":"stored"}"#),
                Self.problem(422, "schema-violation"),
                Self.problem(503, "store-unavailable"),
            ]
            return HTTPAnswer(status: 200, headers: [("Content-Type", DeliveryBatch.mediaType)], body: DeliveryBatch.encode(results: results))
        }
        try await withStore { store in
            let audit = store.auditLog
            let claims = try await claimed(store, count: 3)
            try await service(store, transport: transport, audit: audit).deliver(claims)
            #expect(transport.posts.count == 1)
            let sent = try DeliveryBatch.messages(of: try #require(transport.posts.first).1.body)
            #expect(sent.map(\.body) == claims.map(\.entry.message.payload))
            #expect(sent.map { $0[header: HeaderName.signature] } == claims.map(\.entry.message.jws))
            var states: [OutboxState] = []
            for claim in claims { states.append(try #require(try await store.outbox.entry(claim.entry.message.id)).state) }
            #expect(states == [.delivered, .dead, .sending])
            #expect(try await audit.allEntries().map(\.outcome).sorted() == ["dead", "delivered", "receipt"])
        }
    }

    @Test("a batch without an answer, or refused whole, leaves every message of it to be retried")
    func batchFailsWhole() async throws {
        let answers: [Result<HTTPAnswer, PeerTransportError>] = [
            .failure(.unreachable("connection refused")), .success(Self.problem(503, "store-unavailable")),
            .success(HTTPAnswer(status: 200, headers: [], body: Array(#"{"results":[]}"#.utf8))),
        ]
        for answer in answers {
            try await withStore { store in
                let claims = try await claimed(store, count: 2)
                let transport = ScriptTransport { _, _ throws(PeerTransportError) in try answer.get() }
                try await service(store, transport: transport, audit: InMemoryAuditLog()).deliver(claims)
                for claim in claims {
                    let entry = try #require(try await store.outbox.entry(claim.entry.message.id))
                    #expect(entry.state == .sending && entry.receipt == nil, "\(answer)")
                    #expect(entry.lastError?.isEmpty == false)
                }
            }
        }
    }

    @Test("a peer that does not take batches (404) gets the messages one by one")
    func batchFallsBackToSingleDeliveries() async throws {
        let ministry = pki.ministry
        let transport = ScriptTransport { message, url throws(PeerTransportError) in
            if url.path.hasSuffix("/batch") { return Self.problem(404, "not-found") }
            return try Self.receipt(for: message, signedBy: ministry, as: TestPKI.ministryAgency, payload: #"{"status":"stored"}"#)
        }
        try await withStore { store in
            let claims = try await claimed(store, count: 3)
            try await service(store, transport: transport, audit: InMemoryAuditLog()).deliver(claims)
            #expect(transport.posts.map { $0.0.lastPathComponent }.sorted() == ["batch", "deliveries", "deliveries", "deliveries"])
            for claim in claims { #expect(try await store.outbox.entry(claim.entry.message.id)?.state == .delivered) }
        }
    }

    @Test("the running service delivers a backlog within the per-peer limit, driven by finished sends alone (no poll)")
    func backlogIsDeliveredWithoutPolling() async throws {
        let ministry = pki.ministry
        let transport = SlowReceiptTransport { message throws(PeerTransportError) in
            try Self.receipt(for: message, signedBy: ministry, as: TestPKI.ministryAgency, payload: #"{"status":"stored"}"#)
        }
        try await withStore { store in
            for _ in 0..<64 { try await enqueue(store) }
            var settings = MessagingHarness.fastDelivery()
            settings.perPeerConcurrency = 16
            settings.concurrency = 32
            settings.pollMilliseconds = 60_000    // only wake-ups, never the poll, may drive the claims
            let worker = try service(store, transport: transport, audit: InMemoryAuditLog(), settings: settings)
            let running = Task { try await worker.run() }
            let deadline = ContinuousClock.now + .seconds(60)
            while try await store.outbox.counts()[.delivered] != 64, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            running.cancel()
            _ = await running.result
            #expect(try await store.outbox.counts()[.delivered] == 64)
            #expect(transport.mostInFlight <= 16, "at most perPeerConcurrency messages in flight to one peer")
            #expect(transport.requests < 64, "the messages went in batches")
        }
    }

    /// Enqueues one message from the province to the ministry.
    func enqueue(_ store: GatewayStore) async throws {
        let envelope = Envelope(
            from: TestPKI.provinceAgency, to: TestPKI.ministryAgency, service: TestServices.statusUpdate,
            payload: Array(TestServices.statusPayload("03").utf8))
        let jws = try JWSSigner(key: pki.province.privateKey, certificateChain: pki.province.certificateChain).sign(envelope: envelope)
        try await store.outbox.enqueue(
            StoredMessage(
                id: envelope.id, from: envelope.from, to: envelope.to, service: envelope.service, created: envelope.created,
                payload: envelope.payload, jws: jws, payloadDigest: try Digest.sha256(envelope.payload)),
            priority: .normal, client: nil, now: Date())
    }

    func dispatch(
        _ store: GatewayStore, plugin: any LienthongPlugin, transport: any PeerTransport, webhook: Bool,
        certificates: SignerCertificates? = nil
    ) throws -> InboxDispatchService {
        var settings = MessagingHarness.fastDelivery(maxAttempts: 3)
        if webhook { settings.webhook = .init(url: try #require(URL(string: "http://127.0.0.1:9/hook"))) }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let handOver = InboxHandOver(
            adapter: AdapterCall(plugins: [TestServices.statusUpdate: plugin], timeout: .seconds(5)),
            parser: JSONBodyParser(maxBytes: 1 << 20), webhook: settings.webhook, transport: transport, certificates: certificates)
        return InboxDispatchService(
            inbox: store.inbox, handOver: handOver, settings: settings,
            audit: AuditRecorder(log: InMemoryAuditLog(), retention: .init()), wakeUp: WakeUpSignal(), owner: "test",
            logger: logger)
    }

    func received(_ store: GatewayStore, route: InboxRoute, jws: String = "eyJhbGciOiJFUzI1NiJ9..c2ln") async throws -> InboxClaim {
        let payload = Array(TestServices.statusPayload("06").utf8)
        let message = StoredMessage(
            id: MessageID(), from: TestPKI.ministryAgency, to: TestPKI.provinceAgency, service: TestServices.statusUpdate,
            created: Date(), payload: payload, jws: jws, payloadDigest: try Digest.sha256(payload))
        _ = try await store.inbox.store(
            message, receipt: DeliveryReceipt(id: MessageID(), created: Date(), payload: [], jws: "r"), route: route, now: Date())
        return try #require(try await store.inbox.claim(
            route: route, owner: "test", now: Date(), leaseDuration: .seconds(60), limit: 1).first)
    }

    @Test("the webhook gets the signed payload with its headers; 2xx is done, 4xx dead, 5xx retried")
    func webhookOutcomes() async throws {
        for (status, expected) in [(204, InboxState.done), (400, .dead), (503, .pending)] {
            let transport = ScriptTransport { _, _ in HTTPAnswer(status: status, headers: [], body: []) }
            try await withStore { store in
                let claim = try await received(store, route: .webhook)
                try await dispatch(store, plugin: CountingStatusPlugin(), transport: transport, webhook: true).process(claim)
                let entry = try #require(try await store.inbox.entry(claim.entry.message.id))
                #expect(entry.state == expected, "HTTP \(status)")
                let post = try #require(transport.posts.first)
                #expect(post.0.absoluteString == "http://127.0.0.1:9/hook")
                #expect(post.1.body == claim.entry.message.payload)
                #expect(post.1[header: HeaderName.signature] == claim.entry.message.jws)
                #expect(post.1[header: HeaderName.messageID] == claim.entry.message.id.rawValue)
            }
        }
    }

    @Test("a webhook push carries the sender's certificate when the signature names it by thumbprint, and only then")
    func webhookSignerCertificate() async throws {
        let ministry = pki.ministry
        let signer = try JWSSigner(key: ministry.privateKey, certificateChain: ministry.certificateChain)
        let envelope = Envelope(
            from: TestPKI.ministryAgency, to: TestPKI.provinceAgency, service: TestServices.statusUpdate,
            payload: Array(TestServices.statusPayload("06").utf8))
        let log = InMemoryAuditLog()
        try await log.keepCertificate(ministry.certificateChain[0].derEncoded)
        let certificates = SignerCertificates(log: log)
        for (reference, expected) in [
            (JWSSigner.CertificateReference.thumbprint, Optional(Data(ministry.certificateChain[0].derEncoded).base64EncodedString())),
            (.chain, nil),
        ] {
            let transport = ScriptTransport { _, _ in HTTPAnswer(status: 204, headers: [], body: []) }
            try await withStore { store in
                let claim = try await received(store, route: .webhook, jws: try signer.sign(envelope: envelope, certificate: reference))
                try await dispatch(store, plugin: CountingStatusPlugin(), transport: transport, webhook: true, certificates: certificates)
                    .process(claim)
                let post = try #require(transport.posts.first)
                #expect(post.1[header: SignerCertificates.header] == expected, "\(reference)")
                #expect(try await store.inbox.entry(claim.entry.message.id)?.state == .done)
            }
        }
        // A certificate the trail does not hold leaves the push without it rather than failing it.
        let unknown = try pki.identity(for: TestPKI.ministryAgency)
        let unknownJWS = try JWSSigner(key: unknown.privateKey, certificateChain: unknown.certificateChain)
            .sign(envelope: envelope, certificate: .thumbprint)
        #expect(try await certificates.certificate(namedBy: unknownJWS) == nil)
    }

    @Test("a stored JWS naming by thumbprint a certificate the gateway no longer signs with is signed again; others go unchanged")
    func resignsWhatCouldNotBeVerified() async throws {
        let renewed = try pki.identity(for: TestPKI.provinceAgency)
        func signer(_ identity: GatewayIdentity) throws -> JWSSigner {
            try JWSSigner(key: identity.privateKey, certificateChain: identity.certificateChain)
        }
        let envelope = Envelope(
            from: TestPKI.provinceAgency, to: TestPKI.ministryAgency, service: TestServices.statusUpdate,
            payload: Array(TestServices.statusPayload("03").utf8))
        func stored(_ jws: String) throws -> StoredMessage {
            StoredMessage(
                id: envelope.id, from: envelope.from, to: envelope.to, service: envelope.service, created: envelope.created,
                payload: envelope.payload, jws: jws, payloadDigest: try Digest.sha256(envelope.payload))
        }
        let transport = ScriptTransport { _, _ in HTTPAnswer(status: 503, headers: [], body: []) }
        func attempt(_ certificate: JWSSigner.CertificateReference) throws -> DeliveryAttempt {
            DeliveryAttempt(
                routing: PeerRouting(routes: [:], peers: [TestPKI.ministryAgency: [ministryURL]]),
                compression: PayloadCompression(thresholdBytes: 1 << 20),
                delivery: PeerDelivery(transport: transport, timeout: .seconds(5)),
                verification: ResponseVerification(
                    verifier: JWSVerifier(trustStore: nil), decoding: BodyDecoding(maxDecompressedBytes: 1 << 20)),
                signing: MessageSigning(signer: try signer(renewed), certificate: certificate))
        }
        let verifier = JWSVerifier(trustStore: try TrustStore(certificates: [pki.ca.certificate]))
        let renewedLeaf = renewed.certificateChain[0]

        // Queued before the certificate was renewed: signed again, naming the new certificate.
        let beforeRenewal = try stored(try signer(pki.province).sign(envelope: envelope, certificate: .thumbprint))
        let resigned = try attempt(.thumbprint).signature(for: beforeRenewal)
        #expect(resigned != beforeRenewal.jws)
        let verified = try verifier.verify(resigned, envelope: envelope, presented: PresentedCertificate(chain: [renewedLeaf]))
        #expect(verified.header.certificateThumbprint == renewedLeaf.thumbprint)
        // What goes on the wire is that new signature.
        _ = await (try attempt(.thumbprint)).send(beforeRenewal)
        let posted = try #require(transport.posts.first?.1[header: HeaderName.signature])
        #expect(JWSHeader.unverifiedCertificateThumbprint(of: posted) == renewedLeaf.thumbprint)

        // Naming the current certificate, or carrying x5c: sent exactly as stored.
        let current = try stored(try signer(renewed).sign(envelope: envelope, certificate: .thumbprint))
        #expect(try attempt(.thumbprint).signature(for: current) == current.jws)
        let withChain = try stored(try signer(pki.province).sign(envelope: envelope))
        #expect(try attempt(.thumbprint).signature(for: withChain) == withChain.jws)

        // Switched to `signerCertificate: chain` (a peer that predates thumbprints): x5c now.
        let switched = try attempt(.chain).signature(for: current)
        #expect(try verifier.verify(switched, envelope: envelope).header.certificateChain == [renewedLeaf])
    }

    @Test("an adapter that refuses the content makes the message dead; a timeout is retried")
    func adapterOutcomes() async throws {
        for (error, expected) in [(PluginError.rejected("bad document"), InboxState.dead), (.timeout("slow"), .pending)] {
            try await withStore { store in
                let claim = try await received(store, route: .adapter)
                let transport = ScriptTransport { _, _ throws(PeerTransportError) in throw .unreachable("unused") }
                try await dispatch(store, plugin: FailingPlugin(error: error), transport: transport, webhook: false).process(claim)
                let entry = try #require(try await store.inbox.entry(claim.entry.message.id))
                #expect(entry.state == expected, "\(error)")
                #expect(entry.lastError?.isEmpty == false)
            }
        }
    }
}

/// A receiver that takes a few milliseconds per delivery and remembers the most it held at once.
final class SlowReceiptTransport: PeerTransport, Sendable {
    typealias Answer = @Sendable (HTTPMessage) throws(PeerTransportError) -> HTTPAnswer
    private let answer: Answer
    private let inFlight = Mutex((now: 0, most: 0, requests: 0))

    init(_ answer: @escaping Answer) { self.answer = answer }

    var mostInFlight: Int { inFlight.withLock { $0.most } }
    var requests: Int { inFlight.withLock { $0.requests } }

    /// Answers a single delivery, or each message of a batch; counts messages in flight.
    func post(_ message: HTTPMessage, to url: URL, timeout: Duration) async throws(PeerTransportError) -> HTTPAnswer {
        let batch = url.lastPathComponent == "batch" ? try? DeliveryBatch.messages(of: message.body) : nil
        let count = batch?.count ?? 1
        inFlight.withLock { state in
            state.now += count
            state.requests += 1
            state.most = max(state.most, state.now)
        }
        defer { inFlight.withLock { $0.now -= count } }
        // Uneven, as real deliveries are: sends finish one by one, not in waves.
        try? await Task.sleep(for: .microseconds(Int.random(in: 500...6_000)))
        guard let batch else { return try answer(message) }
        var results: [HTTPAnswer] = []
        for item in batch { results.append(try answer(item)) }
        return HTTPAnswer(status: 200, headers: [("Content-Type", DeliveryBatch.mediaType)], body: DeliveryBatch.encode(results: results))
    }
}
