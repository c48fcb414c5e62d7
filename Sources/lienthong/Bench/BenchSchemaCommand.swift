import ArgumentParser
import Foundation
import LienthongSchema

/// Validation and parsing speed of LienthongSchema, with baselines measured in the same run:
/// the Rust validator behind Python's `jsonschema-rs`, Python's `jsonschema`, and Foundation's
/// JSONSerialization for parsing. Same schemas (the bundled ones), same instances (each schema's
/// first example).
struct BenchSchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Compare JSON Schema validation and JSON parsing speed with baselines.")

    @Option(help: "Seconds to measure each figure.")
    var seconds: Double = 2

    @Option(help: "The Python baseline script (Benchmarks/schema/python_validators.py in the source tree).")
    var pythonScript: String?

    @Option(help: "Size in bytes of the generated JSON document for the parse benchmark.")
    var parseBytes = 16_000_000

    static let requestSchemas = [
        "https://schemas.lienthong.vn/population/citizen.lookup.request.v1.json",
        "https://schemas.lienthong.vn/document/edoc.send.request.v1.json",
    ]

    func run() throws {
        let catalog = try loadCatalog(directories: [], formatAssertion: false)
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        try writeBundledSchemas(to: workspace.appendingPathComponent("schemas"))
        let script = pythonScript ?? Self.defaultScript

        print("schema benchmark: validations/s of each schema's first example (is_valid, format as annotation), \(seconds) s per figure")
        print("")
        print(benchColumn("schema", 44) + benchColumn("ours", 11) + benchColumn("jsonschema-rs", 14)
            + benchColumn("jsonschema", 11) + benchColumn("ours/rs", 8) + "ours/py")
        for id in Self.requestSchemas {
            guard let entry = catalog.schema(id: id) else { throw CommandFailure("schema \(id) is not bundled") }
            let instance = try firstExample(of: id)
            guard entry.validator.isValid(instance) else { throw CommandFailure("the example of \(id) is not valid") }
            let ours = BenchRate.measure(seconds: seconds) { _ = entry.validator.isValid(instance) }
            let instanceFile = workspace.appendingPathComponent("instance.json")
            try Data(instance.serializedBytes()).write(to: instanceFile)
            let baselines = pythonBaselines(script: script, schemas: workspace.appendingPathComponent("schemas"), id: id, instance: instanceFile)
            let name = String(id.split(separator: "/").suffix(2).joined(separator: "/"))
            let rust = baselines["jsonschema-rs"]
            let python = baselines["jsonschema"]
            print(benchColumn(name, 44) + benchColumn(BenchRate.format(ours), 11)
                + benchColumn(rust.map(BenchRate.format) ?? "n/a", 14) + benchColumn(python.map(BenchRate.format) ?? "n/a", 11)
                + benchColumn(rust.map { String(format: "%.2f", ours / $0) } ?? "n/a", 8)
                + (python.map { String(format: "%.1f", ours / $0) } ?? "n/a"))
        }
        if let note = pythonNote { print(note) }
        print("")
        try benchmarkParsing()
    }

    private static var defaultScript: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/schema/python_validators.py").path
    }

    private func benchmarkParsing() throws {
        let document = try BenchCitizenCorpus.make(minimumBytes: parseBytes)
        let data = Data(document)
        let repetitions = 5
        let ours = try BenchTiming.measure(repetitions: repetitions) { _ = try JSONParser.parse(document) }
        let foundation = try BenchTiming.measure(repetitions: repetitions) { _ = try JSONSerialization.jsonObject(with: data) }
        let oursRate = BenchTiming.megabytesPerSecond(document.count, in: ours.best)
        let foundationRate = BenchTiming.megabytesPerSecond(document.count, in: foundation.best)
        print("parse: \(document.count) bytes of citizen-record JSON, best of \(repetitions)")
        print(benchColumn("ours (JSONParser)", 30) + String(format: "%.1f MB/s", oursRate))
        print(benchColumn("Foundation JSONSerialization", 30) + String(format: "%.1f MB/s", foundationRate))
        print(benchColumn("ratio ours/Foundation", 30) + String(format: "%.2f", oursRate / foundationRate))
    }

    private func firstExample(of id: String) throws -> JSONValue {
        let path = id.replacingOccurrences(of: "https://schemas.lienthong.vn/", with: "")
        guard let file = BundledSchemas.files.first(where: { $0.path == path }),
              let example = try JSONParser.parse(file.json)[key: "examples"]?[index: 0]
        else { throw CommandFailure("schema \(id) has no example") }
        return example
    }

    private func writeBundledSchemas(to directory: URL) throws {
        for file in BundledSchemas.files {
            let url = directory.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.json.utf8).write(to: url)
        }
    }

    private var pythonNote: String? {
        FileManager.default.fileExists(atPath: pythonScript ?? Self.defaultScript)
            ? nil : "Python baselines skipped: \(pythonScript ?? Self.defaultScript) not found (pass --python-script)."
    }

    /// validations/s by library name, from the Python script; empty when it cannot run.
    private func pythonBaselines(script: String, schemas: URL, id: String, instance: URL) -> [String: Double] {
        guard FileManager.default.fileExists(atPath: script) else { return [:] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, schemas.path, id, instance.path, String(seconds)]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return [:] }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let report = try? JSONParser.parse(Array(data)).asObject else { return [:] }
        var rates: [String: Double] = [:]
        for (library, result) in report {
            if let rate = result[key: "per_second"]?.asNumber?.doubleValue { rates[library] = rate }
            if let error = result[key: "error"]?.asString { print("  \(library): \(error)") }
        }
        return rates
    }
}
