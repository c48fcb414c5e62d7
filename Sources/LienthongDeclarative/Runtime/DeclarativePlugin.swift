import AsyncHTTPClient
import LienthongCore
import LienthongJSON
import LienthongPluginAPI
import Logging

/// A declarative adapter at work: fills the service's request templates from the payload, calls
/// the upstream (with bounded retries for idempotent calls), and maps the answer back. Holds no
/// resources of its own (the HTTP client is the gateway's), so a reload can drop it while the
/// requests that started on it finish.
struct DeclarativePlugin: LienthongPlugin {
    let manifest: AdapterManifest
    let baseURL: String
    /// How an https upstream is verified; never with the gateway's exchange certificate or CAs.
    let tls: UpstreamTLS
    /// The deployment's attempt timeout, overriding the manifest's.
    let attemptTimeout: Duration?
    let secrets: [String: String]
    let environment: PluginEnvironment

    var descriptor: PluginDescriptor { manifest.descriptor }

    func handle(_ request: PluginRequest) async throws(PluginError) -> PluginResponse {
        guard let mapping = manifest.mapping(for: request.service) else { throw .unsupportedService(request.service) }
        let deadline = ContinuousClock.now + request.timeout
        let envelope: [Placeholder.EnvelopeField: String] = [
            .messageId: request.messageID.description, .from: request.from.rawValue, .to: request.to.rawValue,
            .service: request.service.rawValue,
        ]
        let renderer = TemplateRenderer(input: TemplateInput(document: .json(request.payload), envelope: envelope, secrets: secrets))
        let upstreamRequest: HTTPClientRequest
        do throws(TemplateFillError) {
            upstreamRequest = try UpstreamRequestBuilder(
                baseURL: baseURL, tls: tls, commonHeaders: manifest.upstream.headers, mapping: mapping.request).build(renderer)
        } catch {
            throw .rejected("the request cannot be sent to \(manifest.id): \(error)")
        }
        let call = RetryingCall(
            call: UpstreamCall(client: environment.httpClient, system: manifest.id),
            attemptTimeout: attemptTimeout ?? mapping.timeout ?? manifest.upstream.timeout, retries: mapping.retries,
            firstDelay: manifest.upstream.retryDelay)
        let answer = try await call.perform(upstreamRequest, deadline: deadline)
        do throws(PluginError) {
            return PluginResponse(payload: try AnswerMapper(system: manifest.id, mapping: mapping, envelope: envelope).map(answer))
        } catch {
            environment.logger.info(
                "declarative adapter answered a problem",
                metadata: ["adapter": "\(manifest.id)", "service": "\(request.service)", "status": "\(answer.status)", "problem": "\(error)"])
            throw error
        }
    }
}
