/// Parses, registers and compiles the schemas of several sources into a `SchemaCatalog`.
///
/// All documents are registered before any is compiled, so schemas may `$ref` each other across
/// files and sources in any order.
struct SchemaCatalogBuilder {
    let formatAssertion: Bool

    private struct Document {
        let origin: String
        let id: String
        let json: JSONValue
    }

    func build(_ sources: [SchemaSource]) throws(SchemaCatalogError) -> SchemaCatalog {
        var documents: [Document] = []
        var indexes: [(origin: String, json: JSONValue)] = []
        var idOrigins: [String: String] = [:]
        for source in sources {
            for file in source.files {
                let json: JSONValue
                do { json = try JSONParser.parse(file.bytes) } catch {
                    throw SchemaCatalogError(origin: file.origin, reason: "is not valid JSON: \(error)")
                }
                if file.relativePath == "index.json" {
                    indexes.append((file.origin, json))
                    continue
                }
                guard let id = json[key: "$id"]?.asString, let uri = URIReference(id), uri.isAbsolute else {
                    throw SchemaCatalogError(origin: file.origin, reason: "has no absolute \"$id\"; every schema needs one")
                }
                if let earlier = idOrigins[id] {
                    throw SchemaCatalogError(origin: file.origin, reason: "redefines \"$id\" \(id), already defined by \(earlier)")
                }
                idOrigins[id] = file.origin
                documents.append(Document(origin: file.origin, id: id, json: json))
            }
        }

        var registry = SchemaRegistrySource()
        for document in documents { registry.register(document.json, at: document.id) }
        let options = JSONSchemaValidator.Options(formatAssertion: formatAssertion, registry: registry)

        var entries: [String: SchemaCatalog.Entry] = [:]
        for document in documents {
            var documentOptions = options
            documentOptions.baseURI = document.id
            do {
                let validator = try JSONSchemaValidator(schema: document.json, options: documentOptions)
                entries[document.id] = SchemaCatalog.Entry(
                    id: document.id, origin: document.origin, title: document.json[key: "title"]?.asString,
                    validator: validator)
            } catch {
                throw SchemaCatalogError(origin: document.origin, reason: error.description)
            }
        }

        var services: [String: SchemaCatalog.ServiceSchemas] = [:]
        for index in indexes {
            for (service, request, response) in try serviceRows(of: index.json, origin: index.origin) {
                guard let requestEntry = entries[request] else {
                    throw SchemaCatalogError(origin: index.origin, reason: "service \(service) names request schema \(request), which is not loaded")
                }
                guard let responseEntry = entries[response] else {
                    throw SchemaCatalogError(origin: index.origin, reason: "service \(service) names response schema \(response), which is not loaded")
                }
                if services[service] != nil {
                    throw SchemaCatalogError(origin: index.origin, reason: "service \(service) is already defined by another index")
                }
                services[service] = SchemaCatalog.ServiceSchemas(service: service, request: requestEntry, response: responseEntry)
            }
        }
        return SchemaCatalog(entries: Array(entries.values), services: services, registry: registry)
    }

    /// The `services` rows of an index: `{"service": ID, "request": {"$id": …}, "response": {"$id": …}}`.
    private func serviceRows(of index: JSONValue, origin: String) throws(SchemaCatalogError) -> [(String, String, String)] {
        guard let rows = index[key: "services"]?.asArray else {
            throw SchemaCatalogError(origin: origin, reason: "must hold a \"services\" array")
        }
        var result: [(String, String, String)] = []
        for (position, row) in rows.enumerated() {
            guard let service = row[key: "service"]?.asString,
                  let request = row[key: "request"]?[key: "$id"]?.asString,
                  let response = row[key: "response"]?[key: "$id"]?.asString
            else {
                throw SchemaCatalogError(
                    origin: origin,
                    reason: "/services/\(position) must have \"service\", \"request\": {\"$id\"} and \"response\": {\"$id\"}")
            }
            result.append((service, request, response))
        }
        return result
    }
}
