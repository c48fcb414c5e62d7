import Foundation
import LienthongStore
import PostgresNIO
import Testing
@testable import LienthongPostgres

/// TLS to the server for real: scripts/with-postgres.sh starts the cluster with `ssl=on` and a
/// self-signed certificate for 127.0.0.1 (`LIENTHONG_TEST_POSTGRES_CA`). Skipped without it when
/// run by hand; with `CI` set it runs and fails instead.
@Suite(
    "PostgreSQL store over TLS (LIENTHONG_TEST_POSTGRES_CA)",
    .enabled(if: PostgresTestServer.certificateAuthority != nil || PostgresTestServer.isCI))
struct PostgresTLSTests {
    static func requireCertificateAuthority() throws -> String {
        guard let path = PostgresTestServer.certificateAuthority else {
            throw PostgresStoreError.invalidURL(
                "LIENTHONG_TEST_POSTGRES_CA is not set although CI is: run the tests through scripts/with-postgres.sh")
        }
        return path
    }

    @Test func verifyFullConnectsOverTLSToTheServerItsCAVouchesFor() async throws {
        let authority = try Self.requireCertificateAuthority()
        try await PostgresTestSchema.with { schema in
            var configuration = schema.configuration
            configuration.tls = .verifyFull
            configuration.rootCertificateFile = authority
            let store = try await PostgresStore.open(configuration, logger: PostgresTestSchema.quietLogger)
            let logger = store.database.logger
            let encrypted = try await store.database.connection("tls check") { connection in
                var ssl = false
                for try await value in try await connection.query(
                    "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: logger
                ).decode(Bool.self) {
                    ssl = value
                }
                return ssl
            }
            #expect(encrypted)
            #expect(try await store.auditLog.append(try Fixtures.entry(0)).sequence == 1)
            await store.close()
        }
    }

    @Test func verifyFullRefusesAServerItCannotVerify() async throws {
        _ = try Self.requireCertificateAuthority()
        var configuration = try PostgresTestSchema().configuration
        // The system's trust roots do not know the cluster's self-signed certificate.
        configuration.tls = .verifyFull
        configuration.rootCertificateFile = nil
        let error = await #expect(throws: PostgresStoreError.self) {
            _ = try await PostgresStore.open(configuration, logger: PostgresTestSchema.quietLogger)
        }
        guard case .unavailable = error else {
            Issue.record("expected .unavailable, got \(String(describing: error))")
            return
        }
    }
}
