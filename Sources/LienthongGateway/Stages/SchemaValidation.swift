import LienthongCore
import LienthongSchema

/// Checks payloads against the service's schemas from the catalog: a request outside its schema
/// is the caller's fault (422), a response outside its schema is the provider's (502).
public struct SchemaValidation: Sendable {
    public let catalog: SchemaCatalog

    public init(catalog: SchemaCatalog) { self.catalog = catalog }

    public func validateRequest(_ payload: JSONValue, for service: ServiceID) throws(Problem) {
        let schemas = try schemas(for: service)
        let result = schemas.request.validator.validate(payload)
        guard result.isValid else {
            throw .schemaViolation(
                "the request does not conform to \(schemas.request.id) (\(result.errors.count) errors)", errors: result.errors)
        }
    }

    public func validateResponse(_ payload: JSONValue, for service: ServiceID) throws(Problem) {
        let schemas = try schemas(for: service)
        let result = schemas.response.validator.validate(payload)
        guard result.isValid else {
            throw .invalidResponse(
                "the response does not conform to \(schemas.response.id) (\(result.errors.count) errors)",
                errors: result.errors)
        }
    }

    private func schemas(for service: ServiceID) throws(Problem) -> SchemaCatalog.ServiceSchemas {
        guard let schemas = catalog.schemas(forService: service.rawValue) else {
            throw .unknownService("no schemas for \(service)")
        }
        return schemas
    }
}
