import ArgumentParser
import Foundation
import LienthongSchema

/// `lienthong schema`: the bundled schemas, validation from the command line, and a Bowtie harness.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Work with JSON Schemas: list the bundled ones, validate instances, run a Bowtie harness.",
        subcommands: [SchemaListCommand.self, SchemaValidateCommand.self, SchemaBowtieCommand.self]
    )
}

struct SchemaListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the bundled schemas and the services they serve.")

    @Option(name: .customLong("schema-dir"), help: "Also load the schemas in this directory (repeatable).")
    var schemaDirectories: [String] = []

    func run() throws {
        let catalog = try loadCatalog(directories: schemaDirectories)
        print("Services:")
        for service in catalog.services.values.sorted(by: { $0.service < $1.service }) {
            print("  \(service.service)")
            print("    request:  \(service.request.id)")
            print("    response: \(service.response.id)")
        }
        print("Schemas:")
        for entry in catalog.entries {
            print("  \(entry.id)\(entry.title.map { "  (\($0))" } ?? "")")
        }
    }
}

struct SchemaValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON instances against a schema; exit 1 if any is invalid.",
        discussion: """
            SCHEMA is a schema file or the $id of a bundled schema. Schemas may $ref the bundled \
            schemas and those of --schema-dir. Each error names the instance location and the \
            keyword location as JSON Pointers.
            """)

    @Argument(help: "A schema file, or the $id of a bundled schema.")
    var schema: String

    @Argument(help: "JSON files to validate ('-' reads standard input).")
    var instances: [String]

    @Option(name: .customLong("schema-dir"), help: "Also load the schemas in this directory (repeatable).")
    var schemaDirectories: [String] = []

    @Flag(inversion: .prefixedNo, help: "Check 'format' values (dates, e-mail addresses, …) as assertions.")
    var formatAssertion = true

    @Flag(help: "Print the JSON Schema 'basic' output format, one JSON object per instance.")
    var json = false

    func validate() throws {
        if instances.isEmpty { throw ValidationError("give at least one instance file to validate") }
    }

    func run() throws {
        let catalog = try loadCatalog(directories: schemaDirectories, formatAssertion: formatAssertion)
        let validator = try schemaValidator(catalog: catalog)
        var allValid = true
        for path in instances {
            let document = try readJSON(path: path, what: "instance")
            let result = validator.validate(document)
            allValid = allValid && result.isValid
            if json {
                print(result.basicOutput().serialized())
                continue
            }
            print("\(path): \(result.isValid ? "valid" : "invalid")")
            for error in result.errors {
                print("  at \"\(error.instanceLocation)\" (schema \"\(error.keywordLocation)\"): \(error.message)")
            }
        }
        if !allValid { throw ExitCode(1) }
    }

    private func schemaValidator(catalog: SchemaCatalog) throws -> JSONSchemaValidator {
        if !FileManager.default.fileExists(atPath: schema), let entry = catalog.schema(id: schema) {
            return entry.validator
        }
        let document = try readJSON(path: schema, what: "schema")
        var options = JSONSchemaValidator.Options(formatAssertion: formatAssertion, registry: catalog.registry)
        options.baseURI = URL(fileURLWithPath: schema).standardizedFileURL.absoluteString
        do {
            return try JSONSchemaValidator(schema: document, options: options)
        } catch {
            throw CommandFailure("\(schema): \(error)")
        }
    }
}

/// Loads the bundled schemas plus `directories`, as a command-line failure when one is broken.
func loadCatalog(directories: [String], formatAssertion: Bool = true) throws -> SchemaCatalog {
    do {
        return try SchemaCatalog.load(
            directories: directories.map { URL(fileURLWithPath: $0) }, formatAssertion: formatAssertion)
    } catch {
        throw CommandFailure("cannot load schemas: \(error)")
    }
}

/// Reads and parses a JSON file ('-' is standard input), naming the file and position on failure.
func readJSON(path: String, what: String) throws -> JSONValue {
    let data: Data
    if path == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read \(what) file \(path)")
        }
        data = contents
    }
    do {
        return try JSONParser.parse(Array(data))
    } catch {
        throw CommandFailure("\(what) \(path) is not valid JSON: \(error)")
    }
}
