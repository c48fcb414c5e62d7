import AsyncHTTPClient
import Foundation
import Testing

/// Runs the real `lienthong mock` binary: it must print its listening line with the real port,
/// serve, and stop cleanly on SIGTERM.
@Suite("lienthong mock command")
struct MockCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable SwiftPM built next to the test bundle, or in the package's build directory.
    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("lienthong")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/lienthong")
    }

    /// The first line `handle` yields, or nil at end of file.
    static func firstLine(of handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var data = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty {
                        continuation.resume(returning: data.isEmpty ? nil : String(decoding: data, as: UTF8.self))
                        return
                    }
                    data.append(chunk)
                    if let newline = data.firstIndex(of: 0x0A) {
                        continuation.resume(returning: String(decoding: data[..<newline], as: UTF8.self))
                        return
                    }
                }
            }
        }
    }

    static func waitForExit(_ process: Process) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    @Test("prints the listening line with the real port, serves, and exits 0 on SIGTERM")
    func listensAndStops() async throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["mock", "business", "--port", "0", "--seed", "5"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let line = try #require(await Self.firstLine(of: output.fileHandleForReading))
        let prefix = "mock business listening on http://127.0.0.1:"
        #expect(line.hasPrefix(prefix))
        let port = try #require(Int(line.dropFirst(prefix.count)))
        #expect(port > 0)

        try await withHTTPClient { client in
            let stats = try await exchange(client, .GET, "http://127.0.0.1:\(port)/_mock/stats")
            #expect(stats.status == 200)
            #expect(stats.body?[key: "system"] == "business")
        }

        process.terminate()
        await Self.waitForExit(process)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test("an unknown system is a usage error naming the known ones")
    func unknownSystem() async throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["mock", "weather", "--port", "0"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        await Self.waitForExit(process)
        #expect(process.terminationStatus == 2)
        #expect(message.contains("population"))
    }
}
