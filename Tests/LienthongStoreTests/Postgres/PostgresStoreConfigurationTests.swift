import Foundation
import Synchronization
import Testing
@testable import LienthongPostgres

@Suite("PostgreSQL store URL")
struct PostgresStoreConfigurationTests {
    @Test func readsEveryPartOfTheURL() throws {
        let configuration = try PostgresStoreConfiguration(
            url: "postgres://gw%40h41:s%3Acret@db.example:6543/lienthong?sslmode=verify-full&schema=h41&pool_max=5&connect_timeout=3&lease_timeout=2")
        #expect(configuration.host == "db.example")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "gw@h41")
        #expect(configuration.password == "s:cret")
        #expect(configuration.database == "lienthong")
        #expect(configuration.tls == .verifyFull)
        #expect(configuration.schema == "h41")
        #expect(configuration.maximumConnections == 5)
        #expect(configuration.connectTimeout == .seconds(3))
        #expect(configuration.leaseTimeout == .seconds(2))
        #expect(configuration.location == "db.example:6543/lienthong schema h41")
    }

    @Test func defaultsFollowLibpq() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgresql://gateway@127.0.0.1/lienthong")
        #expect(configuration.port == 5432)
        #expect(configuration.password == nil)
        #expect(configuration.tls == .prefer)
        #expect(configuration.schema == nil)
    }

    @Test func thePasswordFromTheEnvironmentReplacesTheURLs() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgres://gateway:old@db/lienthong", password: "new")
        #expect(configuration.password == "new")
    }

    @Test func anIPv6HostLosesItsBrackets() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgres://gateway@[::1]:5433/lienthong")
        #expect(configuration.host == "::1")
        #expect(configuration.location == "[::1]:5433/lienthong")
    }

    @Test(arguments: [
        ("mysql://gateway@db/lienthong", "the scheme must be postgres or postgresql, not mysql"),
        ("postgres://db/lienthong", "the user name is missing (postgres://user@host/database)"),
        ("postgres://gateway@db", "the database name is missing or contains a slash (postgres://user@host/database)"),
        ("postgres://gateway@db/lienthong?sslmode=allow", "sslmode allow is not one of disable, prefer, require, verify-full"),
        ("postgres://gateway@db/lienthong?schema=Drop;Table", "schema Drop;Table must be lower-case letters, digits and _ (at most 63, not starting with a digit)"),
        ("postgres://gateway@db/lienthong?pool_max=0", "pool_max 0 must be a whole number from 1 to 1000"),
        ("postgres://gateway@db/lienthong?sslmod=disable", "unknown parameter sslmod (known: sslmode, sslrootcert, schema, pool_max, connect_timeout, lease_timeout)"),
        ("postgres://gateway@db/lienthong?schema=", "parameter schema has no value"),
    ])
    func refusesWhatItCannotUseWithAReason(url: String, reason: String) {
        #expect(throws: PostgresStoreError.invalidURL(reason)) { try PostgresStoreConfiguration(url: url) }
    }

    @Test func errorsNeverShowThePassword() {
        let error = #expect(throws: PostgresStoreError.self) {
            try PostgresStoreConfiguration(url: "postgres://gateway:hunter2@db/lienthong?bad=1")
        }
        #expect(error?.description.contains("hunter2") == false)
    }

    @Test func anUnreadableCAFileIsNamed() throws {
        var configuration = try PostgresStoreConfiguration(url: "postgres://gateway@127.0.0.1/lienthong?sslmode=verify-full")
        configuration.rootCertificateFile = "/nonexistent/ca.pem"
        #expect(throws: PostgresStoreError.self) { try configuration.probeConfiguration() }
        let error = #expect(throws: PostgresStoreError.self) { try configuration.clientConfiguration() }
        #expect(error?.description.contains("sslrootcert /nonexistent/ca.pem cannot be read") == true)
    }
}

/// `PostgresStore.close` must not hang on a pool that does not end (no server needed).
@Suite("PostgreSQL store: a bounded close")
struct PostgresStoreCloseTests {
    @Test func theWaitEndsAtItsLimitWhenTheTaskDoesNot() async throws {
        let ended = Mutex(false)
        // A task that ignores cancellation and ends only after 30 s, like a pool stuck on a lease.
        let stuck = Task {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().asyncAfter(deadline: .now() + 30) { continuation.resume() }
            }
            ended.withLock { $0 = true }
        }
        stuck.cancel()
        #expect(await PostgresStore.wait(for: stuck, atMost: .milliseconds(100)) == false)
        #expect(!ended.withLock { $0 }, "the wait returned before the task ended")
    }

    @Test func theWaitEndsWithTheTask() async throws {
        let ended = Mutex(false)
        let quick = Task { ended.withLock { $0 = true } }
        #expect(await PostgresStore.wait(for: quick, atMost: .seconds(60)))
        #expect(ended.withLock { $0 })
    }

    @Test func theDefaultLimitIsTenSeconds() throws {
        #expect(try PostgresStoreConfiguration(url: "postgres://u@h/db").closeTimeout == .seconds(10))
    }
}
