import ArgumentParser
import Foundation
import LienthongCore
import LienthongCrypto
import LienthongStore

/// `lienthong bench outbox`: how many asynchronous messages a second the store accepts durably
/// (fsync on), doing per message what `POST /v1/messages` does after validation: sign (ES256),
/// enqueue in the outbox, append the audit record. Then the delivery bookkeeping: claim, record
/// the receipt, audit. Prints figures; asserts nothing.
struct BenchOutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Measure durable outbox acceptance (sign, enqueue, audit; fsync on) and delivery bookkeeping.")

    @Option(help: "Messages to submit.")
    var messages = 10_000

    @Option(help: "Concurrent submitters (HTTP requests in flight, in the gateway).")
    var concurrency = 256

    @Option(name: .customLong("payload-bytes"), help: "Approximate payload size in bytes.")
    var payloadBytes = 1_024

    @Option(name: .customLong("data"), help: "Directory for the database (a fresh temporary one by default); it must be empty.")
    var dataDirectory: String?

    func validate() throws {
        guard messages > 0 else { throw ValidationError("--messages must be positive") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be positive") }
        guard payloadBytes >= 64 else { throw ValidationError("--payload-bytes must be at least 64") }
    }

    func run() async throws {
        let directory = dataDirectory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("lienthong-bench-outbox-\(ProcessInfo.processInfo.processIdentifier)").path
        if let dataDirectory, let contents = try? FileManager.default.contentsOfDirectory(atPath: dataDirectory), !contents.isEmpty {
            throw CommandFailure("\(dataDirectory) is not empty")
        }
        defer { if self.dataDirectory == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let province = try AgencyCode(parsing: "000.00.00.H41")
        let ministry = try AgencyCode(parsing: "000.00.00.G01")
        let service = try ServiceID(parsing: "document.status.update/v1")
        let ca = try DevelopmentCA.create(key: try PrivateKey.generate(.p256), commonName: "Bench CA")
        let key = try PrivateKey.generate(.p256)
        let certificate = try ca.issueCertificate(for: key.publicKey, agency: province, commonName: "Bench province")
        let signer = try JWSSigner(key: key, certificateChain: [certificate])
        let payload = Array(#"{"Description":"\#(String(repeating: "x", count: payloadBytes - 20))"}"#.utf8)

        let store = try await GatewayStore.open(dataDirectory: directory)
        let outbox = store.outbox
        let audit = store.auditLog
        let clock = ContinuousClock()
        let total = messages
        let workers = min(concurrency, messages)

        let acceptCPU = Self.processCPUSeconds()
        let acceptStart = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var index = worker
                    while index < total {
                        let envelope = Envelope(from: province, to: ministry, service: service, payload: payload)
                        let jws = try signer.sign(envelope: envelope)
                        let digest = try Digest.sha256(payload)
                        try await outbox.enqueue(
                            StoredMessage(
                                id: envelope.id, from: province, to: ministry, service: service, created: envelope.created,
                                payload: payload, jws: jws, payloadDigest: digest),
                            priority: .normal, client: "bench", now: Date())
                        try await audit.append(AuditEntry(
                            messageID: envelope.id, direction: .outbound, from: province, to: ministry, service: service,
                            outcome: "queued", payloadDigest: digest, jws: jws))
                        index += workers
                    }
                }
            }
            try await group.waitForAll()
        }
        let acceptSeconds = Self.seconds(acceptStart.duration(to: clock.now))
        let acceptCPUSeconds = Self.processCPUSeconds() - acceptCPU

        // Delivery bookkeeping without the network: claim in batches, record a receipt, audit.
        let receipt = DeliveryReceipt(id: MessageID(), created: Date(), payload: Array(#"{"status":"stored"}"#.utf8), jws: "bench")
        let deliverCPU = Self.processCPUSeconds()
        let deliverStart = clock.now
        var delivered = 0
        while true {
            let claims = try await outbox.claim(
                OutboxClaimRequest(owner: "bench", now: Date(), leaseDuration: .seconds(600), limit: workers))
            if claims.isEmpty { break }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for claim in claims {
                    group.addTask {
                        try await outbox.markDelivered(claim, receipt: receipt, now: Date())
                        try await audit.append(AuditEntry(
                            messageID: claim.entry.message.id, direction: .outbound, from: province, to: ministry,
                            service: service, outcome: "delivered", payloadDigest: claim.entry.message.payloadDigest,
                            jws: claim.entry.message.jws))
                    }
                }
                try await group.waitForAll()
            }
            delivered += claims.count
        }
        let deliverSeconds = Self.seconds(deliverStart.duration(to: clock.now))
        let deliverCPUSeconds = Self.processCPUSeconds() - deliverCPU
        await store.close()

        print("outbox on SQLite (WAL, synchronous=FULL) in \(directory)")
        print("\(total) messages of \(payload.count) bytes, \(workers) concurrent submitters")
        // CPU time per message is printed too: on a shared machine the wall-clock rate says more
        // about the neighbours than about the gateway.
        print(benchColumn("accepted (sign + enqueue + audit)", 48) + "\(BenchRate.format(Double(total) / acceptSeconds)) messages/s"
            + String(format: "  (%.2f s; %.0f µs CPU per message)", acceptSeconds, acceptCPUSeconds / Double(total) * 1e6))
        print(benchColumn("delivery bookkeeping (claim + receipt + audit)", 48)
            + "\(BenchRate.format(Double(delivered) / deliverSeconds)) messages/s"
            + String(format: "  (%.2f s; %.0f µs CPU per message)", deliverSeconds, deliverCPUSeconds / Double(max(delivered, 1)) * 1e6))
    }

    /// User and system CPU time of this process so far.
    private static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
