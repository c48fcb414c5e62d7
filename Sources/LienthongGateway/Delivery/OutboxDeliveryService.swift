import Foundation
import LienthongCore
import LienthongStore
import Logging
import ServiceLifecycle
import Synchronization

/// The delivery workers of one gateway replica, as a ServiceLifecycle service: claims due outbox
/// messages under a lease, sends each (`DeliveryAttempt`) with at most `concurrency` in flight and
/// at most `perPeerConcurrency` per recipient, records the receipt or schedules the retry
/// (`RetryPolicy`), and audits both. Idle, it waits for a submission's wake-up or the poll interval.
/// On graceful shutdown it stops claiming and lets the sends in flight finish.
public struct OutboxDeliveryService: Service {
    public let outbox: any Outbox
    public let attempt: DeliveryAttempt
    public let policy: RetryPolicy
    public let settings: GatewayConfiguration.DeliverySettings
    public let audit: AuditRecorder
    public let wakeUp: WakeUpSignal
    /// The lease owner: unique per replica and start.
    public let owner: String
    public let logger: Logger
    let clock: @Sendable () -> Date

    public init(
        outbox: any Outbox, attempt: DeliveryAttempt, settings: GatewayConfiguration.DeliverySettings, audit: AuditRecorder,
        wakeUp: WakeUpSignal, owner: String, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.outbox = outbox
        self.attempt = attempt
        self.policy = RetryPolicy(settings)
        self.settings = settings
        self.audit = audit
        self.wakeUp = wakeUp
        self.owner = owner
        self.logger = logger
        self.clock = clock
    }

    public func run() async throws {
        let inFlight = InFlightCounter()
        let stopping = Atomic<Bool>(false)
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                while !stopping.load(ordering: .acquiring) && !Task.isCancelled {
                    let finishedBefore = inFlight.finished
                    let (claimed, asked) = await claimBatch(inFlight: inFlight)
                    for batch in Self.batches(of: claimed, size: settings.batchSize) {
                        for claim in batch { inFlight.add(claim.entry.message.to) }
                        group.addTask {
                            await deliver(batch)
                            for claim in batch { inFlight.remove(claim.entry.message.to) }
                            wakeUp.signal()
                        }
                    }
                    if claimed.count < asked {
                        await waitForWork(inFlight: inFlight, finishedBefore: finishedBefore, stopping: stopping)
                    }
                }
            }
        } onGracefulShutdown: {
            stopping.store(true, ordering: .releasing)
            wakeUp.signal()
        }
    }

    /// Waits for a reason to claim again: a submission while nothing is in flight, a quarter of a
    /// peer's slots freed while sends are in flight (claiming after every finished send would cost
    /// a store transaction per message), shutdown, or the poll interval.
    private func waitForWork(
        inFlight: InFlightCounter, finishedBefore: Int, stopping: borrowing Atomic<Bool>
    ) async {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(settings.pollMilliseconds)
        let enoughFinished = max(1, settings.perPeerConcurrency / 4)
        repeat {
            await wakeUp.wait(upTo: deadline - clock.now)
        } while inFlight.snapshot().total > 0 && inFlight.finished - finishedBefore < enoughFinished
            && clock.now < deadline && !stopping.load(ordering: .acquiring) && !Task.isCancelled
    }

    /// Due messages for the free slots, and how many were asked for; none (logged) when the store
    /// fails, so the loop waits and tries again rather than stopping the gateway.
    private func claimBatch(inFlight: InFlightCounter) async -> (claims: [OutboxClaim], asked: Int) {
        let snapshot = inFlight.snapshot()
        let free = settings.concurrency - snapshot.total
        guard free > 0 else { return ([], 1) }
        let request = OutboxClaimRequest(
            owner: owner, now: clock(), leaseDuration: .seconds(settings.leaseSeconds), limit: free,
            recipientCapacity: snapshot.byRecipient.mapValues { max(0, settings.perPeerConcurrency - $0) },
            defaultRecipientCapacity: settings.perPeerConcurrency)
        do { return (try await outbox.claim(request), free) } catch {
            logger.error("cannot claim outbox messages", metadata: ["error": "\(error)"])
            return ([], free)
        }
    }

    /// Claims split into the requests they are sent in: by recipient, in claimed order, at most
    /// `size` messages spread evenly (20 claims with a size of 16 make two requests of 10, not 16
    /// and 4), and a new request wherever the next message would take one past
    /// `DeliveryBatch.targetBytes`.
    static func batches(of claims: [OutboxClaim], size: Int) -> [[OutboxClaim]] {
        var byRecipient: [AgencyCode: [OutboxClaim]] = [:]
        var recipients: [AgencyCode] = []
        for claim in claims {
            let recipient = claim.entry.message.to
            if byRecipient[recipient] == nil { recipients.append(recipient) }
            byRecipient[recipient, default: []].append(claim)
        }
        var batches: [[OutboxClaim]] = []
        for recipient in recipients {
            let claims = byRecipient[recipient] ?? []
            let size = max(1, size)
            let requests = (claims.count + size - 1) / size
            let perRequest = (claims.count + requests - 1) / requests
            var batch: [OutboxClaim] = []
            var bytes = 0
            for claim in claims {
                let claimBytes = DeliveryBatch.estimatedBytes(of: claim.entry.message)
                if !batch.isEmpty && (batch.count == perRequest || bytes + claimBytes > DeliveryBatch.targetBytes) {
                    batches.append(batch)
                    batch = []
                    bytes = 0
                }
                batch.append(claim)
                bytes += claimBytes
            }
            if !batch.isEmpty { batches.append(batch) }
        }
        return batches
    }

    /// One attempt for each claimed message of one batch, sent together, and their records (all at
    /// once, so that they share group commits).
    func deliver(_ batch: [OutboxClaim]) async {
        let outcomes = await attempt.send(batch: batch.map(\.entry.message))
        await withTaskGroup(of: Void.self) { group in
            for (claim, outcome) in zip(batch, outcomes) { group.addTask { await record(outcome, of: claim) } }
        }
    }

    /// One attempt for one claimed message, and its record.
    func deliver(_ claim: OutboxClaim) async {
        await record(await attempt.send(claim.entry.message), of: claim)
    }

    /// Records how one attempt ended: the receipt, or the retry or death.
    private func record(_ outcome: DeliveryAttempt.Outcome, of claim: OutboxClaim) async {
        let message = claim.entry.message
        let envelope = DeliveryAttempt.envelope(of: message)
        switch outcome {
        case .delivered(let receiptEnvelope, let receiptJWS):
            let receipt = DeliveryReceipt(
                id: receiptEnvelope.id, created: receiptEnvelope.created, payload: receiptEnvelope.payload, jws: receiptJWS)
            do {
                // The receipt and its two records are one commit; the message's JWS is in its
                // `queued` record already, the receipt's goes with `receipt`. A failure leaves the message
                // leased: it is sent again after the lease, and the receiver answers with the same receipt.
                let records = try audit.entries(for: [
                    .init(envelope, .outbound, outcome: "delivered", jws: nil),
                    .init(receiptEnvelope, .inbound, outcome: "receipt", jws: receiptJWS),
                ])
                try await outbox.markDelivered(claim, receipt: receipt, now: clock(), audit: records)
            } catch {
                logger.error("cannot record a receipt", metadata: ["message": "\(message.id)", "error": "\(error)"])
            }
        case .failed(let reason, let permanent):
            var generator = SystemRandomNumberGenerator()
            let now = clock()
            let disposition = policy.disposition(
                afterAttempt: claim.attempt, acceptedAt: claim.entry.acceptedAt, now: now, permanent: permanent,
                using: &generator)
            logger.info(
                "delivery attempt failed",
                metadata: ["message": "\(message.id)", "to": "\(message.to)", "attempt": "\(claim.attempt)", "reason": "\(reason)"])
            do {
                // A death and its record are one commit.
                let records = disposition == .dead
                    ? try audit.entries(for: [.init(envelope, .outbound, outcome: "dead", jws: nil)]) : []
                guard try await outbox.markFailed(claim, error: reason, disposition: disposition, now: now, audit: records) else {
                    return
                }
            } catch {
                logger.error("cannot record a failed delivery", metadata: ["message": "\(message.id)", "error": "\(error)"])
                return
            }
            if disposition == .dead {
                logger.warning("message is dead", metadata: ["message": "\(message.id)", "reason": "\(reason)"])
            }
        }
    }
}

/// Messages in flight per recipient, shared by the claiming loop and the sends it starts.
final class InFlightCounter: Sendable {
    private let counts = Mutex<[AgencyCode: Int]>([:])
    private let finishedCount = Atomic<Int>(0)

    /// Sends finished since the start (only grows).
    var finished: Int { finishedCount.load(ordering: .relaxed) }

    func add(_ recipient: AgencyCode) { counts.withLock { $0[recipient, default: 0] += 1 } }

    func remove(_ recipient: AgencyCode) {
        counts.withLock { counts in
            let left = (counts[recipient] ?? 1) - 1
            counts[recipient] = left > 0 ? left : nil
        }
        finishedCount.add(1, ordering: .relaxed)
    }

    func snapshot() -> (total: Int, byRecipient: [AgencyCode: Int]) {
        counts.withLock { counts in (counts.values.reduce(0, +), counts) }
    }
}
