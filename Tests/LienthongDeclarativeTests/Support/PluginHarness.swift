import AsyncHTTPClient
import Foundation
import LienthongCore
import LienthongJSON
import LienthongPluginAPI
import Logging
@testable import LienthongDeclarative

/// Makes a declarative plugin from manifest text (with `BASE_URL` replaced by the stub's URL) and
/// calls it as the gateway would.
struct PluginHarness {
    let plugin: any LienthongPlugin
    let client: HTTPClient

    static func with<Result: Sendable>(
        manifest text: String, baseURL: String, environment: [String: String] = ["TEST_TOKEN": "tok-123"],
        _ body: (PluginHarness) async throws -> Result
    ) async throws -> Result {
        let files = try ManifestFiles()
        defer { files.remove() }
        try files.writeOpenSchemas("thing")
        try files.write("m.yaml", text.replacingOccurrences(of: "BASE_URL", with: baseURL))
        let manifest = try files.load("m.yaml")
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        do {
            let plugin = try DeclarativeAdapterFactory(manifest: manifest, processEnvironment: environment)
                .make(settings: .object(JSONObject()), environment: PluginEnvironment(httpClient: client, logger: Logger(label: "test")))
            let result = try await body(PluginHarness(plugin: plugin, client: client))
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    func call(_ payload: JSONValue, service: String = "test.thing.lookup/v1", timeout: Duration = .seconds(60)) async -> Result<JSONValue, PluginError> {
        do {
            let request = PluginRequest(
                service: try ServiceID(parsing: service), messageID: MessageID(), from: try AgencyCode(parsing: "000.00.00.H41"),
                to: try AgencyCode(parsing: "000.00.00.G12"), payload: payload, timeout: timeout)
            do throws(PluginError) { return .success(try await plugin.handle(request).payload) } catch { return .failure(error) }
        } catch {
            return .failure(.badUpstreamResponse("test setup: \(error)"))
        }
    }
}
