import Foundation
import Hummingbird
import HummingbirdHTTP2
import HummingbirdTLS
import LienthongCore
import Logging
import NIOCore
import NIOSSL

/// The local API that a province's own systems call (plain HTTP/1.1, loopback by default; TLS with
/// required client certificates, HTTP/2 or HTTP/1.1 by ALPN, when `clientCertificates` is configured):
/// `POST /v1/services/{service}`, `GET /openapi.json`, `GET /health`; with messaging, also
/// `POST /v1/messages`, `GET /v1/messages/{id}`, `GET /v1/inbox`, `DELETE /v1/inbox/{id}` and
/// `POST /v1/inbox/{id}/ack`.
public enum LocalAPIServer {
    /// A Hummingbird application serving the local API; run it as a service.
    ///
    /// The service id holds a slash (`population.citizen.lookup/v1`), so the path is
    /// `/v1/services/population.citizen.lookup/v1`; `%2F` for the slash works as well.
    public static func application(
        outbound: OutboundExchange, messaging: AsyncMessaging? = nil, agency: AgencyCode, listener: GatewayConfiguration.Listener, tls: TLSConfiguration?,
        maxBodyBytes: Int, logger: Logger, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let router = Router(context: ChannelRequestContext.self)
        let certificatesRequired = tls != nil
        router.post("/v1/services/**") { request, context -> Response in
            // Two segments (`…lookup/v1`) or one with the slash encoded (`…lookup%2Fv1`).
            let service = context.parameters.getCatchAll().joined(separator: "/").removingPercentEncoding ?? ""
            var certificateAgency: AgencyCode?
            if certificatesRequired {
                switch await ExchangeServer.tlsPeer(context.channel) {
                case .failure(let problem): return HummingbirdBridge.response(from: HTTPAnswer(problem: problem))
                case .success(let peer): certificateAgency = peer.agency
                }
            }
            return await answer(
                request, service: service, certificateAgency: certificateAgency, outbound: outbound, maxBodyBytes: maxBodyBytes)
        }
        if let messaging {
            addMessagingRoutes(to: router, messaging: messaging, certificatesRequired: certificatesRequired, maxBodyBytes: maxBodyBytes)
        }
        router.get("/openapi.json") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        router.get("/health") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            let body = #"{"status":"ok","agency":"\#(agency.rawValue)"}"#
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
        return Application(
            router: router, server: try tls.map { try .http2Upgrade(tlsConfiguration: $0) } ?? .http1(),
            configuration: ApplicationConfiguration(
                address: .hostname(listener.host, port: listener.port), serverName: "lienthong-local"),
            onServerRunning: onServerRunning, logger: logger)
    }

    private static func addMessagingRoutes(
        to router: Router<ChannelRequestContext>, messaging: AsyncMessaging, certificatesRequired: Bool, maxBodyBytes: Int
    ) {
        /// Reads the client certificate's agency (when required) and the body, then runs `handle`.
        @Sendable func serve(
            _ request: Request, _ context: ChannelRequestContext, maxBytes: Int,
            _ handle: @Sendable (HTTPMessage, AgencyCode?) async -> HTTPAnswer
        ) async -> Response {
            var certificateAgency: AgencyCode?
            if certificatesRequired {
                switch await ExchangeServer.tlsPeer(context.channel) {
                case .failure(let problem): return HummingbirdBridge.response(from: HTTPAnswer(problem: problem))
                case .success(let peer): certificateAgency = peer.agency
                }
            }
            switch await HummingbirdBridge.message(from: request, maxBytes: maxBytes) {
            case .failure(let problem): return HummingbirdBridge.response(from: HTTPAnswer(problem: problem))
            case .success(let message): return HummingbirdBridge.response(from: await handle(message, certificateAgency))
            }
        }
        router.post("/v1/messages") { request, context -> Response in
            await serve(request, context, maxBytes: maxBodyBytes) { message, agency in
                await messaging.submission.handle(message, certificateAgency: agency)
            }
        }
        router.get("/v1/messages/:id") { request, context -> Response in
            let id = context.parameters.get("id") ?? ""
            return await serve(request, context, maxBytes: 0) { message, agency in
                await messaging.queries.status(message, id: id, certificateAgency: agency)
            }
        }
        router.get("/v1/inbox") { request, context -> Response in
            var query: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
            return await serve(request, context, maxBytes: 0) { [query] message, agency in
                await messaging.queries.inboxPage(message, query: query, certificateAgency: agency)
            }
        }
        let acknowledge: @Sendable (Request, ChannelRequestContext) async -> Response = { request, context in
            let id = context.parameters.get("id") ?? ""
            return await serve(request, context, maxBytes: 0) { message, agency in
                await messaging.queries.acknowledge(message, id: id, certificateAgency: agency)
            }
        }
        router.delete("/v1/inbox/:id") { request, context -> Response in await acknowledge(request, context) }
        router.post("/v1/inbox/:id/ack") { request, context -> Response in await acknowledge(request, context) }
    }

    private static func answer(
        _ request: Request, service: String, certificateAgency: AgencyCode?, outbound: OutboundExchange, maxBodyBytes: Int
    ) async -> Response {
        switch await HummingbirdBridge.message(from: request, maxBytes: maxBodyBytes) {
        case .failure(let problem): return HummingbirdBridge.response(from: HTTPAnswer(problem: problem))
        case .success(let message):
            return HummingbirdBridge.response(from: await outbound.handle(message, service: service, certificateAgency: certificateAgency))
        }
    }
}

