#!/usr/bin/env python3
"""Validations per second of Python's `jsonschema` and the Rust validator behind `jsonschema-rs`,
for the baseline columns of `lienthong bench schema`.

Usage: python_validators.py SCHEMA_DIR SCHEMA_ID INSTANCE_FILE SECONDS
Prints one JSON object: {"jsonschema-rs": {...}, "jsonschema": {...}} with validations/s, or
{"error": ...} per library when it is missing. Every schema under SCHEMA_DIR is registered by its
$id, so relative $refs resolve offline exactly as in the gateway.
"""
import importlib.metadata
import json
import pathlib
import sys
import time


def load_schemas(directory):
    schemas = {}
    for path in sorted(pathlib.Path(directory).rglob("*.json")):
        if "testdata" in path.parts or path.name == "index.json":
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(document, dict) and "$id" in document:
            schemas[document["$id"]] = document
    return schemas


def version(distribution):
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""


def measure(is_valid, instance, seconds):
    """Runs is_valid in batches until `seconds` have passed; returns (validations/s, result)."""
    result = is_valid(instance)
    count, batch = 0, 64
    start = time.perf_counter()
    while True:
        for _ in range(batch):
            is_valid(instance)
        count += batch
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count / elapsed, result
        batch = min(batch * 2, 65536)


def main():
    directory, schema_id, instance_path, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    schemas = load_schemas(directory)
    schema = schemas[schema_id]
    instance = json.loads(pathlib.Path(instance_path).read_text(encoding="utf-8"))
    report = {}
    try:
        import jsonschema_rs

        registry = jsonschema_rs.Registry([(uri, document) for uri, document in schemas.items()])
        validator = jsonschema_rs.validator_for(schema, registry=registry, validate_formats=False)
        rate, valid = measure(validator.is_valid, instance, seconds)
        report["jsonschema-rs"] = {"per_second": rate, "valid": valid, "version": version("jsonschema-rs")}
    except ImportError:
        report["jsonschema-rs"] = {"error": "not installed (pip install jsonschema-rs)"}
    try:
        import jsonschema
        from referencing import Registry, Resource

        registry = Registry().with_resources(
            (uri, Resource.from_contents(document)) for uri, document in schemas.items()
        )
        validator = jsonschema.Draft202012Validator(schema, registry=registry)
        rate, valid = measure(validator.is_valid, instance, seconds)
        report["jsonschema"] = {"per_second": rate, "valid": valid, "version": version("jsonschema")}
    except ImportError:
        report["jsonschema"] = {"error": "not installed (pip install jsonschema)"}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
