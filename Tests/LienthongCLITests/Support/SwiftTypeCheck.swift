import Foundation

/// Type-checks Swift sources against the modules of the build the tests run from (the one that
/// built `lienthong`), without building a package: a scaffolded Swift plugin is checked as it
/// would compile inside the gateway, in seconds rather than a rebuild.
enum SwiftTypeCheck {
    /// The build directory in use (`.build/debug` or the triple's), holding `Modules/`.
    static var buildDirectory: URL { CLI.executable.deletingLastPathComponent() }

    /// `-I` the Swift modules, and the C modules' maps (NIO's, the system libraries') that
    /// importing them needs.
    static func searchFlags() throws -> [String] {
        let manager = FileManager.default
        var maps: [String] = []
        for entry in try manager.contentsOfDirectory(atPath: buildDirectory.path) where entry.hasSuffix(".build") {
            let map = buildDirectory.appendingPathComponent(entry).appendingPathComponent("module.modulemap").path
            if manager.fileExists(atPath: map) { maps.append(map) }
        }
        for root in [CLI.packageRoot.appendingPathComponent(".build/checkouts"), CLI.packageRoot.appendingPathComponent("Sources")] {
            guard let walker = manager.enumerator(atPath: root.path) else { continue }
            while let relative = walker.nextObject() as? String {
                if relative.hasSuffix("/module.modulemap") { maps.append(root.appendingPathComponent(relative).path) }
            }
        }
        return ["-I", buildDirectory.appendingPathComponent("Modules").path] + maps.flatMap { ["-Xcc", "-fmodule-map-file=\($0)"] }
    }

    /// Runs `swiftc` with `arguments` (Swift 6 language mode), returning its exit status and output.
    static func swiftc(_ arguments: [String], in directory: URL) async throws -> (status: Int32, output: String) {
        try await OwnThread.run { try swiftcBlocking(arguments, in: directory) }
    }

    private static func swiftcBlocking(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-swift-version", "6"] + arguments
        process.currentDirectoryURL = directory
        let log = directory.appendingPathComponent(".swiftc-\(UUID().uuidString).log")
        try Data().write(to: log)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close(); try? FileManager.default.removeItem(at: log) }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
