#!/usr/bin/env python3
"""Checks the JSON Schemas under schemas/ with the reference Python implementation.

Until the gateway's own validator lands, this is the proof that the bundled schemas are
right. It checks that:

- every schema is valid against the draft 2020-12 metaschema, has the agreed `$schema`, an
  `$id` that mirrors its path, a `title` and a `description`;
- every `$ref` resolves to a schema under schemas/ (nothing is fetched from the network);
- every `pattern` uses only syntax that means the same in ECMA-262, Python and ICU (no
  `\\d`, `\\w`, `\\s`, `\\b`, `\\p{..}`, lookbehind or inline flags);
- every object schema says what happens to unknown properties;
- every `examples` entry, at any depth, validates against the schema it sits in, with format
  assertion on, and each service schema (each shared definition) has at least two examples;
- every known-bad instance in schemas/testdata/ fails, and fails only for the stated reason:
  each of its errors has a keyword location containing `expectedKeywordLocationContains`;
- schemas/index.json lists every schema exactly once, with matching `$id`s and file names;
- the generated Swift bundle is up to date.

Usage: python3 scripts/check-schemas.py        (exit status 0 when everything passes)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
TESTDATA = SCHEMAS / "testdata"
INDEX = SCHEMAS / "index.json"
BASE_URI = "https://schemas.lienthong.vn/"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
FORMAT_CHECKER = Draft202012Validator.FORMAT_CHECKER

# Keywords whose value is one subschema, a map of subschemas, or a list of subschemas.
SINGLE_SCHEMA_KEYWORDS = (
    "additionalProperties", "unevaluatedProperties", "items", "contains", "propertyNames",
    "if", "then", "else", "not", "unevaluatedItems", "contentSchema",
)
MAP_SCHEMA_KEYWORDS = ("properties", "patternProperties", "$defs", "dependentSchemas")
LIST_SCHEMA_KEYWORDS = ("allOf", "anyOf", "oneOf", "prefixItems")

# Regex syntax whose meaning differs between ECMA-262 (what JSON Schema specifies), Python's
# `re` (what this script runs) and ICU: `\d` matches non-ASCII digits in Python, for example.
NON_PORTABLE_REGEX = re.compile(r"\\[dDwWsSbBpP]|\(\?<[=!]|\(\?[a-zA-Z]|\(\?P")

OPEN_BASE_MARKER = "Open base"


class Failures:
    """Collects every problem so one run reports all of them."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.messages.append(f"{where}: {message}")


def relative(path: Path) -> str:
    return path.relative_to(SCHEMAS).as_posix()


def reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def load_json(path: Path) -> Any:
    """Parses strictly: UTF-8 without BOM, no duplicate keys, no NaN, no carriage returns."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ValueError("starts with a byte order mark")
    if b"\r" in raw:
        raise ValueError("contains a carriage return; use LF line endings")
    text = raw.decode("utf-8")
    return json.loads(text, object_pairs_hook=reject_duplicate_keys, parse_constant=reject_constant)


def pointer_token(key: str | int) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


def subschemas(schema: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """Yields (JSON pointer, subschema) for the schema and every schema nested in it."""
    yield pointer, schema
    if not isinstance(schema, dict):
        return
    for keyword in SINGLE_SCHEMA_KEYWORDS:
        if keyword in schema:
            yield from subschemas(schema[keyword], f"{pointer}/{keyword}")
    for keyword in MAP_SCHEMA_KEYWORDS:
        for name, child in schema.get(keyword, {}).items():
            yield from subschemas(child, f"{pointer}/{keyword}/{pointer_token(name)}")
    for keyword in LIST_SCHEMA_KEYWORDS:
        for index, child in enumerate(schema.get(keyword, [])):
            yield from subschemas(child, f"{pointer}/{keyword}/{index}")


def load_schemas(failures: Failures) -> dict[str, tuple[Path, dict[str, Any]]]:
    """Every schema file by `$id`; testdata and the index are not schemas."""
    schemas: dict[str, tuple[Path, dict[str, Any]]] = {}
    for path in sorted(SCHEMAS.rglob("*.json")):
        if TESTDATA in path.parents or path == INDEX:
            continue
        try:
            schema = load_json(path)
        except ValueError as error:
            failures.add(relative(path), f"not strict JSON: {error}")
            continue
        if not isinstance(schema, dict):
            failures.add(relative(path), "a schema file must hold an object")
            continue
        expected_id = BASE_URI + relative(path)
        if schema.get("$id") != expected_id:
            failures.add(relative(path), f"$id must be {expected_id}, found {schema.get('$id')!r}")
            continue
        schemas[expected_id] = (path, schema)
    return schemas


def check_schema_document(path: Path, schema: dict[str, Any], failures: Failures) -> None:
    where = relative(path)
    if schema.get("$schema") != DIALECT:
        failures.add(where, f"$schema must be {DIALECT}")
    for keyword in ("title", "description"):
        if not isinstance(schema.get(keyword), str) or not schema[keyword].strip():
            failures.add(where, f"needs a non-empty {keyword}")
    errors = sorted(Draft202012Validator(Draft202012Validator.META_SCHEMA, format_checker=FORMAT_CHECKER)
                    .iter_errors(schema), key=lambda e: list(e.absolute_path))
    for error in errors:
        failures.add(where, f"not valid against the metaschema at /{'/'.join(map(str, error.absolute_path))}: {error.message}")
    for pointer, subschema in subschemas(schema):
        if not isinstance(subschema, dict):
            continue
        patterns = ([subschema["pattern"]] if isinstance(subschema.get("pattern"), str) else []) + \
            list(subschema.get("patternProperties", {}))
        for pattern in patterns:
            if NON_PORTABLE_REGEX.search(pattern):
                failures.add(f"{where}#{pointer}", f"pattern {pattern!r} uses syntax that differs between ECMA-262 and Python/ICU")
        if subschema.get("type") == "object" and "additionalProperties" not in subschema \
                and "unevaluatedProperties" not in subschema \
                and not str(subschema.get("$comment", "")).startswith(OPEN_BASE_MARKER):
            failures.add(f"{where}#{pointer}", "object schema must set additionalProperties or unevaluatedProperties "
                         f"(or be marked with a $comment starting '{OPEN_BASE_MARKER}')")


def build_registry(schemas: dict[str, tuple[Path, dict[str, Any]]]) -> Registry:
    resources = [(schema_id, Resource.from_contents(schema, default_specification=DRAFT202012))
                 for schema_id, (_, schema) in schemas.items()]
    return Registry().with_resources(resources)


def check_references(schemas: dict[str, tuple[Path, dict[str, Any]]], registry: Registry, failures: Failures) -> bool:
    """Every `$ref` resolves within schemas/; returns False when one does not."""
    resolvable = True
    for schema_id, (path, schema) in schemas.items():
        resolver = registry.resolver(base_uri=schema_id)
        for pointer, subschema in subschemas(schema):
            if isinstance(subschema, dict) and isinstance(subschema.get("$ref"), str):
                try:
                    resolver.lookup(subschema["$ref"])
                except Unresolvable as error:
                    failures.add(f"{relative(path)}#{pointer}", f"$ref {subschema['$ref']!r} does not resolve: {type(error).__name__}")
                    resolvable = False
    return resolvable


def validator_for(uri: str, registry: Registry) -> Draft202012Validator:
    return Draft202012Validator({"$schema": DIALECT, "$ref": uri}, registry=registry, format_checker=FORMAT_CHECKER)


def check_examples(schemas: dict[str, tuple[Path, dict[str, Any]]], registry: Registry, failures: Failures) -> int:
    """Validates every example against its own subschema; returns how many were checked."""
    checked = 0
    for schema_id, (path, schema) in schemas.items():
        where = relative(path)
        is_common = where.startswith("common/")
        if not is_common and len(schema.get("examples", [])) < 2:
            failures.add(where, "needs at least 2 examples at the root")
        if is_common:
            for name, definition in schema.get("$defs", {}).items():
                if len(definition.get("examples", [])) < 2:
                    failures.add(f"{where}#/$defs/{name}", "a shared definition needs at least 2 examples")
        for pointer, subschema in subschemas(schema):
            if not isinstance(subschema, dict) or "examples" not in subschema:
                continue
            validator = validator_for(f"{schema_id}#{pointer}", registry)
            for index, example in enumerate(subschema["examples"]):
                checked += 1
                for error in validator.iter_errors(example):
                    failures.add(f"{where}#{pointer}/examples/{index}",
                                 f"example is invalid at {error.json_path}: {error.message}")
    return checked


def keyword_location(schema_id: str, schema_path: list[str | int], registry: Registry) -> str:
    """The standard keyword location (with `$ref` steps) of an error.

    The Python library drops `$ref` from `schema_path`, so the walk puts it back: when the
    next step is not a member of the current schema but the schema has a `$ref`, the error
    came from the referenced schema. When a schema and the one it references both have the
    keyword, the nearer one is named; the expectations in testdata/ avoid that ambiguity.
    """
    resolver = registry.resolver(base_uri=schema_id)
    node: Any = registry.contents(schema_id)
    location: list[str] = []
    for step in schema_path:
        while isinstance(node, dict) and step not in node and "$ref" in node:
            resolved = resolver.lookup(node["$ref"])
            resolver, node = resolved.resolver, resolved.contents
            location.append("$ref")
        if isinstance(node, dict) and step in node or isinstance(node, list) and isinstance(step, int):
            node = node[step]
            location.append(pointer_token(step))
        else:
            raise LookupError(f"cannot follow {step!r} at /{'/'.join(location)}")
    return "/" + "/".join(location)


def load_index(failures: Failures) -> dict[str, Any] | None:
    try:
        index = load_json(INDEX)
    except (OSError, ValueError) as error:
        failures.add("index.json", f"cannot be read: {error}")
        return None
    if not isinstance(index, dict) or set(index) != {"description", "envelope", "common", "services"}:
        failures.add("index.json", "must be an object with exactly description, envelope, common and services")
        return None
    return index


def check_index(index: dict[str, Any], schemas: dict[str, tuple[Path, dict[str, Any]]],
                registry: Registry, failures: Failures) -> None:
    listed: list[str] = []

    def check_entry(where: str, entry: Any) -> None:
        if not isinstance(entry, dict) or set(entry) != {"$id", "path"}:
            failures.add(where, "an entry must have exactly $id and path")
            return
        if entry["$id"] != BASE_URI + entry["path"]:
            failures.add(where, f"$id {entry['$id']} does not mirror path {entry['path']}")
        if entry["$id"] not in schemas:
            failures.add(where, f"{entry['path']} is not a schema file with that $id")
        listed.append(entry["path"])

    check_entry("index.json#/envelope", index["envelope"])
    for position, entry in enumerate(index["common"]):
        check_entry(f"index.json#/common/{position}", entry)
    service_pattern = validator_for(BASE_URI + "common/identifiers.v1.json#/$defs/serviceId", registry)
    seen_services: set[str] = set()
    for position, service in enumerate(index["services"]):
        where = f"index.json#/services/{position}"
        if not isinstance(service, dict) or set(service) != {"service", "request", "response"}:
            failures.add(where, "a service must have exactly service, request and response")
            continue
        service_id = service["service"]
        if not service_pattern.is_valid(service_id):
            failures.add(where, f"{service_id!r} is not a valid service id")
            continue
        if service_id in seen_services:
            failures.add(where, f"{service_id} is listed twice")
        seen_services.add(service_id)
        name, version = service_id.split("/")
        system, rest = name.split(".", 1)
        for kind in ("request", "response"):
            check_entry(f"{where}/{kind}", service[kind])
            expected_path = f"{system}/{rest}.{kind}.{version}.json"
            if isinstance(service[kind], dict) and service[kind].get("path") != expected_path:
                failures.add(f"{where}/{kind}", f"path must be {expected_path} by convention")
    files = sorted(relative(path) for path, _ in schemas.values())
    for path in sorted(set(files) - set(listed)):
        failures.add("index.json", f"does not list {path}")
    for path in sorted({p for p in listed if listed.count(p) > 1}):
        failures.add("index.json", f"lists {path} more than once")
    common_files = sorted(p for p in files if p.startswith("common/"))
    common_listed = sorted(entry.get("path", "") for entry in index["common"] if isinstance(entry, dict))
    if common_files != common_listed:
        failures.add("index.json#/common", f"must list exactly the files under common/: {common_files}")


def testdata_directory(service_id: str) -> str:
    """`population.citizen.lookup/v1` keeps its known-bad instances in `population.citizen.lookup.v1/`."""
    return service_id.replace("/", ".")


def check_invalid_instances(index: dict[str, Any], registry: Registry, failures: Failures) -> int:
    """Every known-bad instance fails, and only for its stated reason; returns how many."""
    listing_path = TESTDATA / "invalid.json"
    try:
        listing = load_json(listing_path)
    except (OSError, ValueError) as error:
        failures.add("testdata/invalid.json", f"cannot be read: {error}")
        return 0
    # Which schemas each testdata directory may use: its service's request and response.
    allowed: dict[str, set[str]] = {"envelope": {index["envelope"]["$id"]}}
    for service in index["services"]:
        allowed[testdata_directory(service["service"])] = {service["request"]["$id"], service["response"]["$id"]}
    on_disk = {path.relative_to(TESTDATA).as_posix() for path in TESTDATA.rglob("invalid-*.json")}
    listed: set[str] = set()
    per_directory = {directory: 0 for directory in allowed}
    checked = 0
    for position, entry in enumerate(listing if isinstance(listing, list) else []):
        where = f"testdata/invalid.json#/{position}"
        fields = {"file", "schema", "why", "expectedKeywordLocationContains"}
        if not isinstance(entry, dict) or set(entry) != fields or not all(isinstance(entry[f], str) and entry[f] for f in fields):
            failures.add(where, f"an entry must have exactly the non-empty strings {sorted(fields)}")
            continue
        file, schema_id, expected = entry["file"], entry["schema"], entry["expectedKeywordLocationContains"]
        if not re.search(r"[A-Za-z]", expected):
            # "/" is in every location: such an expectation could never fail.
            failures.add(where, f"expectedKeywordLocationContains {expected!r} must name a keyword or property")
        if file in listed:
            failures.add(where, f"{file} is listed twice")
        listed.add(file)
        directory = file.split("/", 1)[0]
        if schema_id not in allowed.get(directory, set()):
            failures.add(where, f"{file} is in {directory}/ but names schema {schema_id}")
            continue
        per_directory[directory] += 1
        try:
            instance = load_json(TESTDATA / file)
        except (OSError, ValueError) as error:
            failures.add(where, f"{file} cannot be read: {error}")
            continue
        checked += 1
        errors = list(validator_for(schema_id, registry).iter_errors(instance))
        if not errors:
            failures.add(where, f"{file} is valid but should fail ({entry['why']})")
        for error in errors:
            # The wrapper schema is {"$ref": schema_id}: drop nothing, the walk starts at schema_id.
            location = keyword_location(schema_id, list(error.schema_path), registry)
            if expected not in location:
                failures.add(where, f"{file} fails at {location} ({error.message}), "
                             f"which does not contain {expected!r}")
    if not isinstance(listing, list):
        failures.add("testdata/invalid.json", "must be a list")
    for file in sorted(on_disk - listed):
        failures.add("testdata/invalid.json", f"does not list {file}")
    for file in sorted(listed - on_disk):
        failures.add("testdata/invalid.json", f"lists {file}, which does not exist or is not named invalid-*.json")
    for directory, count in sorted(per_directory.items()):
        if count < 3:
            failures.add(f"testdata/{directory}", f"has {count} known-bad instances; at least 3 are expected")
    return checked


def check_format_assertion(failures: Failures) -> None:
    """Guards against a silently missing format checker (date-time needs rfc3339-validator)."""
    for format_name, bad in (("date", "2024-02-30"), ("date-time", "2026-11-21T10:00:00"), ("uuid", "not-a-uuid")):
        if FORMAT_CHECKER.conforms(bad, format_name):
            failures.add("environment", f"format {format_name!r} is not asserted; install its checker")


def check_bundle(failures: Failures) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bundle-schemas.py"), "--check"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        failures.add("Sources/LienthongSchema/Bundled/BundledSchemas.swift", (result.stderr or result.stdout).strip())


def main() -> int:
    failures = Failures()
    check_format_assertion(failures)
    schemas = load_schemas(failures)
    for path, schema in schemas.values():
        check_schema_document(path, schema, failures)
    registry = build_registry(schemas)
    examples = invalid = 0
    # Validation follows references, so it is only meaningful once they all resolve.
    references_resolve = check_references(schemas, registry, failures)
    if references_resolve:
        examples = check_examples(schemas, registry, failures)
    index = load_index(failures)
    if index is not None and references_resolve:
        check_index(index, schemas, registry, failures)
        invalid = check_invalid_instances(index, registry, failures)
    check_bundle(failures)
    if failures.messages:
        for message in failures.messages:
            print(f"FAIL {message}", file=sys.stderr)
        print(f"{len(failures.messages)} problem(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(schemas)} schemas, {examples} examples valid, {invalid} known-bad instances fail as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
