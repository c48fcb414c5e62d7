import Foundation
import Glibc
import Synchronization
import Testing

/// `lienthong serve` with an external plugin, run as an operator would: the real binary with its
/// signal handling, the example Python plugin behind it.
@Suite("Command line: serve with an external plugin")
struct ServeExternalPluginTests {
    static let example = CLI.packageRoot.appendingPathComponent("examples/plugins/social-insurance")

    /// A ministry configuration in `directory` (with a development PKI in `tls/`) that serves the
    /// social-insurance service through `command` (default: the example plugin).
    func writeConfiguration(in directory: URL, command: String? = nil) throws -> String {
        let tls = directory.appendingPathComponent("tls").path
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/bin/bash")
        script.arguments = [CLI.packageRoot.appendingPathComponent("deploy/make-dev-pki.sh").path, tls]
        script.environment = ProcessInfo.processInfo.environment.merging(["LIENTHONG": CLI.executable.path]) { $1 }
        script.standardOutput = FileHandle.nullDevice
        try script.run()
        script.waitUntilExit()
        #expect(script.terminationStatus == 0)
        let program = command ?? Self.example.appendingPathComponent("plugin.py").path
        let yaml = """
            agency: 000.00.00.G01
            dataDirectory: data
            localAPI: {host: 127.0.0.1, port: 0}
            exchange:
              host: 127.0.0.1
              port: 0
              certificateChain: tls/g01-chain.pem
              privateKey: tls/g01-key.pem
              trustedCAs: [tls/government-ca.pem]
            schemaDirectories: [\(Self.example.appendingPathComponent("schemas").path)]
            plugins:
              external:
                social-insurance:
                  command: [\(program)]
                  startTimeoutMs: 60000
                  restart: {initialBackoffMs: 100}
                  stopGraceMs: 3000
            services:
              socialinsurance.participant.lookup/v1:
                adapter: social-insurance
                settings: {includeHistory: true}
            """
        let file = directory.appendingPathComponent("ministry.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// A plugin with Python's default signal dispositions: SIGTERM ends it, unless the gateway let
    /// it inherit an ignored SIGTERM.
    static let plainPlugin = #"""
        #!/usr/bin/env python3
        import json, os, socketserver
        from http.server import BaseHTTPRequestHandler
        path = os.environ["LIENTHONG_PLUGIN_SOCKET"]
        base = "https://schemas.lienthong.vn/examples/socialinsurance/participant.lookup."
        descriptor = {"id": "social-insurance", "version": "1.0.0", "services": [{"service": "socialinsurance.participant.lookup/v1",
                      "requestSchema": base + "request.v1.json", "responseSchema": base + "response.v1.json"}]}
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                data = json.dumps(descriptor).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            def log_message(self, *args): pass
        server = socketserver.UnixStreamServer(path, Handler)
        print("LIENTHONG-PLUGIN 1 unix " + path, flush=True)
        server.serve_forever()
        """#

    @Test func theGatewayStartsRestartsAndStopsItsPluginOnSIGTERM() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plugin = directory.appendingPathComponent("plugin.py")
        try Self.plainPlugin.write(to: plugin, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin.path)
        let configuration = try writeConfiguration(in: directory, command: plugin.path)
        let gateway = try RunningCommand.launch(["serve", "--config", configuration])
        defer { gateway.kill() }

        let firstPID = try #require(try await gateway.waitForLog(after: "external plugin social-insurance 1.0.0 started (pid "))
        #expect(try await gateway.waitForLog(containing: "serving: local API "), "\(gateway.errorOutput)")
        let socket = try #require(gateway.errorOutput.components(separatedBy: "socket ").dropFirst().first?
            .components(separatedBy: ")").first)
        #expect(FileManager.default.fileExists(atPath: socket))

        // Killed from outside: the gateway notices, logs it and starts another. The new process is
        // started after swift-service-lifecycle took over SIGTERM, so this also checks that the
        // plugin does not inherit an ignored SIGTERM.
        Glibc.kill(firstPID, SIGKILL)
        let secondPID = try #require(try await gateway.waitForLog(after: "external plugin social-insurance 1.0.0 restarted (pid "))
        #expect(secondPID != firstPID)
        #expect(gateway.errorOutput.contains("external plugin social-insurance was killed by signal 9 (SIGKILL); restarting in"))

        let status = try await gateway.terminate()
        #expect(status == 0, "\(gateway.errorOutput)")
        // SIGTERM ended it, not the SIGKILL that follows the grace period.
        #expect(gateway.errorOutput.contains("external plugin social-insurance stopped (it was killed by signal 15 (SIGTERM))"))
        #expect(Glibc.kill(secondPID, 0) == -1 && errno == ESRCH, "the plugin outlived the gateway")
        #expect(!FileManager.default.fileExists(atPath: socket))
        #expect(!FileManager.default.fileExists(atPath: (socket as NSString).deletingLastPathComponent))
    }

    @Test func theExamplePluginExitsWhenTheGatewayIsKilled() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = try writeConfiguration(in: directory)
        let gateway = try RunningCommand.launch(["serve", "--config", configuration])
        defer { gateway.kill() }
        let pid = try #require(try await gateway.waitForLog(after: "external plugin social-insurance 1.0.0 started (pid "))
        #expect(try await gateway.waitForLog(containing: "serving: local API "), "\(gateway.errorOutput)")
        // SIGKILL leaves the gateway no chance to stop its plugin: the plugin sees its standard
        // input close and exits by itself, as the protocol asks.
        gateway.kill()
        var gone = false
        for _ in 0..<1200 where !gone {
            gone = Glibc.kill(pid, 0) == -1 && errno == ESRCH
            if !gone { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(gone, "the example plugin outlived a killed gateway")
        // Nobody removed the socket directory; the next start makes a fresh one.
        let socket = gateway.errorOutput.components(separatedBy: "socket ").dropFirst().first?.components(separatedBy: ")").first
        if let socket {
            try? FileManager.default.removeItem(atPath: (socket as NSString).deletingLastPathComponent)
        }
    }

    @Test func aPluginThatSpeaksAnotherVersionStopsTheStart() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plugin = directory.appendingPathComponent("plugin.py")
        try """
            #!/usr/bin/env python3
            import os, time
            print("LIENTHONG-PLUGIN 2 unix " + os.environ["LIENTHONG_PLUGIN_SOCKET"], flush=True)
            time.sleep(60)
            """.write(to: plugin, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin.path)
        let configuration = try writeConfiguration(in: directory, command: plugin.path)
        let result = try await CLI.run(["serve", "--config", configuration])
        #expect(result.status == 1)
        #expect(result.stderr.contains(
            "lienthong: cannot start: plugins.external.social-insurance: external plugin social-insurance: the plugin speaks protocol version 2; this gateway speaks version 1"))
    }
}
