import Foundation
import LienthongCore
import LienthongStore
import PostgresNIO

/// Remembers message ids in PostgreSQL so that a replayed message is refused by every replica,
/// also after restarts.
///
/// Sightings from concurrent requests are written together (one INSERT … ON CONFLICT DO NOTHING per
/// batch); a replica that inserts an id another replica has just inserted waits for it and is told
/// "seen". Ids older than the retention are pruned in the same transaction as a sighting, at most
/// once per `pruneInterval` per process.
public final class PostgresReplayGuard: ReplayGuard {
    struct Sighting: Sendable {
        var id: MessageID
        var sender: AgencyCode
        var milliseconds: Int64
        var retentionMilliseconds: Int64
    }

    private let database: PostgresDatabase
    private let writer: PostgresBatchWriter<Sighting, Bool>

    init(database: PostgresDatabase, pruneInterval: Duration = .seconds(60), maximumBatch: Int = 256) {
        self.database = database
        let schedule = PruneSchedule(interval: ReplayRetention.milliseconds(pruneInterval))
        // 3 parameters a row, well within the protocol's 65,535.
        self.writer = PostgresBatchWriter(maximumBatch: min(max(1, maximumBatch), 10_000)) { sightings in
            try await Self.write(sightings, to: database, schedule: schedule)
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
        let logger = database.logger
        let query = PostgresReplayGuardSQL.pruneCounting(before: AuditTime.milliseconds(cutoff))
        let removed = try await database.connection("replay guard prune") { connection in
            try await connection.query(query, logger: logger).decode(Int64.self).first(where: { _ in true }) ?? 0
        }
        return Int(removed)
    }

    /// How many ids are remembered.
    public func rememberedCount() async throws -> Int64 {
        let logger = database.logger
        return try await database.connection("replay guard count") { connection in
            try await connection.query(PostgresReplayGuardSQL.count, logger: logger).decode(Int64.self)
                .first(where: { _ in true }) ?? 0
        }
    }

    private static func write(
        _ sightings: [Sighting], to database: PostgresDatabase, schedule: PruneSchedule
    ) async throws -> [Bool] {
        // The first sighting of an id within the batch is the one that may be new; repeats are replays.
        var firstIndex: [String: Int] = [:]
        for (index, sighting) in sightings.enumerated() where firstIndex[sighting.id.rawValue] == nil {
            firstIndex[sighting.id.rawValue] = index
        }
        let rows = firstIndex.values.sorted { sightings[$0].id.rawValue < sightings[$1].id.rawValue }.map { index in
            (id: sightings[index].id.rawValue, sender: sightings[index].sender.rawValue,
             milliseconds: sightings[index].milliseconds)
        }
        let logger = database.logger
        let inserted = try await database.transaction("replay guard") { connection in
            // No flush of its own (see `ReplayGuard`): the message's audit commit, which waits for
            // the WAL to be flushed past it, makes it durable.
            try await connection.query("SET LOCAL synchronous_commit = off", logger: logger)
            if let latest = sightings.max(by: { $0.milliseconds < $1.milliseconds }), schedule.isDue(at: latest.milliseconds) {
                let cutoff = ReplayRetention.cutoff(now: latest.milliseconds, retention: latest.retentionMilliseconds)
                try await connection.query(PostgresReplayGuardSQL.prune(before: cutoff), logger: logger)
            }
            var inserted = Set<String>()
            for try await id in try await connection.query(PostgresReplayGuardSQL.record(rows), logger: logger)
                .decode(String.self)
            {
                inserted.insert(id)
            }
            return inserted
        }
        return sightings.enumerated().map { index, sighting in
            firstIndex[sighting.id.rawValue] == index && inserted.contains(sighting.id.rawValue)
        }
    }
}
