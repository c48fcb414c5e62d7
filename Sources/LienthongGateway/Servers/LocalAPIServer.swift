import Foundation
import Hummingbird
import LienthongCore
import Logging
import NIOCore

/// The local API that a province's own systems call (plain HTTP, loopback by default):
/// `POST /v1/services/{service}`, `GET /openapi.json`, `GET /health`.
public enum LocalAPIServer {
    /// A Hummingbird application serving the local API; run it as a service.
    ///
    /// The service id holds a slash (`population.citizen.lookup/v1`), so the path is
    /// `/v1/services/population.citizen.lookup/v1`; `%2F` for the slash works as well.
    public static func application(
        outbound: OutboundExchange, agency: AgencyCode, listener: GatewayConfiguration.Listener, maxBodyBytes: Int,
        logger: Logger, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        router.post("/v1/services/**") { request, context -> Response in
            // Two segments (`…lookup/v1`) or one with the slash encoded (`…lookup%2Fv1`).
            let service = context.parameters.getCatchAll().joined(separator: "/").removingPercentEncoding ?? ""
            return await answer(request, service: service, outbound: outbound, maxBodyBytes: maxBodyBytes)
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
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(listener.host, port: listener.port), serverName: "lienthong-local"),
            onServerRunning: onServerRunning, logger: logger)
    }

    private static func answer(
        _ request: Request, service: String, outbound: OutboundExchange, maxBodyBytes: Int
    ) async -> Response {
        switch await HummingbirdBridge.message(from: request, maxBytes: maxBodyBytes) {
        case .failure(let problem): return HummingbirdBridge.response(from: HTTPAnswer(problem: problem))
        case .success(let message):
            return HummingbirdBridge.response(from: await outbound.handle(message, service: service))
        }
    }
}

