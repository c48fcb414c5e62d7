import Foundation
import LienthongCore
import LienthongCrypto
import LienthongPluginAPI
import LienthongSchema
import LienthongStore
import Testing
@testable import LienthongGateway

/// Asynchronous messages between a province gateway (H41) and a ministry gateway (G01), both
/// in-process with real TLS, real signatures and real SQLite outboxes and inboxes.
@Suite("Asynchronous delivery between two gateways")
struct AsyncDeliveryIntegrationTests {
    static let provinceKey = "province-docs-key"
    static let ministryKey = "ministry-docs-key"

    struct Pair {
        let pki: TestPKI
        let province: MessagingHarness.Running
        let ministry: MessagingHarness.Running
        let adapter: CountingStatusPlugin
        let clients: TestClients
    }

    func provinceConfiguration(ministryURL: URL, maxAttempts: Int = 50) throws -> GatewayConfiguration {
        var configuration = GatewayHarness.configuration(
            agency: TestPKI.provinceAgency, peers: [TestPKI.ministryAgency: [ministryURL]],
            routes: [TestServices.statusUpdate: TestPKI.ministryAgency],
            clients: [
                GatewayConfiguration.LocalClient(
                    name: "docs", apiKeySHA256: try Digest.sha256(Array(Self.provinceKey.utf8)),
                    allowedServices: [TestServices.statusUpdate]),
            ])
        configuration.delivery = MessagingHarness.fastDelivery(maxAttempts: maxAttempts)
        // A send to a peer that is down fails only at the request deadline (the HTTP client keeps
        // trying to connect until then): short, so that the tests see several attempts.
        configuration.limits.requestTimeoutSeconds = 2
        return configuration
    }

    func ministryConfiguration(provinceURL: URL?) throws -> GatewayConfiguration {
        var configuration = GatewayHarness.configuration(
            agency: TestPKI.ministryAgency,
            peers: provinceURL.map { [TestPKI.provinceAgency: [$0]] } ?? [:],
            clients: [
                GatewayConfiguration.LocalClient(
                    name: "ministry-docs", apiKeySHA256: try Digest.sha256(Array(Self.ministryKey.utf8)),
                    allowedServices: [TestServices.statusUpdate]),
            ],
            services: [TestServices.statusUpdate: .init(adapter: "counting-status", allowedAgencies: [TestPKI.provinceAgency])])
        configuration.delivery = MessagingHarness.fastDelivery()
        return configuration
    }

    /// Submits one status update through the province's local API; the message id.
    func submit(_ pair: Pair, code: String = "03", correlationID: MessageID? = nil) async throws -> MessageID {
        var body = #"{"service":"document.status.update/v1","payload":\#(TestServices.statusPayload(code, from: "000.00.00.H41"))"#
        if let correlationID { body += #","correlationId":"\#(correlationID)""# }
        body += "}"
        let answer = try await pair.clients.local(.POST, pair.province.localURL + "/v1/messages", body: body, apiKey: Self.provinceKey)
        #expect(answer.status == 202, "\(String(decoding: answer.body, as: UTF8.self))")
        let object = try #require(try JSONParser.parse(answer.body).asObject)
        let id = try MessageID(parsing: try #require(object["id"]?.asString))
        #expect(answer[header: "Location"] == "/v1/messages/\(id)")
        return id
    }

    func status(_ pair: Pair, _ id: MessageID, via gateway: MessagingHarness.Running? = nil, key: String = provinceKey) async throws -> JSONObject {
        let answer = try await pair.clients.local(.GET, (gateway ?? pair.province).localURL + "/v1/messages/\(id)", apiKey: key)
        #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
        return try #require(try JSONParser.parse(answer.body).asObject)
    }

    /// Both gateways running; the province's peer URL points at the running ministry.
    func withPair(_ body: (Pair) async throws -> Void) async throws {
        let pki = try TestPKI()
        let adapter = CountingStatusPlugin()
        let clients = TestClients()
        let provinceDirectory = MessagingHarness.temporaryDirectory()
        let ministryDirectory = MessagingHarness.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: provinceDirectory)
            try? FileManager.default.removeItem(atPath: ministryDirectory)
        }
        let provincePort = try MessagingHarness.unusedPort()
        let provinceURL = try #require(URL(string: "https://127.0.0.1:\(provincePort)"))
        do {
            try await MessagingHarness.withGateway(
                try ministryConfiguration(provinceURL: provinceURL), identity: pki.ministry, dataDirectory: ministryDirectory,
                plugins: ["counting-status": FixedPluginFactory(plugin: adapter)]
            ) { ministry in
                var configuration = try provinceConfiguration(ministryURL: ministry.exchangeURL)
                // The peer is up here: a send must not time out on a loaded machine and be retried
                // (the 2 s deadline is for the tests whose peer is down). Below the 60 s lease.
                configuration.limits.requestTimeoutSeconds = 30
                configuration.delivery.receive = [TestServices.statusUpdate: [TestPKI.ministryAgency]]
                try await MessagingHarness.withGateway(
                    configuration, identity: pki.province, dataDirectory: provinceDirectory, exchangePort: provincePort
                ) { province in
                    try await body(Pair(pki: pki, province: province, ministry: ministry, adapter: adapter, clients: clients))
                }
            }
        } catch {
            await clients.shutdown()
            throw error
        }
        await clients.shutdown()
    }

    @Test("a message is accepted with 202, delivered with a verified receipt and handed to the adapter once")
    func deliveredWithReceipt() async throws {
        try await withPair { pair in
            let id = try await submit(pair)
            try await MessagingHarness.eventually("delivered") {
                try await status(pair, id)["status"]?.asString == "delivered"
            }
            let delivered = try await status(pair, id)
            let receipt = try #require(delivered["receipt"]?.asObject)
            #expect(delivered["attempts"] == .number(JSONNumber(1)))
            #expect(receipt["payload"]?.asObject?["messageId"] == .string(id.rawValue))

            // The receipt is the ministry's signature over its payload, bound to our message.
            let entry = try #require(try await pair.province.store.outbox.entry(id))
            let stored = try #require(entry.receipt)
            let envelope = Envelope(
                id: stored.id, from: TestPKI.ministryAgency, to: TestPKI.provinceAgency, service: TestServices.statusUpdate,
                created: stored.created, correlationID: id, payload: stored.payload)
            let verified = try JWSVerifier(trustStore: try TrustStore(certificates: [pair.pki.ca.certificate]))
                .verify(stored.jws, envelope: envelope)
            #expect(verified.signer == TestPKI.ministryAgency)
            #expect(verified.header[JWSHeaderMember.requestDigest] == (try JWSSigner.requestDigest(of: entry.message.payload)))

            try await MessagingHarness.eventually("handed to the adapter") {
                try await pair.ministry.store.inbox.entry(id)?.state == .done
            }
            #expect(pair.adapter.counts[id] == 1)

            let provinceOutcomes = try await pair.province.auditLog.allEntries().filter { $0.messageID == id || $0.correlationID == id }
            // Both sides recorded everything (the order of "queued" and a fast delivery is not fixed).
            #expect(provinceOutcomes.map(\.outcome).sorted() == ["delivered", "queued", "receipt"])
            let ministryOutcomes = try await pair.ministry.auditLog.allEntries().filter { $0.messageID == id || $0.correlationID == id }
            #expect(ministryOutcomes.map(\.outcome).sorted() == ["processed", "receipt", "stored"])
            // Each JWS is recorded once per gateway: the message's with "queued" or "stored", the
            // receipt's with "receipt"; later records about the message name it by id.
            let signed = { (entries: [AuditEntry]) in Dictionary(uniqueKeysWithValues: entries.map { ($0.outcome, $0.jws) }) }
            let province = signed(provinceOutcomes)
            #expect(province["queued"] == .some(entry.message.jws) && province["delivered"] == .some(nil))
            #expect(province["receipt"] == .some(entry.receipt?.jws))
            let ministry = signed(ministryOutcomes)
            #expect(ministry["stored"] == .some(entry.message.jws) && ministry["processed"] == .some(nil))
            #expect(ministry["receipt"] == .some(stored.jws))
        }
    }

    @Test("the peer is down, comes back, and the backlog drains; every message reaches the adapter once")
    func backlogDrains() async throws {
        let pki = try TestPKI()
        let adapter = CountingStatusPlugin()
        let clients = TestClients()
        let provinceDirectory = MessagingHarness.temporaryDirectory()
        let ministryDirectory = MessagingHarness.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: provinceDirectory)
            try? FileManager.default.removeItem(atPath: ministryDirectory)
        }
        let ministryPort = try MessagingHarness.unusedPort()
        let ministryURL = try #require(URL(string: "https://127.0.0.1:\(ministryPort)"))
        do {
            try await MessagingHarness.withGateway(
                try provinceConfiguration(ministryURL: ministryURL), identity: pki.province, dataDirectory: provinceDirectory
            ) { province in
                let pairWithoutMinistry = Pair(pki: pki, province: province, ministry: province, adapter: adapter, clients: clients)
                var ids: [MessageID] = []
                for index in 0..<12 { ids.append(try await submit(pairWithoutMinistry, code: index.isMultiple(of: 2) ? "03" : "05")) }
                // Down: every message is tried and waits with the reason.
                try await MessagingHarness.eventually("tried while the peer is down") {
                    try await ids.asyncAllSatisfy { id in
                        try await province.store.outbox.entry(id).map { $0.attempts >= 1 && $0.lastError != nil } ?? false
                    }
                }
                let waiting = try await status(pairWithoutMinistry, ids[0])
                #expect(waiting["status"] == .string("sending"))
                #expect(waiting["lastError"]?.asString?.contains("peer-unavailable") == true)
                #expect(waiting["nextAttemptAt"] != nil)

                try await MessagingHarness.withGateway(
                    try ministryConfiguration(provinceURL: nil), identity: pki.ministry, dataDirectory: ministryDirectory,
                    exchangePort: ministryPort, plugins: ["counting-status": FixedPluginFactory(plugin: adapter)]
                ) { ministry in
                    try await MessagingHarness.eventually("the backlog drained") {
                        try await province.store.outbox.counts()[.delivered] == ids.count
                    }
                    try await MessagingHarness.eventually("every message handed over") {
                        try await ids.asyncAllSatisfy { try await ministry.store.inbox.entry($0)?.state == .done }
                    }
                }
                #expect(Set(adapter.counts.keys) == Set(ids))
                #expect(adapter.counts.values.allSatisfy { $0 == 1 })
            }
        } catch {
            await clients.shutdown()
            throw error
        }
        await clients.shutdown()
    }

    @Test("a re-delivery gets the same signed receipt; the same id with another payload is refused with 409")
    func redeliveryGetsTheSameReceipt() async throws {
        try await withPair { pair in
            let caller = try ExchangeCaller(identity: pair.pki.province)
            let url = pair.ministry.exchangeURL.appendingPathComponent(DeliveryAttempt.path)
            let envelope = Envelope(
                from: TestPKI.provinceAgency, to: TestPKI.ministryAgency, service: TestServices.statusUpdate,
                payload: Array(TestServices.statusPayload("01", from: "000.00.00.H41").utf8))
            let message = try caller.signed(envelope)
            let first = try await caller.post(message, to: url)
            let second = try await caller.post(message, to: url)
            #expect(first.status == 200 && second.status == 200)
            #expect(first.body == second.body)
            #expect(first[header: HeaderName.signature] == second[header: HeaderName.signature])
            #expect(first[header: HeaderName.messageID] == second[header: HeaderName.messageID])
            #expect(first[header: HeaderName.correlationID] == envelope.id.rawValue)

            var altered = envelope
            altered.payload = Array(TestServices.statusPayload("06", from: "000.00.00.H41").utf8)
            let conflict = try await caller.post(try caller.signed(altered), to: url)
            #expect(conflict.status == 409)
            #expect(try JSONParser.parse(conflict.body).asObject?["type"] == .string("https://lienthong.vn/problems/id-conflict"))

            try await MessagingHarness.eventually("handed over") {
                try await pair.ministry.store.inbox.entry(envelope.id)?.state == .done
            }
            #expect(pair.adapter.counts[envelope.id] == 1, "two deliveries, one effect")
            let outcomes = try await pair.ministry.auditLog.allEntries().filter { $0.messageID == envelope.id }.map(\.outcome)
            #expect(outcomes.contains("stored") && outcomes.contains("redelivered") && outcomes.contains("rejected:id-conflict"))
            await caller.shutdown()
        }
    }

    @Test("a message is dead after the configured attempts and delivered once retried by hand")
    func deadThenRetried() async throws {
        let pki = try TestPKI()
        let adapter = CountingStatusPlugin()
        let clients = TestClients()
        let provinceDirectory = MessagingHarness.temporaryDirectory()
        let ministryDirectory = MessagingHarness.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: provinceDirectory)
            try? FileManager.default.removeItem(atPath: ministryDirectory)
        }
        let ministryPort = try MessagingHarness.unusedPort()
        let ministryURL = try #require(URL(string: "https://127.0.0.1:\(ministryPort)"))
        do {
            try await MessagingHarness.withGateway(
                try provinceConfiguration(ministryURL: ministryURL, maxAttempts: 3), identity: pki.province,
                dataDirectory: provinceDirectory
            ) { province in
                let pair = Pair(pki: pki, province: province, ministry: province, adapter: adapter, clients: clients)
                let id = try await submit(pair)
                try await MessagingHarness.eventually("dead") { try await status(pair, id)["status"] == .string("dead") }
                let dead = try await status(pair, id)
                #expect(dead["attempts"] == .number(JSONNumber(3)))
                #expect(dead["lastError"]?.asString?.isEmpty == false)
                #expect(dead["nextAttemptAt"] == nil)
                #expect(try await province.auditLog.allEntries().contains { $0.messageID == id && $0.outcome == "dead" })

                try await MessagingHarness.withGateway(
                    try ministryConfiguration(provinceURL: nil), identity: pki.ministry, dataDirectory: ministryDirectory,
                    exchangePort: ministryPort, plugins: ["counting-status": FixedPluginFactory(plugin: adapter)]
                ) { _ in
                    #expect(try await province.store.outbox.retry(id, now: Date()))
                    try await MessagingHarness.eventually("delivered after the retry") {
                        try await status(pair, id)["status"] == .string("delivered")
                    }
                }
                // Counted afresh from the retry: without the reset it would be 4 or more. On a
                // loaded machine the first attempt can still fail (the ministry has just started,
                // and the province's client may be backing off from the dead phase's refused
                // connections), so a second one is allowed; a full CI run here once needed it.
                let attempts = try await status(pair, id)["attempts"]?.asNumber?.intValue
                #expect(attempts == 1 || attempts == 2, "attempts after the retry: \(attempts.map(String.init) ?? "none")")
            }
        } catch {
            await clients.shutdown()
            throw error
        }
        await clients.shutdown()
    }

    @Test("status updates correlated with a sent message come back into the inbox and show in its status")
    func statusUpdatesComeBack() async throws {
        try await withPair { pair in
            let document = try await submit(pair, code: "01")
            try await MessagingHarness.eventually("delivered") {
                try await status(pair, document)["status"] == .string("delivered")
            }
            // The ministry's own system answers with status messages correlated with the document.
            for code in ["03", "05", "06"] {
                let body = #"{"service":"document.status.update/v1","to":"000.00.00.H41","correlationId":"\#(document)","payload":\#(TestServices.statusPayload(code))}"#
                let answer = try await pair.clients.local(
                    .POST, pair.ministry.localURL + "/v1/messages", body: body, apiKey: Self.ministryKey)
                #expect(answer.status == 202, "\(String(decoding: answer.body, as: UTF8.self))")
            }
            try await MessagingHarness.eventually("three updates") {
                try await status(pair, document)["updates"]?.asArray?.count == 3
            }
            let updates = try #require(try await status(pair, document)["updates"]?.asArray)
            #expect(updates.compactMap { $0.asObject?["payload"]?.asObject?["StatusCode"]?.asString } == ["03", "05", "06"])

            let page = try await pair.clients.local(.GET, pair.province.localURL + "/v1/inbox?after=0&limit=2", apiKey: Self.provinceKey)
            #expect(page.status == 200)
            let listed = try #require(try JSONParser.parse(page.body).asObject)
            let messages = try #require(listed["messages"]?.asArray)
            #expect(messages.count == 2)
            let firstID = try #require(messages.first?.asObject?["id"]?.asString)
            let next = try #require(listed["next"]?.asNumber)
            // The ministry's gateway named its certificate by thumbprint when it signed the
            // updates; the province kept it and hands it to the client beside each signature.
            let ministryLeaf = pair.pki.ministry.certificateChain[0]
            for message in updates + messages {
                let object = try #require(message.asObject)
                let jws = try #require(object["signature"]?.asString)
                #expect(JWSHeader.unverifiedCertificateThumbprint(of: jws) == ministryLeaf.thumbprint)
                let certificate = try #require(object["signerCertificate"]?.asString.flatMap { Data(base64Encoded: $0) })
                #expect(Array(certificate) == ministryLeaf.derEncoded)
            }

            let acknowledged = try await pair.clients.local(.DELETE, pair.province.localURL + "/v1/inbox/\(firstID)", apiKey: Self.provinceKey)
            #expect(acknowledged.status == 204)
            let again = try await pair.clients.local(.DELETE, pair.province.localURL + "/v1/inbox/\(firstID)", apiKey: Self.provinceKey)
            #expect(again.status == 404)
            let rest = try await pair.clients.local(
                .GET, pair.province.localURL + "/v1/inbox?after=\(next)", apiKey: Self.provinceKey)
            #expect(try JSONParser.parse(rest.body).asObject?["messages"]?.asArray?.count == 1)
            let all = try await pair.clients.local(.GET, pair.province.localURL + "/v1/inbox", apiKey: Self.provinceKey)
            let remaining = try #require(try JSONParser.parse(all.body).asObject?["messages"]?.asArray)
            #expect(remaining.count == 2)
            #expect(!remaining.contains { $0.asObject?["id"]?.asString == firstID })
        }
    }

    @Test("local API refusals: bad submissions 400, unknown client 401, unknown message 404, schema 422")
    func localRefusals() async throws {
        try await withPair { pair in
            let url = pair.province.localURL + "/v1/messages"
            func problem(_ answer: HTTPAnswer) throws -> String? {
                try JSONParser.parse(answer.body).asObject?["type"]?.asString.map { String($0.split(separator: "/").last ?? "") }
            }
            let missingPayload = try await pair.clients.local(
                .POST, url, body: #"{"service":"document.status.update/v1"}"#, apiKey: Self.provinceKey)
            #expect(missingPayload.status == 400)
            #expect(try problem(missingPayload) == "bad-submission")
            let unknownMember = try await pair.clients.local(
                .POST, url, body: #"{"service":"document.status.update/v1","payload":{},"urgent":true}"#, apiKey: Self.provinceKey)
            #expect(unknownMember.status == 400)
            let badPriority = try await pair.clients.local(
                .POST, url,
                body: #"{"service":"document.status.update/v1","priority":"urgent","payload":\#(TestServices.statusPayload("03"))}"#,
                apiKey: Self.provinceKey)
            #expect(badPriority.status == 400)
            let invalid = try await pair.clients.local(
                .POST, url, body: #"{"service":"document.status.update/v1","payload":{"StatusCode":"99"}}"#,
                apiKey: Self.provinceKey)
            #expect(invalid.status == 422)
            #expect(try problem(invalid) == "schema-violation")
            let stranger = try await pair.clients.local(
                .POST, url, body: #"{"service":"document.status.update/v1","payload":{}}"#, apiKey: "wrong")
            #expect(stranger.status == 401)
            let unknown = try await pair.clients.local(.GET, url + "/\(MessageID())", apiKey: Self.provinceKey)
            #expect(unknown.status == 404)
            #expect(try problem(unknown) == "unknown-message")
            let garbage = try await pair.clients.local(.GET, url + "/not-an-id", apiKey: Self.provinceKey)
            #expect(garbage.status == 404)
            let badCursor = try await pair.clients.local(.GET, pair.province.localURL + "/v1/inbox?after=-1", apiKey: Self.provinceKey)
            #expect(badCursor.status == 400)
            // Nothing refused reached the outbox.
            #expect(try await pair.province.store.outbox.counts().values.reduce(0, +) == 0)
        }
    }
}

extension Array {
    func asyncAllSatisfy(_ predicate: (Element) async throws -> Bool) async rethrows -> Bool {
        for element in self where !(try await predicate(element)) { return false }
        return true
    }
}
