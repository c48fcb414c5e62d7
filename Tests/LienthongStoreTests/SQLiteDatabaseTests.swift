import CSQLite
import Foundation
import Testing
@testable import LienthongStore

@Suite("SQLite layer")
struct SQLiteDatabaseTests {
    @Test func opensInWALWithFullSynchronousAndForeignKeys() async throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(path: directory.databasePath)
        let settings = try await database.perform { connection in
            [
                try connection.scalarText("PRAGMA journal_mode"),
                try connection.scalarInt64("PRAGMA synchronous").map(String.init),
                try connection.scalarInt64("PRAGMA foreign_keys").map(String.init),
            ]
        }
        #expect(settings == ["wal", "2", "1"])
        await database.close()
    }

    @Test("a transaction that need not be durable commits with synchronous=NORMAL, then FULL is back, even after an error")
    func nonDurableTransactionRestoresFullSynchronous() async throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(path: directory.databasePath)
        let inside = try await database.transaction(durable: false) { connection in
            try connection.execute("CREATE TABLE t (i INTEGER)")
            return try connection.scalarInt64("PRAGMA synchronous")
        }
        #expect(inside == 1)
        await #expect(throws: SQLiteError.self) {
            try await database.transaction(durable: false) { connection in try connection.execute("INSERT INTO no_such_table VALUES (1)") }
        }
        let after = try await database.transaction { connection in
            try connection.execute("INSERT INTO t VALUES (1)")
            return [try connection.scalarInt64("PRAGMA synchronous"), try connection.scalarInt64("SELECT COUNT(*) FROM t")]
        }
        #expect(after == [2, 1])
        await database.close()
    }

    @Test func bindsAndReadsEveryStorageClass() async throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(path: directory.databasePath)
        let row = try await database.perform { connection in
            try connection.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, e BLOB, n TEXT)")
            try connection.execute(
                "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
                [.integer(-9_007_199_254_740_993), .real(2.5), .text("Hà Nội ✓"), .blob([0, 1, 255]), .blob([]), .null])
            return try connection.query("SELECT i, r, s, b, e, n FROM t") { row throws(SQLiteError) in
                [
                    "\(try row.int64(0))", "\(try row.double(1))", try row.text(2), "\(try row.blob(3))",
                    "\(row.type(at: 4).rawValue):\(try row.blob(4))", "\(try row.optionalText(5) ?? "nil")",
                ]
            }
        }
        #expect(row == [["-9007199254740993", "2.5", "Hà Nội ✓", "[0, 1, 255]", "BLOB:[]", "nil"]])
        await database.close()
    }

    @Test func errorsCarryCodeMessageAndSQL() async throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(path: directory.databasePath)
        let error = await #expect(throws: SQLiteError.self) {
            try await database.perform { connection in try connection.execute("SELECT * FROM no_such_table") }
        }
        #expect(error?.primaryCode == SQLITE_ERROR)
        #expect(error?.message == "no such table: no_such_table")
        #expect(error?.sql == "SELECT * FROM no_such_table")
        #expect(error?.description.contains("no such table: no_such_table") == true)
        await database.close()
    }

    @Test func readingTheWrongStorageClassIsAnErrorNotAZero() async throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(path: directory.databasePath)
        let error = await #expect(throws: SQLiteError.self) {
            try await database.perform { connection in
                try connection.query("SELECT 'abc' AS amount") { row throws(SQLiteError) in try row.int64(0) }
            }
        }
        #expect(error?.primaryCode == SQLITE_MISMATCH)
        #expect(error?.message == "column amount holds TEXT, expected INTEGER")
        await database.close()
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAtOpen() throws {
        let directory = try TemporaryDirectory()
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: directory.databasePath))
        let error = #expect(throws: SQLiteError.self) { try SQLiteDatabase(path: directory.databasePath) }
        #expect(error?.primaryCode == SQLITE_NOTADB)
    }

    @Test func openingWithoutCreateFailsForAMissingFile() throws {
        let directory = try TemporaryDirectory()
        let error = #expect(throws: SQLiteError.self) {
            try SQLiteDatabase(path: directory.databasePath, options: .init(create: false))
        }
        #expect(error?.primaryCode == SQLITE_CANTOPEN)
        #expect(error?.message.contains(directory.databasePath) == true)
    }

    @Test func aFailedTransactionLeavesNothingBehind() async throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(path: directory.databasePath)
        try await database.perform { connection in try connection.execute("CREATE TABLE t (v INTEGER UNIQUE)") }
        await #expect(throws: SQLiteError.self) {
            try await database.transaction { connection in
                try connection.execute("INSERT INTO t VALUES (1)")
                try connection.execute("INSERT INTO t VALUES (1)")
            }
        }
        let count = try await database.perform { connection in try connection.scalarInt64("SELECT COUNT(*) FROM t") }
        #expect(count == 0)
        await database.close()
    }

    @Test func usingAClosedDatabaseIsAnError() async throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(path: directory.databasePath)
        await database.close()
        let error = await #expect(throws: SQLiteError.self) {
            try await database.perform { connection in try connection.execute("SELECT 1") }
        }
        #expect(error == SQLiteError.closed)
    }
}

@Suite("SQLite migrations")
struct SQLiteMigrationTests {
    let first = SQLiteMigration(version: 1, name: "one", sql: "CREATE TABLE a (x INTEGER)")
    let second = SQLiteMigration(version: 2, name: "two", sql: "CREATE TABLE b (y INTEGER); INSERT INTO b VALUES (7)")

    @Test func appliesEachMigrationOnceAndRecordsIt() async throws {
        let directory = try TemporaryDirectory()
        let once = try SQLiteDatabase(path: directory.databasePath, migrations: [first])
        await once.close()
        // Reopening with one more migration applies only the new one (the old CREATE would fail).
        let twice = try SQLiteDatabase(path: directory.databasePath, migrations: [first, second])
        let (versions, rows) = try await twice.perform { connection in
            (
                try connection.query("SELECT version, name FROM schema_migrations ORDER BY version") {
                    row throws(SQLiteError) in "\(try row.int64(0)):\(try row.text(1))"
                },
                try connection.scalarInt64("SELECT COUNT(*) FROM b")
            )
        }
        #expect(versions == ["1:one", "2:two"])
        #expect(rows == 1)
        await twice.close()
    }

    @Test func aFailingMigrationAppliesNothing() async throws {
        let directory = try TemporaryDirectory()
        let broken = SQLiteMigration(version: 2, name: "broken", sql: "CREATE TABLE c (z INTEGER); NOT SQL")
        #expect(throws: SQLiteError.self) {
            try SQLiteDatabase(path: directory.databasePath, migrations: [first, broken])
        }
        let database = try SQLiteDatabase(path: directory.databasePath)
        let tables = try await database.perform { connection in
            try connection.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
                row throws(SQLiteError) in try row.text(0)
            }
        }
        #expect(tables == ["schema_migrations"])
        await database.close()
    }

    @Test func aDatabaseFromANewerBuildIsRefused() async throws {
        let directory = try TemporaryDirectory()
        let newer = try SQLiteDatabase(path: directory.databasePath, migrations: [first, second])
        await newer.close()
        let error = #expect(throws: SQLiteError.self) {
            try SQLiteDatabase(path: directory.databasePath, migrations: [first])
        }
        #expect(error?.message.contains("schema is at version 2, newer than this build knows (1)") == true)
    }

    @Test func migrationsOutOfOrderAreRefused() throws {
        let directory = try TemporaryDirectory()
        let error = #expect(throws: SQLiteError.self) {
            try SQLiteDatabase(path: directory.databasePath, migrations: [second, first])
        }
        #expect(error?.message.contains("does not come after") == true)
    }
}
