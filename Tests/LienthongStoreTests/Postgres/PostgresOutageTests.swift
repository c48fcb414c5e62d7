import Foundation
import LienthongCore
import LienthongStore
import Testing
@testable import LienthongPostgres

/// The database goes away and comes back (a relay in front of the test server is cut and
/// restored): calls fail with a store error instead of hanging, nothing already written is lost,
/// and the same store instance works again once the server is reachable. Needs
/// `LIENTHONG_TEST_POSTGRES_URL`; CI fails without it.
@Suite("PostgreSQL store outage and recovery (LIENTHONG_TEST_POSTGRES_URL)", .enabled(if: PostgresTestServer.shouldRun))
struct PostgresOutageTests {
    @Test func callsFailDuringAnOutageAndTheStoreRecoversWithNothingLost() async throws {
        try await PostgresTestSchema.with { schema in
            let relay = TCPRelay(targetHost: schema.configuration.host, targetPort: schema.configuration.port)
            let port = try await relay.start()
            var configuration = schema.configuration
            configuration.port = port
            configuration.leaseTimeout = .seconds(1)
            let store = try await PostgresStore.open(configuration, logger: PostgresTestSchema.quietLogger)
            let kept = try MessagingConformance.message()
            try await store.outbox.enqueue(kept, priority: .normal, client: nil, now: MessagingConformance.now)
            try await store.auditLog.append(try Fixtures.entry(0))

            await relay.cut()
            // Whatever the pool was doing, calls now fail (connection lost, or no connection in time).
            await #expect(throws: PostgresStoreError.self) { try await store.auditLog.append(try Fixtures.entry(1)) }
            await #expect(throws: PostgresStoreError.self) {
                try await store.outbox.enqueue(
                    try MessagingConformance.message(), priority: .normal, client: nil, now: MessagingConformance.now)
            }

            relay.restore()
            // The pool reconnects by itself; poll (bounded) until a call goes through.
            try await Self.eventually { (try? await store.auditLog.append(try Fixtures.entry(2))) != nil }
            #expect(try await store.auditLog.verify() == .intact(records: 2), "the refused append left nothing")
            #expect(try await store.outbox.entry(kept.id)?.state == .accepted, "what was accepted before is still there")
            #expect(try await store.outbox.counts()[.accepted] == 1)
            await store.close()
            await relay.stop()
        }
    }

    /// Retries `attempt` every 200 ms; gives up after a minute so a broken recovery cannot hang
    /// the run (a guard, not a timing assertion).
    static func eventually(_ attempt: () async -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(60))
        while clock.now < deadline {
            if await attempt() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("the store did not recover within a minute of the server coming back")
    }
}
