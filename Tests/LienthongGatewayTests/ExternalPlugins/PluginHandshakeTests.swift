import Foundation
import Testing
@testable import LienthongGateway

@Suite("External plugin handshake line")
struct PluginHandshakeTests {
    @Test("a version 1 line gives the socket path")
    func good() throws {
        let handshake = try PluginHandshake(parsing: "LIENTHONG-PLUGIN 1 unix /run/lienthong/si.sock")
        #expect(handshake == PluginHandshake(version: 1, socketPath: "/run/lienthong/si.sock"))
        // A carriage return (a plugin printing \r\n) is tolerated.
        #expect(try PluginHandshake(parsing: "LIENTHONG-PLUGIN 1 unix /tmp/a.sock\r").socketPath == "/tmp/a.sock")
        #expect(try PluginHandshake(parsing: PluginHandshake.line(socketPath: "/tmp/b.sock")).socketPath == "/tmp/b.sock")
    }

    @Test("another protocol version is refused, naming both versions")
    func otherVersion() {
        #expect(throws: PluginHandshakeError.unsupportedVersion(2)) {
            try PluginHandshake(parsing: "LIENTHONG-PLUGIN 2 unix /tmp/a.sock")
        }
        #expect(PluginHandshakeError.unsupportedVersion(2).description
            == "the plugin speaks protocol version 2; this gateway speaks version 1")
        // A future version may change the rest of the line: the version is judged first.
        #expect(throws: PluginHandshakeError.unsupportedVersion(3)) {
            try PluginHandshake(parsing: "LIENTHONG-PLUGIN 3 tcp 127.0.0.1:9000 extra")
        }
    }

    @Test("garbage, a banner or an empty line is not a handshake", arguments: [
        "Starting the social insurance plugin...", "", "lienthong-plugin 1 unix /tmp/a.sock", " LIENTHONG-PLUGIN 1 unix /tmp/a.sock",
        "\u{1B}[32mready\u{1B}[0m",
    ])
    func garbage(line: String) {
        #expect(throws: PluginHandshakeError.self) { try PluginHandshake(parsing: line) }
        do {
            _ = try PluginHandshake(parsing: line)
        } catch {
            if case .notAHandshake(let shown) = error {
                // Control characters are escaped in what the log shows.
                #expect(!shown.contains("\u{1B}"))
            } else {
                Issue.record("expected notAHandshake, got \(error)")
            }
        }
    }

    @Test("malformed fields are named", arguments: [
        ("LIENTHONG-PLUGIN one unix /tmp/a.sock", "malformed"),
        ("LIENTHONG-PLUGIN 1 unix", "malformed"),
        ("LIENTHONG-PLUGIN 1 unix /tmp/a.sock extra", "malformed"),
        ("LIENTHONG-PLUGIN  1 unix /tmp/a.sock", "malformed"),
        ("LIENTHONG-PLUGIN 0 unix /tmp/a.sock", "malformed"),
        ("LIENTHONG-PLUGIN 1 tcp 127.0.0.1:9000", "transport"),
        ("LIENTHONG-PLUGIN 1 unix relative/a.sock", "path"),
        ("LIENTHONG-PLUGIN 1 unix /" + String(repeating: "a", count: 120), "path"),
    ])
    func malformed(line: String, kind: String) {
        do {
            _ = try PluginHandshake(parsing: line)
            Issue.record("accepted \(line)")
        } catch {
            switch (error, kind) {
            case (.malformed, "malformed"), (.unsupportedTransport, "transport"), (.badSocketPath, "path"): break
            default: Issue.record("\(line): expected \(kind), got \(error)")
            }
        }
    }
}

@Suite("External plugin socket directory")
struct PluginSocketDirectoryTests {
    @Test("under RUNTIME_DIRECTORY, else TMPDIR, else /tmp when the path would be too long; mode 0700")
    func placement() throws {
        let runtime = FileManager.default.temporaryDirectory.appendingPathComponent("rt-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let first = try ExternalPluginSet.makeSocketDirectory(for: "social-insurance", environment: ["RUNTIME_DIRECTORY": runtime + ":/other"])
        defer { rmdir(first) }
        #expect(first.hasPrefix(runtime + "/lienthong-social-insurance-"))
        let attributes = try FileManager.default.attributesOfItem(atPath: first)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)

        let long = "/" + String(repeating: "d", count: 100)
        let fallback = try ExternalPluginSet.makeSocketDirectory(for: "x", environment: ["TMPDIR": long])
        defer { rmdir(fallback) }
        #expect(fallback.hasPrefix("/tmp/lienthong-x-"))
        #expect((fallback + "/plugin.sock").utf8.count <= PluginHandshake.maxSocketPathBytes)
    }
}
