import Foundation
import Testing

/// `lienthong plugin check PROGRAM` on the example plugin and on plugins that are wrong.
@Suite("lienthong plugin check")
struct PluginCheckCommandTests {
    static let example = CLI.packageRoot.appendingPathComponent("examples/plugins/social-insurance/plugin.py").path

    /// Writes an executable Python script named `plugin.py` into a fresh directory.
    func script(_ body: String) throws -> URL {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("plugin.py")
        try ("#!/usr/bin/env python3\n" + body).write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return directory
    }

    @Test("the example plugin passes every check, its schemas found beside it")
    func example() async throws {
        let result = try await CLI.run(["plugin", "check", "--timeout", "60", Self.example])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ok       handshake: LIENTHONG-PLUGIN 1 unix /"))
        #expect(result.stdout.contains("ok       descriptor: social-insurance 1.0.0"))
        #expect(result.stdout.contains("answered the example request within its response schema"))
        #expect(result.stdout.contains("ok       stopped on SIGTERM"))
        #expect(result.stdout.hasSuffix("plugin OK\n"))

        let withSettings = try await CLI.run(["plugin", "check", "--timeout", "60", Self.example, "--settings", #"{"includeHistory": false}"#])
        #expect(withSettings.status == 0)
        #expect(withSettings.stdout.contains(#"ok       settings {"includeHistory":false} match the settings schema"#))
        let wrongSettings = try await CLI.run(["plugin", "check", "--timeout", "60", Self.example, "--settings", #"{"includeHistroy": false}"#])
        #expect(wrongSettings.status == 1)
        #expect(wrongSettings.stdout.contains(#"problem  settings {"includeHistroy":false} do not match the settings schema:"#))
        #expect(try await CLI.run(["plugin", "check", "--timeout", "60", Self.example, "--settings", "{"]).stderr.contains("--settings is not JSON"))
    }

    @Test("a banner instead of the handshake is named, with what the plugin wrote to standard error")
    func badHandshake() async throws {
        let directory = try script("""
            import sys, time
            sys.stderr.write("listening soon\\n"); sys.stderr.flush()
            print("Social insurance plugin v1 starting", flush=True)
            time.sleep(60)
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await CLI.run(["plugin", "check", "--timeout", "60", directory.appendingPathComponent("plugin.py").path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("problem  the first line on standard output is not a handshake"))
        #expect(result.stdout.contains("\"Social insurance plugin v1 starting\""))
        #expect(result.stdout.contains("stderr: listening soon"))
        #expect(result.stderr.contains(": 1 problem (see above)"))
    }

    @Test("an answer outside the response schema and a plugin that ignores SIGTERM are problems")
    func badAnswerAndStop() async throws {
        // A population lookup plugin: the bundled request schema has examples, so the check calls it.
        let directory = try script(#"""
            import json, os, signal, socketserver
            from http.server import BaseHTTPRequestHandler
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            path = os.environ["LIENTHONG_PLUGIN_SOCKET"]
            base = "https://schemas.lienthong.vn/population/citizen.lookup."
            descriptor = {"id": "bad-population", "version": "1.0", "services": [{"service": "population.citizen.lookup/v1",
                          "requestSchema": base + "request.v1.json", "responseSchema": base + "response.v1.json"}]}
            class Handler(BaseHTTPRequestHandler):
                def do_GET(self): self.send(descriptor)
                def do_POST(self):
                    self.rfile.read(int(self.headers["Content-Length"]))
                    self.send({"payload": {"SoDinhDanh": 40085012345}})
                def send(self, body):
                    data = json.dumps(body).encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                def log_message(self, *args): pass
            server = socketserver.UnixStreamServer(path, Handler)
            print("LIENTHONG-PLUGIN 1 unix " + path, flush=True)
            server.serve_forever()
            """#)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await CLI.run(["plugin", "check", "--timeout", "60", directory.appendingPathComponent("plugin.py").path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("problem  version \"1.0\" is not MAJOR.MINOR.PATCH"))
        #expect(result.stdout.contains("ok       service population.citizen.lookup/v1: schemas"))
        #expect(result.stdout.contains(
            "problem  service population.citizen.lookup/v1: the answer to the example request breaks https://schemas.lienthong.vn/population/citizen.lookup.response.v1.json"))
        #expect(result.stdout.contains("problem  did not exit within 5 s of SIGTERM and was killed"))
        #expect(result.stderr.contains(": 3 problems (see above)"))
    }

    @Test("a file that is not executable, or missing, is refused before anything starts")
    func notExecutable() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("plugin.py")
        try "print('hi')\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try await CLI.run(["plugin", "check", "--timeout", "60", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("is not executable (chmod +x, and start it with a #! line)"))
        let missing = try await CLI.run(["plugin", "check", "--timeout", "60", directory.appendingPathComponent("none").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("none: no such file or directory"), "\(missing.stderr)")
        #expect(try await CLI.run(["plugin", "check", file.path, "--timeout", "0"]).status == 2)
    }
}
