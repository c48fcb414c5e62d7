import LienthongCore
import LienthongSchema

/// Checks payloads against the service's schemas from the catalog: a request outside its schema
/// is the caller's fault (422), a response outside its schema is the provider's (502). The catalog
/// is the plugin table's current one (it changes when manifests are reloaded), or the generation
/// a message took when it started.
public struct SchemaValidation: Sendable {
    public let table: PluginTable

    /// Validation against a fixed catalog.
    public init(catalog: SchemaCatalog) { self.table = PluginTable(plugins: [:], catalog: catalog) }

    /// Validation against the table's current catalog.
    public init(table: PluginTable) { self.table = table }

    /// The catalog new messages are validated against.
    public var catalog: SchemaCatalog { table.current.catalog }

    public func validateRequest(_ payload: JSONValue, for service: ServiceID, in generation: PluginTable.Generation? = nil) throws(Problem) {
        let schemas = try schemas(for: service, in: (generation ?? table.current).catalog)
        let result = schemas.request.validator.validate(payload)
        guard result.isValid else {
            throw .schemaViolation(
                "the request does not conform to \(schemas.request.id) (\(result.errors.count) errors)", errors: result.errors)
        }
    }

    public func validateResponse(_ payload: JSONValue, for service: ServiceID, in generation: PluginTable.Generation? = nil) throws(Problem) {
        let schemas = try schemas(for: service, in: (generation ?? table.current).catalog)
        let result = schemas.response.validator.validate(payload)
        guard result.isValid else {
            throw .invalidResponse(
                "the response does not conform to \(schemas.response.id) (\(result.errors.count) errors)",
                errors: result.errors)
        }
    }

    private func schemas(for service: ServiceID, in catalog: SchemaCatalog) throws(Problem) -> SchemaCatalog.ServiceSchemas {
        guard let schemas = catalog.schemas(forService: service.rawValue) else {
            throw .unknownService("no schemas for \(service)")
        }
        return schemas
    }
}
