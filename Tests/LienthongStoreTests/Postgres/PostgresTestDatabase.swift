import Foundation
import Logging
import PostgresNIO
import Testing
@testable import LienthongPostgres

/// The PostgreSQL server the tests use: `LIENTHONG_TEST_POSTGRES_URL`, which
/// `scripts/with-postgres.sh` (and so `scripts/test.sh` and CI) sets to a throwaway cluster.
///
/// Run by hand without it, the PostgreSQL suites are skipped (they say so in their name). With
/// `CI` set they are never skipped: they run and fail, naming the missing variable, so CI cannot
/// pass without exercising PostgreSQL.
enum PostgresTestServer {
    static let urlVariable = "LIENTHONG_TEST_POSTGRES_URL"

    static var url: String? {
        ProcessInfo.processInfo.environment[urlVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The server's self-signed TLS certificate, for `sslmode=verify-full` tests.
    static var certificateAuthority: String? {
        ProcessInfo.processInfo.environment["LIENTHONG_TEST_POSTGRES_CA"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "0" && $0 != "false" } ?? false
    }

    /// Whether the PostgreSQL suites run: with a server, or in CI (where they then fail).
    static var shouldRun: Bool { url != nil || isCI }

    /// The server's URL; fails the test when it is missing.
    static func requireURL() throws -> String {
        guard let url else {
            throw MissingServer()
        }
        return url
    }

    struct MissingServer: Error, CustomStringConvertible {
        var description: String {
            "\(PostgresTestServer.urlVariable) is not set although CI is: run the tests through scripts/with-postgres.sh"
        }
    }
}

/// One test's own schema in the test server, so that tests run in parallel without seeing each
/// other's rows. Dropped by `drop()`.
struct PostgresTestSchema: Sendable {
    let name: String
    let configuration: PostgresStoreConfiguration

    init() throws {
        let base = try PostgresStoreConfiguration(url: try PostgresTestServer.requireURL())
        name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        var configuration = base
        configuration.schema = name
        configuration.maximumConnections = 4
        self.configuration = configuration
    }

    /// Runs `body` with a fresh schema and drops it afterwards, also when `body` fails.
    static func with(_ body: (PostgresTestSchema) async throws -> Void) async throws {
        let schema = try PostgresTestSchema()
        do {
            try await body(schema)
        } catch {
            await schema.drop()
            throw error
        }
        await schema.drop()
    }

    /// Opens (and migrates) a store in this schema.
    func open(pruneInterval: Duration = .seconds(60)) async throws -> PostgresStore {
        try await PostgresStore.open(configuration, logger: Self.quietLogger, replayPruneInterval: pruneInterval)
    }

    /// Runs SQL statements directly in the schema, as someone with database access could.
    func execute(_ statements: [String]) async throws {
        try await withConnection { connection in
            for statement in statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Self.quietLogger)
            }
        }
    }

    /// Reads one integer with SQL run directly in the schema.
    func scalar(_ sql: String) async throws -> Int64 {
        try await withConnection { connection in
            let rows: PostgresRowSequence = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.quietLogger)
            var value: Int64 = 0
            for try await number in rows.decode(Int64.self) { value = number }
            return value
        }
    }

    /// One connection of its own (not the store's pool), with the schema as its search path.
    private func withConnection<Result: Sendable>(
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        var connectionConfiguration = try configuration.probeConfiguration()
        connectionConfiguration.options.additionalStartupParameters = [("search_path", name)]
        let connection = try await PostgresConnection.connect(
            on: PostgresClient.defaultEventLoopGroup.any(), configuration: connectionConfiguration, id: 1,
            logger: Self.quietLogger
        ).get()
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw PostgresStoreError.queryFailed(operation: "test SQL", reason: PostgresErrorText.describe(error))
        }
    }

    /// Removes the schema and everything in it.
    func drop() async {
        try? await execute(["DROP SCHEMA IF EXISTS \(name) CASCADE"])
    }

    static let quietLogger = Logger(label: "lienthong.test.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
}
