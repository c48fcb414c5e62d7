import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a pipe line by line on a dedicated thread until end of file, then closes it.
///
/// A thread with blocking reads keeps a chatty or stuck plugin from occupying the gateway's event
/// loops. Lines longer than `maxLineBytes` are cut into pieces of that size, so a plugin that never
/// prints a newline cannot make the gateway buffer without bound. Invalid UTF-8 is repaired.
enum PipeLineReader {
    static let maxLineBytes = 8192

    /// Starts reading `descriptor`; `onLine` gets each line without its newline, `onEnd` runs once
    /// after the last line.
    static func start(
        descriptor: Int32, name: String, onLine: @escaping @Sendable (String) -> Void,
        onEnd: @escaping @Sendable () -> Void = {}
    ) {
        let thread = Thread {
            var pending: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                pending.append(contentsOf: buffer[0..<count])
                var start = 0
                while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    onLine(String(decoding: pending[start..<newline], as: UTF8.self))
                    start = newline + 1
                }
                pending.removeFirst(start)
                while pending.count >= maxLineBytes {
                    onLine(String(decoding: pending[0..<maxLineBytes], as: UTF8.self))
                    pending.removeFirst(maxLineBytes)
                }
            }
            if !pending.isEmpty { onLine(String(decoding: pending, as: UTF8.self)) }
            close(descriptor)
            onEnd()
        }
        thread.name = name
        thread.start()
    }
}
