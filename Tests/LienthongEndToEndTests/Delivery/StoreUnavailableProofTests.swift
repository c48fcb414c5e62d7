import Foundation
import Glibc

#if canImport(Glibc)
import LienthongTestSupport
import Testing
#endif

/// A size-limited tmpfs for the province's data directory, grown again to end the shortage.
/// Mounting needs root (or CAP_SYS_ADMIN); where that is missing the proof is skipped and says
/// so, unless `CI` is set, where it runs and fails.
struct SmallFilesystem {
    let directory: URL

    static var canMount: Bool { getuid() == 0 }
    static var shouldRun: Bool { canMount || ProofPostgres.isCI }

    static func mount(at directory: URL, megabytes: Int) throws -> SmallFilesystem {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try run(["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "tmpfs", directory.path])
        return SmallFilesystem(directory: directory)
    }

    /// Gives the filesystem `megabytes` in all: the disk is no longer full.
    func grow(to megabytes: Int) throws {
        try Self.run(["-o", "remount,size=\(megabytes)m", directory.path])
    }

    func unmount() {
        _ = try? LienthongBinary.run(URL(fileURLWithPath: "/bin/umount"), ["-l", directory.path])
    }

    private static func run(_ arguments: [String]) throws {
        let result = try LienthongBinary.run(URL(fileURLWithPath: "/bin/mount"), arguments)
        guard result.status == 0 else { throw HarnessError("mount \(arguments.joined(separator: " ")): \(result.stderr)") }
    }
}

extension DeliveryProofs {
    @Test(
        "disk full: new messages refused with 503 store-unavailable, nothing accepted before lost, and the gateway recovers when space returns",
        .enabled(if: SmallFilesystem.shouldRun, "mounting a size-limited tmpfs needs root"))
    func diskFull() async throws {
        let directory = try LienthongBinary.temporaryDirectory("proof-disk")
        defer { try? FileManager.default.removeItem(at: directory) }
        let filesystem = try SmallFilesystem.mount(at: directory.appendingPathComponent("province-data"), megabytes: 3)
        defer { filesystem.unmount() }
        var options = DeliveryExchange.Options()
        options.provinceDataDirectory = filesystem.directory
        try await DeliveryExchange.with(label: "proof-disk", options: options) { exchange in
            let load = try DeliveryLoad(exchange: exchange, attachmentBytes: 24 * 1024)
            // Documents until the store cannot take one more.
            var refusal: HTTPReply?
            for _ in 0..<2_000 {
                let reply = try await load.submitOne()
                if reply.status == 503 {
                    refusal = reply
                    break
                }
                #expect(reply.status == 202, "\(reply.summary)")
                if reply.status != 202 { break }
            }
            let full = try #require(refusal, "the store never filled up")
            let acceptedBeforeFull = load.acceptedCount
            #expect(full.problem == "store-unavailable", "\(full.summary)")
            #expect(full[header: "Content-Type"]?.hasPrefix("application/problem+json") == true, "\(full.summary)")
            #expect(acceptedBeforeFull > 0)
            // Still full: refused again, and the gateway is up, answering status queries.
            let again = try await load.submitOne()
            #expect(again.status == 503 && again.problem == "store-unavailable", "\(again.summary)")
            #expect(exchange.province.isRunning)

            // Space returns: the gateway accepts again, without a restart.
            try filesystem.grow(to: 256)
            try await waitUntil("a document accepted after the disk was grown", exchange, timeout: .seconds(60)) {
                try await load.submitOne().status == 202
            }
            let outcome = try await load.settle(timeout: .seconds(300))
            print("disk full proof: \(acceptedBeforeFull) documents accepted before the 3 MB filesystem was full, then "
                + "\"\(full.json?["detail"] as? String ?? "")\"; after growing it: \(outcome)")
            #expect(exchange.province.isRunning)
            Self.expectExactlyOnce(outcome, exchange)
        }
    }
}
