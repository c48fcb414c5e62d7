"""Shared plumbing for the interoperability helpers run by PythonInteropTests.swift.

Each helper is called as `python3 <script> <input.json> <output.json>`: it reads one JSON object
and writes one JSON object. A missing module is reported with exit status 3 and the command that
installs it, so the Swift test fails with an actionable message instead of skipping.
"""
import base64
import importlib
import json
import sys

MISSING_MODULE_STATUS = 3


def require_modules():
    missing = []
    for name in ("cryptography", "joserfc"):
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        sys.stderr.write(
            "missing Python module(s): %s; run `pip install joserfc cryptography`\n" % ", ".join(missing)
        )
        sys.exit(MISSING_MODULE_STATUS)


def read_input():
    with open(sys.argv[1], "r", encoding="utf-8") as handle:
        return json.load(handle)


def write_output(value):
    with open(sys.argv[2], "w", encoding="utf-8") as handle:
        json.dump(value, handle)


def b64url_decode(text):
    """Unpadded base64url, as JOSE uses it."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64_decode(text):
    return base64.b64decode(text, validate=True)
