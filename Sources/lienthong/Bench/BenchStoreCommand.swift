import ArgumentParser
import Foundation
import LienthongCore
import LienthongCrypto
import LienthongPostgres
import LienthongStore
import Logging

/// `lienthong bench store`: audit appends, outbox enqueues and claim-and-deliver rounds per second
/// against SQLite (a temporary directory) or PostgreSQL (a throwaway schema, dropped afterwards).
/// Figures are printed for people to read; nothing is asserted.
struct BenchStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Measure audit appends, outbox enqueues and deliveries per second on SQLite or PostgreSQL.",
        discussion: """
            Without --store the embedded SQLite store is measured in a temporary directory. With \
            --store postgres://… the PostgreSQL store is measured in a new schema of that database, \
            dropped at the end (the password may come from LIENTHONG_STORE_PASSWORD).
            """)

    @Option(name: .customLong("store"), help: "A PostgreSQL URL to measure instead of SQLite.")
    var storeURL: String?

    @Option(help: "Operations per measurement.")
    var operations = 5_000

    @Option(help: "Concurrent callers (as concurrent requests would be).")
    var concurrency = 64

    @Option(help: "Payload size of each message in bytes.")
    var payloadBytes = 1_024

    func validate() throws {
        guard operations > 0 else { throw ValidationError("--operations must be positive") }
        guard (1...4_096).contains(concurrency) else { throw ValidationError("--concurrency must be within 1...4096") }
        guard (1...(1 << 20)).contains(payloadBytes) else { throw ValidationError("--payload-bytes must be within 1...1048576") }
    }

    func run() async throws {
        let target = try await BenchStoreTarget.open(url: storeURL)
        do {
            try await measure(target.store, name: target.name)
        } catch {
            await target.remove()
            throw CommandFailure("store benchmark failed: \(error)")
        }
        await target.remove()
    }

    private func measure(_ store: any StoreBackend, name: String) async throws {
        let payload = Array(String(repeating: "x", count: payloadBytes).utf8)
        let digest = try Digest.sha256(payload)
        let province = try AgencyCode(parsing: "000.00.00.H41")
        let ministry = try AgencyCode(parsing: "000.00.00.G01")
        let service = try ServiceID(parsing: "document.edoc.send/v1")
        print("store: \(name); \(operations) operations, \(concurrency) concurrent callers, \(payloadBytes)-byte payloads")
        print(benchColumn("operation", 28) + benchColumn("seconds", 10) + "per second")

        let audit = store.auditLog
        let appendTime = try await Self.concurrently(operations, concurrency) { _ in
            try await audit.append(
                AuditEntry(
                    messageID: MessageID(), direction: .outbound, from: province, to: ministry, service: service,
                    outcome: "accepted", payloadDigest: digest, jws: "eyJhbGciOiJFUzI1NiJ9..bench", payload: payload,
                    retention: .metadata))
        }
        report("audit append", appendTime)

        let outbox = store.outbox
        let now = Date()
        let enqueueTime = try await Self.concurrently(operations, concurrency) { _ in
            let message = StoredMessage(
                id: MessageID(), from: province, to: ministry, service: service, created: now, payload: payload,
                jws: "eyJhbGciOiJFUzI1NiJ9..bench", payloadDigest: digest)
            try await outbox.enqueue(message, priority: .normal, client: "bench", now: now)
        }
        report("outbox enqueue", enqueueTime)

        // Four workers claim 50 at a time and report each message delivered, until none is left.
        let receipt = DeliveryReceipt(id: MessageID(), created: now, payload: Array("{}".utf8), jws: "bench")
        let clock = ContinuousClock()
        let deliverStart = clock.now
        let delivered = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var count = 0
                    while true {
                        let claims = try await outbox.claim(
                            OutboxClaimRequest(owner: "bench-\(worker)", now: now, leaseDuration: .seconds(300), limit: 50))
                        if claims.isEmpty { return count }
                        try await withThrowingTaskGroup(of: Void.self) { reports in
                            for claim in claims {
                                reports.addTask { try await outbox.markDelivered(claim, receipt: receipt, now: now) }
                            }
                            try await reports.waitForAll()
                        }
                        count += claims.count
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        report("claim and deliver (\(delivered))", deliverStart.duration(to: clock.now), count: delivered)
    }

    private func report(_ operation: String, _ elapsed: Duration, count: Int? = nil) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let rate = seconds > 0 ? Double(count ?? operations) / seconds : .infinity
        print(benchColumn(operation, 28) + benchColumn(String(format: "%.2f", seconds), 10) + BenchRate.format(rate))
    }

    /// Runs `operation` `total` times from `width` concurrent tasks; returns the wall-clock time.
    private static func concurrently(
        _ total: Int, _ width: Int, _ operation: @escaping @Sendable (Int) async throws -> Void
    ) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<width {
                group.addTask {
                    var index = lane
                    while index < total {
                        try await operation(index)
                        index += width
                    }
                }
            }
            try await group.waitForAll()
        }
        return start.duration(to: clock.now)
    }
}

/// The store a benchmark runs against, and how to remove it afterwards.
private struct BenchStoreTarget {
    let store: any StoreBackend
    let name: String
    let remove: () async -> Void

    static func open(url: String?) async throws -> BenchStoreTarget {
        guard let url else {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("lienthong-bench-store-\(UUID().uuidString)").path
            let store = try await GatewayStore.open(dataDirectory: directory)
            return BenchStoreTarget(store: store, name: "SQLite in \(directory)") {
                await store.close()
                try? FileManager.default.removeItem(atPath: directory)
            }
        }
        var configuration: PostgresStoreConfiguration
        do {
            configuration = try PostgresStoreConfiguration(
                url: url, password: ProcessInfo.processInfo.environment["LIENTHONG_STORE_PASSWORD"])
        } catch { throw CommandFailure(error.description) }
        // Never the operator's own tables: a fresh schema, dropped at the end.
        configuration.schema = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        configuration.maximumConnections = max(configuration.maximumConnections, 16)
        let quiet = Logger(label: "lienthong.bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let store: PostgresStore
        do { store = try await PostgresStore.open(configuration, logger: quiet) } catch {
            throw CommandFailure(error.description)
        }
        return BenchStoreTarget(store: store, name: "PostgreSQL \(configuration.location)") {
            try? await store.dropSchema()
            await store.close()
        }
    }
}
