import Foundation
import Testing
@testable import LienthongStore

@Suite("SQLite group commit")
struct SQLiteGroupCommitTests {
    struct Refused: Error {}

    @Test func aFailedBatchIsRolledBackAndLaterBatchesStillCommit() async throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(
            path: directory.databasePath,
            migrations: [SQLiteMigration(version: 1, name: "t", sql: "CREATE TABLE t (v INTEGER NOT NULL)")])
        let writer = SQLiteGroupCommit<Int64, Int64>(database: database, maximumBatch: 8) { connection, values in
            try connection.transaction {
                try values.map { value in
                    try connection.execute("INSERT INTO t (v) VALUES (?)", [.integer(value)])
                    // Refuse after writing, so only a rollback keeps the row out.
                    if value < 0 { throw Refused() }
                    return value * 10
                }
            }
        }
        #expect(try await writer.submit(1) == 10)
        await #expect(throws: Refused.self) { try await writer.submit(-1) }
        #expect(try await writer.submit(2) == 20)
        let stored = try await database.perform { connection in
            try connection.query("SELECT v FROM t ORDER BY rowid") { row throws(SQLiteError) in try row.int64(0) }
        }
        #expect(stored == [1, 2])
        await database.close()
    }

    @Test func eachCallerGetsTheOutputOfItsOwnInput() async throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(path: directory.databasePath)
        let writer = SQLiteGroupCommit<Int, String>(database: database, maximumBatch: 4) { _, values in
            values.map { "out-\($0)" }
        }
        let pairs = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for value in 0..<100 { group.addTask { (value, try await writer.submit(value)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(pairs.count == 100)
        #expect(pairs.allSatisfy { "out-\($0.0)" == $0.1 })
        await database.close()
    }
}
