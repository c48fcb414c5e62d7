import Foundation

/// A small Python plugin for the failure cases, written to a temporary directory. Its behaviour is
/// chosen by `MODE` (and per request by the payload), so one script covers every misbehaviour:
///
/// - `MODE`: `echo` (default), `garbage-handshake`, `version-2`, `silent`, `exit-early`,
///   `garbage-json`, `big-answer`, `schema-break`, `bad-descriptor`, `ignore-term`, `grandchild`,
///   `fail-restarts` (restarts exit with status 5 while the file `KEEP_FAILING` exists).
/// - payload `{"crash": true}` exits at once with status 3; `{"hang": true}` sleeps forever. The
///   server is single-threaded, so a hung request hangs the whole plugin, as a stuck one would.
/// - every request writes `handling <messageId>` to standard error.
/// - `SOCKET_PATH`, when set, is where it listens instead of `LIENTHONG_PLUGIN_SOCKET`.
/// - `SERVICE` (or the contents of the file `SERVICE_FILE`, read at each start) is the service it provides.
enum TestPluginScript {
    static let source = #"""
    import json, os, signal, socketserver, subprocess, sys, time
    from http.server import BaseHTTPRequestHandler

    mode = os.environ.get("MODE", "echo")
    path = os.environ.get("SOCKET_PATH") or os.environ["LIENTHONG_PLUGIN_SOCKET"]
    if mode == "garbage-handshake":
        print("Starting the social insurance plugin...", flush=True)
        time.sleep(600)
    if mode == "version-2":
        print("LIENTHONG-PLUGIN 2 unix " + path, flush=True)
        time.sleep(600)
    if mode == "silent":
        time.sleep(600)
    if mode == "exit-early":
        sys.stderr.write("cannot open /var/lib/bhxh/participants.db\n")
        sys.stderr.flush()
        sys.exit(4)
    if mode == "fail-restarts":
        # The first start serves; a restart fails while the file KEEP_FAILING exists.
        started = os.environ["KEEP_FAILING"] + ".started"
        if os.path.exists(started) and os.path.exists(os.environ["KEEP_FAILING"]):
            sys.stderr.write("database locked\n")
            sys.stderr.flush()
            sys.exit(5)
        open(started, "w").close()
    if mode == "ignore-term":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if mode == "grandchild":
        child = subprocess.Popen(["sleep", "600"])
        with open(os.environ["CHILD_PID_FILE"], "w") as f:
            f.write(str(child.pid))

    service = os.environ.get("SERVICE", "test.echo.call/v1")
    if "SERVICE_FILE" in os.environ:
        with open(os.environ["SERVICE_FILE"]) as f:
            service = f.read().strip()
    descriptor = {
        "id": os.environ.get("PLUGIN_ID", "test-plugin"), "version": "0.1.0", "summary": "test plugin",
        "services": [{"service": service,
                      "requestSchema": os.environ.get("REQUEST_SCHEMA", "https://example.test/request.json"),
                      "responseSchema": os.environ.get("RESPONSE_SCHEMA", "https://example.test/response.json")}],
        "settingsSchema": {"type": "object", "properties": {"greeting": {"type": "string"}}, "additionalProperties": False},
    }
    if mode == "bad-descriptor":
        descriptor = {"id": "Not An Id", "services": [{"service": "nope"}]}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self):
            self.send(200, json.dumps(descriptor).encode())

        def do_POST(self):
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            sys.stderr.write("handling %s\n" % request["messageId"])
            sys.stderr.flush()
            payload = request["payload"]
            if payload.get("crash"):
                os._exit(3)
            if payload.get("hang"):
                time.sleep(3600)
            if payload.get("error"):
                self.send(404, json.dumps({"error": payload["error"]}).encode())
            elif mode == "garbage-json":
                self.send(200, b"this is not json {")
            elif mode == "big-answer":
                self.send(200, json.dumps({"payload": {"blob": "x" * 200000}}).encode())
            elif mode == "schema-break":
                self.send(200, json.dumps({"payload": {"SoDinhDanh": 12345, "unexpected": True}}).encode())
            else:
                answer = {"echo": payload, "settings": request["settings"], "pid": os.getpid(),
                          "timeoutMs": request["timeoutMs"], "from": request["from"], "to": request["to"],
                          "service": request["service"], "protocol": request["protocol"],
                          "variable": os.environ.get("TEST_VARIABLE"), "secret": os.environ.get("LIENTHONG_TLS_KEY_PASSPHRASE")}
                self.send(200, json.dumps({"payload": answer}).encode())

        def send(self, status, body):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):
            pass

    if os.path.exists(path):
        os.unlink(path)
    server = socketserver.UnixStreamServer(path, Handler)
    print("LIENTHONG-PLUGIN 1 unix " + path, flush=True)
    server.serve_forever()
    """#

    /// Writes the script into a fresh temporary directory and returns that directory.
    static func install() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-test-plugin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try source.write(to: directory.appendingPathComponent("plugin.py"), atomically: true, encoding: .utf8)
        return directory
    }
}
