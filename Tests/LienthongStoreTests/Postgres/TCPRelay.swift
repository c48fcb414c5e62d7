import NIOCore
import NIOPosix
import Synchronization

/// A TCP relay on 127.0.0.1 in front of the test server, which a test can cut (every connection
/// closed, new ones closed as soon as they are accepted) and restore: the database "goes away" and
/// "comes back" without touching the server the other tests share. The listener keeps its port
/// throughout, because rebinding a released port races every other test for it.
final class TCPRelay: Sendable {
    private struct State {
        var listener: (any Channel)?
        var relayed: [any Channel] = []
        var cut = false
    }

    private let targetHost: String
    private let targetPort: Int
    private let state = Mutex(State())

    init(targetHost: String, targetPort: Int) {
        self.targetHost = targetHost
        self.targetPort = targetPort
    }

    /// Listens on a free port and returns it.
    func start() async throws -> Int {
        let targetHost = self.targetHost
        let targetPort = self.targetPort
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelOption(.autoRead, value: false)
            .childChannelInitializer { [self] inbound in
                if isCut { return inbound.close() }
                return ClientBootstrap(group: inbound.eventLoop)
                    .channelInitializer { outbound in outbound.pipeline.addHandler(Forward(to: inbound)) }
                    .connect(host: targetHost, port: targetPort)
                    .flatMap { outbound in
                        self.track(inbound, outbound)
                        return inbound.pipeline.addHandler(Forward(to: outbound)).flatMap {
                            inbound.setOption(.autoRead, value: true)
                        }
                    }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        state.withLock { $0.listener = listener }
        return listener.localAddress?.port ?? 0
    }

    /// Closes every relayed connection and every new one until `restore()`.
    func cut() async {
        let relayed = state.withLock { state in
            state.cut = true
            defer { state.relayed = [] }
            return state.relayed
        }
        for channel in relayed { try? await channel.close() }
    }

    /// Relays new connections again.
    func restore() {
        state.withLock { $0.cut = false }
    }

    /// Stops listening and closes every relayed connection.
    func stop() async {
        await cut()
        let listener = state.withLock { state in
            defer { state.listener = nil }
            return state.listener
        }
        try? await listener?.close()
    }

    private var isCut: Bool { state.withLock { $0.cut } }

    /// Keeps a relayed pair to close on `cut()`; a pair that connected while a cut happened is
    /// closed at once.
    private func track(_ channels: any Channel...) {
        let wasCut = state.withLock { state in
            if !state.cut { state.relayed += channels }
            return state.cut
        }
        if wasCut { for channel in channels { channel.close(promise: nil) } }
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
