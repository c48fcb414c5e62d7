import NIOCore
import NIOPosix
import Synchronization

/// A TCP relay on 127.0.0.1 in front of the test server, which a test can cut (every connection
/// closed, nothing listening) and restore on the same port: the database "goes away" and "comes
/// back" without touching the server the other tests share.
final class TCPRelay: Sendable {
    private let targetHost: String
    private let targetPort: Int
    private let channels = Mutex<(listener: (any Channel)?, relayed: [any Channel])>((nil, []))

    init(targetHost: String, targetPort: Int) {
        self.targetHost = targetHost
        self.targetPort = targetPort
    }

    /// Listens on `port` (0: a free one) and returns the port.
    func start(port: Int = 0) async throws -> Int {
        let targetHost = self.targetHost
        let targetPort = self.targetPort
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.autoRead, value: false)
            .childChannelInitializer { [self] inbound in
                ClientBootstrap(group: inbound.eventLoop)
                    .channelInitializer { outbound in outbound.pipeline.addHandler(Forward(to: inbound)) }
                    .connect(host: targetHost, port: targetPort)
                    .flatMap { outbound in
                        self.track(inbound, outbound)
                        return inbound.pipeline.addHandler(Forward(to: outbound)).flatMap {
                            inbound.setOption(.autoRead, value: true)
                        }
                    }
            }
            .bind(host: "127.0.0.1", port: port).get()
        channels.withLock { $0.listener = listener }
        return listener.localAddress?.port ?? 0
    }

    /// Stops listening and closes every relayed connection.
    func stop() async {
        let (listener, relayed) = channels.withLock { state in
            let taken = (state.listener, state.relayed)
            state = (nil, [])
            return taken
        }
        try? await listener?.close()
        for channel in relayed { try? await channel.close() }
    }

    private func track(_ channels: any Channel...) {
        self.channels.withLock { $0.relayed += channels }
    }

    /// Writes what one side reads to the other, and closes the other when one side closes.
    private final class Forward: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer

        let partner: any Channel

        init(to partner: any Channel) { self.partner = partner }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            partner.writeAndFlush(unwrapInboundIn(data), promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            partner.close(promise: nil)
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
