import AsyncHTTPClient
import Foundation
import LienthongCore
import LienthongMocks
import LienthongPluginAPI
import LienthongSchema
import Logging
import NIOCore
import NIOHTTP1
import Testing

/// The data every test shares: generated once, the same for every run.
enum TestData {
    static let seed: UInt64 = 42
    static let shared = MockDataSet(seed: seed)
}

/// A mock server running on a free loopback port for the duration of a test.
struct RunningMock: Sendable {
    let server: MockServer
    let port: Int
    var baseURL: String { "\(server.tls == nil ? "http" : "https")://127.0.0.1:\(port)" }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String { "the mock server stopped before listening" }
    }

    /// Runs `body` with `system` served on a free port, and stops the server afterwards.
    static func with<T: Sendable>(
        _ system: any MockSystem, faults: MockFaults = .none, seed: UInt64 = 7, tls: MockTLS? = nil,
        _ body: (RunningMock) async throws -> T
    ) async throws -> T {
        let server = MockServer(system: system, port: 0, faults: faults, seed: seed, tls: tls, logger: Logger(label: "test.mock", factory: { _ in SwiftLogNoOpLogHandler() }))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            defer { continuation.finish() }
            try await server.run { port in continuation.yield(port) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = try? await task.value
            throw StartFailure()
        }
        // Stop and wait for the server whether or not the test body throws.
        let result: Result<T, any Error>
        do {
            result = .success(try await body(RunningMock(server: server, port: port)))
        } catch {
            result = .failure(error)
        }
        task.cancel()
        _ = try? await task.value
        return try result.get()
    }
}

/// Runs `body` with an HTTP client that is shut down afterwards, as the gateway lends plugins one.
///
/// `connectTimeout` matters for tests of a refused connection: the client retries those until its
/// connect timeout (10 s by default), which would race a request deadline of similar length on a
/// loaded machine. Gateways set theirs short for the same reason.
func withHTTPClient<T: Sendable>(
    connectTimeout: TimeAmount? = nil, _ body: (HTTPClient) async throws -> T
) async throws -> T {
    var configuration = HTTPClient.Configuration()
    if let connectTimeout { configuration.timeout.connect = connectTimeout }
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    do {
        let result = try await body(client)
        try await client.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        throw error
    }
}

/// A plain HTTP exchange for tests that talk to a mock directly.
func exchange(
    _ client: HTTPClient, _ method: HTTPMethod, _ url: String, json: JSONValue? = nil, headers: [(String, String)] = [],
    body rawBody: [UInt8]? = nil
) async throws -> (status: Int, body: JSONValue?) {
    var request = HTTPClientRequest(url: url)
    request.method = method
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let bytes = rawBody ?? json?.serializedBytes() {
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: bytes))
    }
    let response = try await client.execute(request, timeout: .seconds(30))
    let buffer = try await response.body.collect(upTo: 1 << 22)
    let bytes = Array(buffer.readableBytesView)
    return (Int(response.status.code), try? JSONParser.parse(bytes))
}

/// A request from Nghệ An to the ministry's gateway, as the gateway would hand it to a plugin.
func pluginRequest(_ service: String, _ payload: JSONValue, timeout: Duration = .seconds(10)) throws -> PluginRequest {
    PluginRequest(
        service: try ServiceID(parsing: service), messageID: MessageID(),
        from: try AgencyCode(parsing: "000.00.00.H41"), to: try AgencyCode(parsing: "000.00.00.G01"),
        payload: payload, timeout: timeout)
}

/// The environment the gateway would lend a plugin.
func pluginEnvironment(_ client: HTTPClient) -> PluginEnvironment {
    PluginEnvironment(httpClient: client, logger: Logger(label: "test.plugin", factory: { _ in SwiftLogNoOpLogHandler() }))
}

/// The bundled schemas, compiled once.
enum Schemas {
    static let catalog: Result<SchemaCatalog, SchemaCatalogError> = Result { () throws(SchemaCatalogError) in try SchemaCatalog.load() }

    /// The validation errors of `payload` against the response schema of `service` (empty when valid).
    static func responseErrors(_ payload: JSONValue, service: String) throws -> [String] {
        let catalog = try catalog.get()
        guard let schemas = catalog.schemas(forService: service) else { return ["no schemas for \(service)"] }
        return schemas.response.validator.validate(payload).errors.map(\.description)
    }

    static func requestErrors(_ payload: JSONValue, service: String) throws -> [String] {
        let catalog = try catalog.get()
        guard let schemas = catalog.schemas(forService: service) else { return ["no schemas for \(service)"] }
        return schemas.request.validator.validate(payload).errors.map(\.description)
    }
}

/// Sets faults through the mock's control API, as an operator or test script would.
func setFaults(_ client: HTTPClient, _ mock: RunningMock, _ faults: JSONValue) async throws -> Int {
    try await exchange(client, .POST, mock.baseURL + "/_mock/faults", json: faults).status
}

/// Expects `plugin` to fail `request` with an error `matches` accepts.
func expectPluginError(
    _ plugin: any LienthongPlugin, _ request: PluginRequest, sourceLocation: SourceLocation = #_sourceLocation,
    _ matches: (PluginError) -> Bool
) async {
    do {
        let response = try await plugin.handle(request)
        Issue.record("expected an error, got \(response.payload)", sourceLocation: sourceLocation)
    } catch {
        #expect(matches(error), "got \(error)", sourceLocation: sourceLocation)
    }
}
