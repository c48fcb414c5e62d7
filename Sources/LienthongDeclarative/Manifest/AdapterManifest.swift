import LienthongCore
import LienthongJSON
import LienthongPluginAPI
import LienthongSchema
import NIOHTTP1

/// A declarative HTTP adapter as its manifest (YAML) declares it: the services it provides with
/// their schemas, the upstream system, and for each service how a request becomes an upstream
/// call and the upstream's answer becomes our JSON. Read by `ManifestParser`; run by
/// `DeclarativePlugin`. See `examples/adapters/` for a commented manifest.
public struct AdapterManifest: Sendable {
    /// The manifest's path, as given to the loader.
    public let file: String
    /// Where `id` is written, for messages about the adapter as a whole.
    public let idLine: Int?
    public let idColumn: Int?
    public let id: String
    public let version: String
    public let summary: String
    public let upstream: Upstream
    /// Secrets by name, read when the adapter is made (at start and on every reload).
    public let secrets: [String: SecretSource]
    public let services: [ServiceMapping]
    /// Every schema file the services name, once each.
    public let schemaFiles: [SchemaFileSet.File]

    /// The adapter's descriptor: the same contract as a Swift plugin's.
    public var descriptor: PluginDescriptor {
        PluginDescriptor(
            id: id, version: version, summary: summary,
            services: services.map {
                ServiceDescriptor(service: $0.service, requestSchema: $0.requestSchemaID, responseSchema: $0.responseSchemaID)
            },
            settingsSchema: DeclarativeSettings.schema)
    }

    /// The schemas to add to the gateway's catalog, with the services they serve (those whose
    /// schemas are given as files; the others are already in the catalog).
    public var schemaFileSet: SchemaFileSet {
        SchemaFileSet(
            name: file, files: schemaFiles,
            services: services.filter { !$0.schemasFromCatalog }.map {
                SchemaFileSet.Service(
                    service: $0.service.rawValue, requestSchema: $0.requestSchemaID, responseSchema: $0.responseSchemaID)
            })
    }

    /// Services whose schemas are named by `$id` but that `catalog` does not serve with exactly
    /// those schemas, as messages; empty when all fit.
    public func catalogMismatches(in catalog: SchemaCatalog) -> [String] {
        services.filter(\.schemasFromCatalog).compactMap { mapping in
            guard let known = catalog.schemas(forService: mapping.service.rawValue) else {
                return "\(file): \(mapping.service) names its schemas by $id, but the gateway has no schemas for \(mapping.service)"
            }
            guard known.request.id == mapping.requestSchemaID, known.response.id == mapping.responseSchemaID else {
                return "\(file): \(mapping.service) names \(mapping.requestSchemaID) and \(mapping.responseSchemaID), "
                    + "but the gateway serves it with \(known.request.id) and \(known.response.id)"
            }
            return nil
        }
    }

    /// The mapping of `service`, if the manifest declares it.
    public func mapping(for service: ServiceID) -> ServiceMapping? {
        services.first { $0.service == service }
    }
}

/// The upstream system: where it is and how long and how often to try.
public struct Upstream: Sendable, Hashable {
    /// `http(s)://host[:port][/prefix]` without a trailing slash; a service's `settings.baseURL` overrides it.
    public let baseURL: String
    /// How long one attempt may take.
    public let timeout: Duration
    /// Extra attempts for idempotent calls after a connection failure, a timeout or HTTP 502/503/504.
    public let retries: Int
    /// The pause before the first retry, doubled before each further one.
    public let retryDelay: Duration
    /// Headers sent with every call (a service may add or replace them).
    public let headers: [NamedTemplate]
}

/// Where a secret is read: an environment variable or a file. Never written in the manifest itself.
public enum SecretSource: Sendable, Hashable {
    case environment(String)
    case file(String)
}

/// A name with a text template: a header, a query parameter or a form field.
public struct NamedTemplate: Sendable, Hashable {
    public let name: String
    public let value: TextTemplate

    public init(name: String, value: TextTemplate) {
        self.name = name
        self.value = value
    }
}

/// One service: its schemas, the upstream call and the mapping of the answer.
public struct ServiceMapping: Sendable {
    public let service: ServiceID
    public let requestSchemaID: String
    public let responseSchemaID: String
    /// The schemas are named by `$id` and come from the catalog (bundled or `schemaDirectories`),
    /// e.g. a manifest that replaces a built-in adapter for a bundled service.
    public let schemasFromCatalog: Bool
    public let request: RequestMapping
    public let response: ResponseMapping
    public let errors: ErrorMapping
    /// The service's attempt timeout, if it overrides the upstream's.
    public let timeout: Duration?
    /// Extra attempts; zero unless the call is idempotent.
    public let retries: Int
}

/// How a request becomes an upstream call.
public struct RequestMapping: Sendable {
    public let method: HTTPMethod
    /// Appended to the base URL; each placeholder's value is one percent-encoded path segment.
    public let path: TextTemplate
    public let query: [NamedTemplate]
    public let headers: [NamedTemplate]
    public let body: RequestBody?
}

/// The upstream request's body.
public enum RequestBody: Sendable {
    /// JSON built from a value template (`application/json`).
    case json(ValueTemplate)
    /// XML text with XML-escaped values, e.g. a SOAP envelope, and its media type.
    case xml(TextTemplate, contentType: String)
    /// `application/x-www-form-urlencoded` fields.
    case form([NamedTemplate])
}

/// How the upstream's successful answer becomes our JSON.
public struct ResponseMapping: Sendable {
    public enum Format: String, Sendable, Hashable {
        case json, xml
    }

    public let format: Format
    /// Our answer, filled from the upstream's (`{/…}` for JSON answers, `{xml:…}` for XML ones).
    public let body: ValueTemplate
    /// A successful answer that nonetheless means "no such record" (e.g. `{"found": false}`).
    public let notFoundWhen: NotFoundCondition?
}

/// `notFoundWhen: {value: "{/found}", equals: false}`.
public struct NotFoundCondition: Sendable, Hashable {
    public let value: Placeholder
    public let equals: JSONValue
}

/// How upstream error statuses map to problems. Statuses not listed (and 5xx) are upstream
/// failures (502); 401 and 403 mean the gateway's own credentials are wrong, also 502.
public struct ErrorMapping: Sendable, Hashable {
    /// Statuses meaning "no such record" (404 to the caller).
    public let notFound: Set<Int>
    /// Statuses meaning "the request is invalid" (422 to the caller).
    public let rejected: Set<Int>
    /// The upstream's explanation, read from its error answer and passed to the caller for
    /// `notFound` and `rejected` (control characters removed, at most 200 characters).
    public let message: TextTemplate?

    public static let `default` = ErrorMapping(notFound: [404], rejected: [400, 422], message: nil)
}
