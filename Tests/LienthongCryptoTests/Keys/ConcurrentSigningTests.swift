import Testing
@testable import LienthongCrypto

@Suite("Concurrent use of keys")
struct ConcurrentSigningTests {
    @Test("100 concurrent signs and verifies on shared keys all succeed", arguments: SignatureAlgorithm.allCases)
    func concurrentSignVerify(_ algorithm: SignatureAlgorithm) async throws {
        let key = try TestKeys.key(for: algorithm)
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<100 {
                group.addTask {
                    let message = Array("message \(index)".utf8)
                    let signature = try key.signature(for: message, algorithm: algorithm)
                    let valid = try key.publicKey.isValidSignature(signature, for: message, algorithm: algorithm)
                    // Each signature must be bound to its own message, even when contexts are copied concurrently.
                    let crossed = try key.publicKey.isValidSignature(
                        signature, for: Array("message \(index + 1)".utf8), algorithm: algorithm)
                    return valid && !crossed
                }
            }
            var outcomes: [Bool] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        #expect(results.count == 100)
        #expect(results.allSatisfy { $0 })
    }
}
