import Foundation
import LienthongCore
import Testing
@testable import LienthongStore

@Suite("Audit log: several records in one append")
struct AuditBatchAppendTests {
    @Test func aBatchIsChainedConsecutivelyAndReturnedInOrder() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        try await store.auditLog.append(try Fixtures.entry(0))
        let entries = [try Fixtures.entry(1), try Fixtures.entry(2), try Fixtures.entry(3)]
        let records = try await store.auditLog.append(contentsOf: entries)
        #expect(records.map(\.sequence) == [2, 3, 4])
        #expect(records.map(\.entry.messageID) == entries.map(\.messageID))
        #expect(records[1].previousHash == records[0].hash)
        #expect(records[2].previousHash == records[1].hash)
        #expect(try await store.auditLog.append(contentsOf: []).isEmpty)
        #expect(try await store.auditLog.verify() == .intact(records: 4))
        await store.close()
    }

    /// Concurrent callers share transactions, yet each caller's records stay together and each
    /// gets back exactly its own.
    @Test func concurrentBatchesStayContiguousAndEachCallerGetsItsOwn() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let callers = 40
        let results = try await withThrowingTaskGroup(of: ([AuditEntry], [AuditRecord]).self) { group in
            for index in 0..<callers {
                group.addTask {
                    let entries = try (0...(index % 3)).map { offset in try Fixtures.entry(index * 10 + offset) }
                    return (entries, try await store.auditLog.append(contentsOf: entries))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        var sequences: [Int64] = []
        for (entries, records) in results {
            #expect(records.map(\.entry.messageID) == entries.map(\.messageID))
            let numbers = records.map(\.sequence)
            #expect(numbers == Array(numbers[0]..<(numbers[0] + Int64(numbers.count))))
            sequences += numbers
        }
        let total = (0..<callers).reduce(0) { $0 + ($1 % 3) + 1 }
        #expect(sequences.sorted() == Array(1...Int64(total)))
        #expect(try await store.auditLog.verify() == .intact(records: Int64(total)))
        await store.close()
    }
}
