#!/usr/bin/env python3
"""Example Lienthong external plugin: a provincial social-insurance lookup.

Protocol version 1 (docs/PLUGINS-PROTOCOL.md), Python standard library only:
- print one handshake line on standard output, "LIENTHONG-PLUGIN 1 unix PATH", once listening;
- serve HTTP/1.1 with JSON on that Unix socket: GET /descriptor and POST /handle;
- stop on SIGTERM or when standard input closes (the gateway is gone), removing the socket.

The participants come from data/participants.json (or the file named by SOCIAL_INSURANCE_DATA).
"""
import datetime
import json
import os
import signal
import socketserver
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler

PLUGIN_ID = "social-insurance"
VERSION = "1.0.0"
SERVICE = "socialinsurance.participant.lookup/v1"
HERE = os.path.dirname(os.path.abspath(__file__))
MAX_REQUEST_BYTES = 1 << 20


def log(message):
    """One line on standard error: the gateway copies it into its log with the plugin's id."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def load_descriptor():
    """The descriptor, with the schema $ids taken from schemas/index.json so the two cannot drift."""
    with open(os.path.join(HERE, "schemas", "index.json"), encoding="utf-8") as file:
        index = json.load(file)
    services = [
        {"service": row["service"], "requestSchema": row["request"]["$id"], "responseSchema": row["response"]["$id"]}
        for row in index["services"]
    ]
    return {
        "id": PLUGIN_ID,
        "version": VERSION,
        "summary": "Provincial social-insurance office (BHXH tỉnh): participant lookup",
        "services": services,
        "settingsSchema": {
            "type": "object",
            "properties": {
                "includeHistory": {
                    "type": "boolean",
                    "description": "Whether answers carry the contribution history (QuaTrinhThamGia); default true.",
                }
            },
            "additionalProperties": False,
        },
    }


def load_participants():
    path = os.environ.get("SOCIAL_INSURANCE_DATA") or os.path.join(HERE, "data", "participants.json")
    with open(path, encoding="utf-8") as file:
        records = json.load(file)["participants"]
    return {record["MaSoBHXH"]: record for record in records}


def months(period, today):
    """Months from TuThang to DenThang inclusive (an open period runs to this month)."""
    start_year, start_month = (int(part) for part in period["TuThang"].split("-"))
    if period["DenThang"] is None:
        end_year, end_month = today.year, today.month
    else:
        end_year, end_month = (int(part) for part in period["DenThang"].split("-"))
    return max(0, (end_year - start_year) * 12 + end_month - start_month + 1)


def lookup(participants, payload, settings):
    """The answer for one request: (HTTP status, body)."""
    record = participants.get(payload.get("MaSoBHXH"))
    wanted_id = payload.get("SoDinhDanh")
    if record is None or (wanted_id is not None and wanted_id != record["SoDinhDanh"]):
        # The same answer whether the number or the pair is unknown: nothing to probe with.
        return 404, {"error": {"type": "not-found", "detail": "no participant with that MaSoBHXH (and SoDinhDanh)"}}
    history = record.get("QuaTrinhThamGia", [])
    today = datetime.date.today()
    answer = {key: record[key] for key in ("MaSoBHXH", "SoDinhDanh", "HoVaTen", "NgaySinh", "GioiTinh", "TrangThai")}
    answer["TongSoThangDong"] = sum(months(period, today) for period in history)
    if "TheBHYT" in record:
        answer["TheBHYT"] = record["TheBHYT"]
    if settings.get("includeHistory", True):
        answer["QuaTrinhThamGia"] = history
    return 200, {"payload": answer}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the gateway pools connections
    server_version = "social-insurance/" + VERSION

    def do_GET(self):
        if self.path == "/descriptor":
            self.answer(200, self.server.descriptor)
        else:
            self.answer(404, {"error": {"type": "not-found", "detail": "no such path: " + self.path}})

    def do_POST(self):
        if self.path != "/handle":
            self.answer(404, {"error": {"type": "not-found", "detail": "no such path: " + self.path}})
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0 or length > MAX_REQUEST_BYTES:
            self.answer(400, {"error": {"type": "rejected", "detail": "the request needs a body of at most 1 MiB"}})
            return
        try:
            request = json.loads(self.rfile.read(length))
        except ValueError as error:
            self.answer(400, {"error": {"type": "rejected", "detail": "invalid JSON: %s" % error}})
            return
        if request.get("protocol") != 1 or request.get("service") != SERVICE:
            self.answer(400, {"error": {"type": "rejected", "detail": "expected protocol 1 and service " + SERVICE}})
            return
        status, body = lookup(self.server.participants, request.get("payload") or {}, request.get("settings") or {})
        log("message %s from %s: %s" % (request.get("messageId"), request.get("from"), "found" if status == 200 else "not found"))
        self.answer(status, body)

    def answer(self, status, body):
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        pass  # one line per request is logged in do_POST, without the personal data of the URL or body


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def main():
    path = os.environ.get("LIENTHONG_PLUGIN_SOCKET") or os.path.join(tempfile.mkdtemp(), "plugin.sock")
    if os.path.exists(path):
        os.unlink(path)
    server = Server(path, Handler)
    server.descriptor = load_descriptor()
    server.participants = load_participants()

    def stop(*_):
        # shutdown() waits for serve_forever(), so it must run on another thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def watch_stdin():
        # os.read, not sys.stdin: a daemon thread blocked inside a buffered reader holds its lock
        # and would stall the interpreter's exit.
        try:
            while os.read(0, 4096):
                pass
        except OSError:
            pass
        stop()

    threading.Thread(target=watch_stdin, daemon=True).start()
    print("LIENTHONG-PLUGIN 1 unix " + path, flush=True)
    log("serving %d participants on %s" % (len(server.participants), path))
    try:
        server.serve_forever(poll_interval=0.1)
    finally:
        server.server_close()
        if os.path.exists(path):
            os.unlink(path)
        log("stopped")


if __name__ == "__main__":
    main()
