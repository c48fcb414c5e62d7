import Foundation
import LienthongCore
import Testing
@testable import LienthongStore

@Suite("Replay guard")
struct ReplayGuardTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func theFirstSightingIsAcceptedAndTheSecondIsAReplay() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let id = MessageID()
        let guardian = store.replayGuard
        #expect(try await guardian.firstSighting(of: id, from: Fixtures.province, at: now, retention: .seconds(600)))
        #expect(try await !guardian.firstSighting(of: id, from: Fixtures.province, at: now, retention: .seconds(600)))
        #expect(try await guardian.firstSighting(of: MessageID(), from: Fixtures.province, at: now, retention: .seconds(600)))
        await store.close()
    }

    @Test func aSeenIdIsStillAReplayAfterReopening() async throws {
        let directory = try TemporaryDirectory()
        let id = MessageID()
        let first = try await GatewayStore.open(dataDirectory: directory.path)
        #expect(try await first.replayGuard.firstSighting(of: id, from: Fixtures.ministry, at: now, retention: .seconds(600)))
        await first.close()
        let second = try await GatewayStore.open(dataDirectory: directory.path)
        #expect(try await !second.replayGuard.firstSighting(of: id, from: Fixtures.ministry, at: now, retention: .seconds(600)))
        await second.close()
    }

    @Test func concurrentDeliveriesOfOneIdAcceptExactlyOne() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let guardian = store.replayGuard
        let id = MessageID()
        let when = now
        let accepted = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<30 {
                group.addTask { try await guardian.firstSighting(of: id, from: Fixtures.province, at: when, retention: .seconds(600)) }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(accepted == 1)
        await store.close()
    }

    @Test func idsOlderThanTheRetentionArePrunedAsSightingsArrive() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path, replayPruneInterval: .zero)
        let guardian = store.replayGuard
        let old = MessageID()
        let recent = MessageID()
        let retention = Duration.seconds(600)
        _ = try await guardian.firstSighting(of: old, from: Fixtures.province, at: now, retention: retention)
        _ = try await guardian.firstSighting(
            of: recent, from: Fixtures.province, at: now.addingTimeInterval(300), retention: retention)
        // Within the retention nothing is forgotten.
        _ = try await guardian.firstSighting(
            of: MessageID(), from: Fixtures.province, at: now.addingTimeInterval(599), retention: retention)
        #expect(try await guardian.rememberedCount() == 3)
        // Later, the first id is older than the retention and goes; the others stay replays.
        _ = try await guardian.firstSighting(
            of: MessageID(), from: Fixtures.province, at: now.addingTimeInterval(601), retention: retention)
        #expect(try await guardian.rememberedCount() == 3)
        #expect(try await !guardian.firstSighting(
            of: recent, from: Fixtures.province, at: now.addingTimeInterval(602), retention: retention))
        #expect(try await guardian.firstSighting(
            of: old, from: Fixtures.province, at: now.addingTimeInterval(603), retention: retention))
        await store.close()
    }

    @Test func pruningWaitsForItsInterval() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path, replayPruneInterval: .seconds(3600))
        let guardian = store.replayGuard
        let retention = Duration.seconds(60)
        _ = try await guardian.firstSighting(of: MessageID(), from: Fixtures.province, at: now, retention: retention)
        _ = try await guardian.firstSighting(
            of: MessageID(), from: Fixtures.province, at: now.addingTimeInterval(120), retention: retention)
        #expect(try await guardian.rememberedCount() == 2)
        #expect(try await guardian.prune(before: now.addingTimeInterval(60)) == 1)
        #expect(try await guardian.rememberedCount() == 1)
        await store.close()
    }

    @Test func anEnormousRetentionNeverPrunesAndNeverTraps() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path, replayPruneInterval: .zero)
        let id = MessageID()
        #expect(try await store.replayGuard.firstSighting(of: id, from: Fixtures.province, at: now, retention: .seconds(Int64.max)))
        #expect(try await !store.replayGuard.firstSighting(
            of: id, from: Fixtures.province, at: now.addingTimeInterval(1e9), retention: .seconds(Int64.max)))
        await store.close()
    }
}
