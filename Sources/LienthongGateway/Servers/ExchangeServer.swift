import Hummingbird
import HummingbirdHTTP2
import HummingbirdTLS
import LienthongCore
import LienthongCrypto
import Logging
import NIOCore
import NIOSSL

/// The exchange API other gateways call over mTLS: `POST /exchange/v1/messages` (synchronous) and,
/// with messaging, `POST /exchange/v1/deliveries` (asynchronous, answered with a receipt) and
/// `POST /exchange/v1/deliveries/batch` (several deliveries, `DeliveryBatch`).
///
/// The TLS configuration requires a client certificate chaining to the trusted CAs (NIOSSL refuses
/// the handshake otherwise); the handler then takes the agency from that certificate and the
/// inbound pipeline requires it to equal the message's `From`. HTTP/2 and HTTP/1.1 are offered by
/// ALPN; the outbound client takes HTTP/2 where the peer speaks it.
public enum ExchangeServer {
    public static func application(
        inbound: InboundExchange, deliveries: InboundDelivery? = nil, listener: GatewayConfiguration.Listener, tls: TLSConfiguration, maxBodyBytes: Int,
        logger: Logger, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let router = Router(context: ChannelRequestContext.self)
        router.post("/exchange/v1/messages") { request, context -> Response in
            await answer(request, on: context.channel, maxBodyBytes: maxBodyBytes) { message, peer in
                await inbound.handle(message, tlsPeer: peer)
            }
        }
        if let deliveries {
            router.post("/exchange/v1/deliveries") { request, context -> Response in
                await answer(request, on: context.channel, maxBodyBytes: maxBodyBytes) { message, peer in
                    await deliveries.handle(message, tlsPeer: peer)
                }
            }
            router.post("/\(DeliveryBatch.path)") { request, context -> Response in
                await answer(request, on: context.channel, maxBodyBytes: maxBodyBytes) { message, peer in
                    await deliveries.handle(batch: message, tlsPeer: peer)
                }
            }
        }
        return Application(
            router: router, server: try .http2Upgrade(tlsConfiguration: tls),
            configuration: ApplicationConfiguration(
                address: .hostname(listener.host, port: listener.port), serverName: "lienthong-exchange"),
            onServerRunning: onServerRunning, logger: logger)
    }

    /// The answer of `handler` to a request from the agency of the TLS client certificate, or the
    /// problem when there is no such agency or the body cannot be read.
    private static func answer(
        _ request: Request, on channel: any Channel, maxBodyBytes: Int,
        handler: (HTTPMessage, TLSPeer) async -> HTTPAnswer
    ) async -> Response {
        let peer: TLSPeer
        switch await tlsPeer(channel) {
        case .failure(let problem): return HummingbirdBridge.response(from: HTTPAnswer(problem: problem))
        case .success(let found): peer = found
        }
        switch await HummingbirdBridge.message(from: request, maxBytes: maxBodyBytes) {
        case .failure(let problem): return HummingbirdBridge.response(from: HTTPAnswer(problem: problem))
        case .success(let message): return HummingbirdBridge.response(from: await handler(message, peer))
        }
    }

    /// The peer of the TLS client certificate (401 when there is none or it names no agency).
    /// NIOSSL has already verified the certificate's chain against the trusted CAs.
    static func tlsPeer(_ channel: any Channel) async -> Result<TLSPeer, Problem> {
        let certificate: NIOSSLCertificate?
        do { certificate = try await tlsConnection(of: channel).nioSSL_peerCertificate().get() } catch {
            return .failure(.badSignature("no TLS session: \(error)"))
        }
        guard let certificate else { return .failure(.badSignature("no TLS client certificate")) }
        do {
            return .success(try TLSPeerCache.shared.peer(forCertificate: certificate.toDERBytes()))
        } catch {
            return .failure(.badSignature("the TLS client certificate names no agency: \(error)"))
        }
    }

    /// The channel holding the TLS handler. Over HTTP/1.1 it is the request's channel (whose parent
    /// is the listening socket); over HTTP/2 the request runs on a stream channel whose parent is
    /// the connection (whose own parent is the listening socket).
    private static func tlsConnection(of channel: any Channel) -> any Channel {
        if let parent = channel.parent, parent.parent != nil { return parent }
        return channel
    }
}
