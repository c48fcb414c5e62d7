import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Free ports and connection probes on 127.0.0.1, for tests that start real processes.
public enum Loopback {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `count` distinct ports that are free now and stay unlikely to be taken before the test binds
    /// them. They come from below the kernel's ephemeral range: a port the kernel hands out for
    /// port 0 is released when probed and can go to any other test's outgoing connection or
    /// listener before the process under test binds it ("Address already in use"). Ports handed
    /// out once are not handed out again by this process.
    public static func freePorts(_ count: Int) throws -> [Int] {
        var descriptors: [Int32] = []
        defer { for descriptor in descriptors { close(descriptor) } }
        var ports: [Int] = []
        let candidates = 10_000..<max(10_001, ephemeralRangeStart())
        var attempts = 0
        while ports.count < count {
            attempts += 1
            guard attempts <= 10_000 else { throw Failure(description: "no free loopback port below \(candidates.upperBound)") }
            let port = Int.random(in: candidates)
            guard handedOut.withLock({ $0.insert(port).inserted }) else { continue }
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
            var address = loopback(port: port)
            let bound = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            // Held until every port is known, so the probes cannot hand out one port twice.
            descriptors.append(descriptor)
            if bound { ports.append(port) }
        }
        return ports
    }

    /// Whether a TCP connection to 127.0.0.1:`port` is accepted now.
    public static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static let handedOut = Mutex<Set<Int>>([])

    /// The first port of the kernel's ephemeral range (32768 when it cannot be read).
    private static func ephemeralRangeStart() -> Int {
        let range = try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)
        return range?.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32_768
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        return address
    }
}
