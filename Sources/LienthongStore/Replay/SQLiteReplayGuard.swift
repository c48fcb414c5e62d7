import Foundation
import LienthongCore
import Synchronization

/// Remembers message ids in SQLite so that a replayed message is refused, also after a restart.
///
/// Sightings from concurrent requests are grouped into one transaction like audit appends. Ids
/// older than the retention are pruned in the same transaction as a sighting, at most once per
/// `pruneInterval`, so the table stays as small as the `Created` window allows.
public final class SQLiteReplayGuard: ReplayGuard {
    struct Sighting: Sendable {
        var id: MessageID
        var sender: AgencyCode
        var milliseconds: Int64
        var retentionMilliseconds: Int64
    }

    private let database: SQLiteDatabase
    private let writer: SQLiteGroupCommit<Sighting, Bool>

    /// - Parameters:
    ///   - database: a database with `GatewayStore.migrations` applied.
    ///   - pruneInterval: the least time between two prunings of old ids.
    public init(database: SQLiteDatabase, pruneInterval: Duration = .seconds(60), maximumBatch: Int = 256) {
        self.database = database
        let schedule = PruneSchedule(interval: ReplayRetention.milliseconds(pruneInterval))
        self.writer = SQLiteGroupCommit(database: database, maximumBatch: maximumBatch) { connection, sightings in
            try Self.write(sightings, to: connection, schedule: schedule)
        }
    }

    public func firstSighting(
        of id: MessageID, from sender: AgencyCode, at time: Date, retention: Duration
    ) async throws -> Bool {
        try await writer.submit(
            Sighting(
                id: id, sender: sender, milliseconds: AuditTime.milliseconds(time),
                retentionMilliseconds: ReplayRetention.milliseconds(retention)))
    }

    /// Forgets ids first seen before `cutoff`; returns how many were removed.
    @discardableResult
    public func prune(before cutoff: Date) async throws -> Int {
        let milliseconds = AuditTime.milliseconds(cutoff)
        return try await database.perform { connection in
            try connection.execute(ReplayGuardSQL.prune, [.integer(milliseconds)])
            return connection.changes
        }
    }

    /// How many ids are remembered.
    public func rememberedCount() async throws -> Int64 {
        try await database.perform { connection in try connection.scalarInt64(ReplayGuardSQL.count) ?? 0 }
    }

    private static func write(
        _ sightings: [Sighting], to connection: SQLiteConnection, schedule: PruneSchedule
    ) throws -> [Bool] {
        // No fsync of its own (see `ReplayGuard`): in WAL mode the next durable commit, the
        // message's audit record, flushes this one with it.
        try connection.transaction(durable: false) {
            if let latest = sightings.max(by: { $0.milliseconds < $1.milliseconds }), schedule.isDue(at: latest.milliseconds) {
                let cutoff = ReplayRetention.cutoff(now: latest.milliseconds, retention: latest.retentionMilliseconds)
                try connection.execute(ReplayGuardSQL.prune, [.integer(cutoff)])
            }
            return try sightings.map { sighting in
                try connection.execute(
                    ReplayGuardSQL.record,
                    [.text(sighting.id.rawValue), .text(sighting.sender.rawValue), .integer(sighting.milliseconds)])
                return connection.changes == 1
            }
        }
    }
}

/// When the replay guard last pruned, so that it prunes at most once per interval.
package final class PruneSchedule: Sendable {
    private let interval: Int64
    private let last = Mutex<Int64?>(nil)

    package init(interval: Int64) { self.interval = interval }

    /// True (and remembers `now`) when no pruning happened in the last interval.
    package func isDue(at now: Int64) -> Bool {
        last.withLock { last in
            if let previous = last, now - previous < interval, now >= previous { return false }
            last = now
            return true
        }
    }
}
