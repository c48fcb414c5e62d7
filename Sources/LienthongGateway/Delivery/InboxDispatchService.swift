import Foundation
import LienthongCore
import LienthongStore
import Logging
import ServiceLifecycle
import Synchronization

/// Hands received messages to their adapter or the webhook, as a ServiceLifecycle service: claims
/// pending inbox messages of those routes under a lease, hands each over once (`InboxHandOver`),
/// marks it done or schedules a retry with the delivery `RetryPolicy`. Because the claim survives
/// in the store, a message stored before a crash is handed over after the restart.
public struct InboxDispatchService: Service {
    public let inbox: any Inbox
    public let handOver: InboxHandOver
    public let policy: RetryPolicy
    public let settings: GatewayConfiguration.DeliverySettings
    public let audit: AuditRecorder
    public let wakeUp: WakeUpSignal
    public let owner: String
    public let logger: Logger
    let clock: @Sendable () -> Date

    public init(
        inbox: any Inbox, handOver: InboxHandOver, settings: GatewayConfiguration.DeliverySettings, audit: AuditRecorder,
        wakeUp: WakeUpSignal, owner: String, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.inbox = inbox
        self.handOver = handOver
        self.policy = RetryPolicy(settings)
        self.settings = settings
        self.audit = audit
        self.wakeUp = wakeUp
        self.owner = owner
        self.logger = logger
        self.clock = clock
    }

    /// The routes this gateway hands over itself.
    var routes: [InboxRoute] { handOver.webhook == nil ? [.adapter] : [.adapter, .webhook] }

    public func run() async throws {
        let inFlight = HandOverCounter()
        let stopping = Atomic<Bool>(false)
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                while !stopping.load(ordering: .acquiring) && !Task.isCancelled {
                    var started = 0
                    for route in routes {
                        let free = settings.concurrency - inFlight.value.load(ordering: .acquiring)
                        guard free > 0 else { break }
                        for claim in await claim(route, limit: free) {
                            inFlight.value.add(1, ordering: .acquiringAndReleasing)
                            started += 1
                            group.addTask {
                                await process(claim)
                                inFlight.value.subtract(1, ordering: .acquiringAndReleasing)
                                wakeUp.signal()
                            }
                        }
                    }
                    if started == 0 { await wakeUp.wait(upTo: .milliseconds(settings.pollMilliseconds)) }
                }
            }
        } onGracefulShutdown: {
            stopping.store(true, ordering: .releasing)
            wakeUp.signal()
        }
    }

    private func claim(_ route: InboxRoute, limit: Int) async -> [InboxClaim] {
        do {
            return try await inbox.claim(
                route: route, owner: owner, now: clock(), leaseDuration: .seconds(settings.leaseSeconds), limit: limit)
        } catch {
            logger.error("cannot claim inbox messages", metadata: ["route": "\(route.rawValue)", "error": "\(error)"])
            return []
        }
    }

    func process(_ claim: InboxClaim) async {
        let message = claim.entry.message
        let outcome = await handOver.handOver(claim.entry)
        let now = clock()
        do {
            // Each report and its record are one commit.
            switch outcome {
            case .done:
                try await inbox.markProcessed(claim, now: now, audit: try records(message, outcome: "processed"))
            case .failed(let reason, let permanent):
                var generator = SystemRandomNumberGenerator()
                let disposition = policy.disposition(
                    afterAttempt: claim.attempt, acceptedAt: claim.entry.receivedAt, now: now, permanent: permanent,
                    using: &generator)
                logger.info(
                    "hand-over failed",
                    metadata: ["message": "\(message.id)", "route": "\(claim.entry.route.rawValue)", "reason": "\(reason)"])
                let audit = disposition == .dead ? try records(message, outcome: "dead") : []
                try await inbox.markFailed(claim, error: reason, disposition: disposition, now: now, audit: audit)
            }
        } catch {
            logger.error("cannot record a hand-over", metadata: ["message": "\(message.id)", "error": "\(error)"])
        }
    }

    /// The message's JWS is in its `stored` record already: a later record about it names it by id.
    private func records(_ message: StoredMessage, outcome: String) throws(Problem) -> [AuditEntry] {
        try audit.entries(for: [.init(DeliveryAttempt.envelope(of: message), .inbound, outcome: outcome, jws: nil)])
    }
}

/// Hand-overs in flight, shared by the claiming loop and the tasks it starts.
final class HandOverCounter: Sendable {
    let value = Atomic<Int>(0)
}
