/// What the gateway holds of its store, whichever database is behind it: the embedded SQLite
/// `GatewayStore` or the PostgreSQL store that several replicas share.
///
/// The gateway opens one at start, hands its parts to the stages, and closes it last.
public protocol StoreBackend: AnyObject, Sendable {
    associatedtype Audit: AuditLog
    associatedtype Replay: ReplayGuard
    associatedtype OutgoingMessages: Outbox
    associatedtype IncomingMessages: Inbox

    /// The hash-chained audit trail.
    var auditLog: Audit { get }
    /// The replay guard.
    var replayGuard: Replay { get }
    /// The outbox of guaranteed delivery.
    var outbox: OutgoingMessages { get }
    /// The inbox of guaranteed delivery.
    var inbox: IncomingMessages { get }
    /// Where the store is, for logs and messages (never a password).
    var location: String { get }
    /// Called once when a gateway starts serving on the store: frees the work a previous run of
    /// this same gateway left leased, so that it is due again at once; returns how many leases were
    /// freed. A store that replicas share frees nothing: its leases may belong to live replicas, and
    /// those of a dead one expire by themselves.
    func releaseLeasesOfPreviousRun() async throws -> Int
    /// Releases the database after the work already queued.
    func close() async
}

extension GatewayStore: StoreBackend {
    public var location: String { "SQLite database \(database.path)" }

    /// One SQLite file serves one gateway process, so any lease found at start was held by a
    /// process that is gone.
    public func releaseLeasesOfPreviousRun() async throws -> Int {
        try await outbox.releaseAllLeases() + inbox.releaseAllLeases()
    }
}
