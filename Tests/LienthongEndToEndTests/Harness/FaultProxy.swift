import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy on 127.0.0.1 that sits between two gateways and makes the link poor: it delays
/// every chunk, refuses some connections, drops some while the request goes up, and cuts some
/// answers after the request reached the server (so the server acted but the client never
/// learns it). TLS passes through untouched: the proxy only sees bytes.
///
/// Decisions come from a seeded generator, so a run's mix of faults does not depend on luck
/// alone; counts of what was done are kept for the test's messages and assertions.
///
/// ```swift
/// let proxy = try await FaultProxy.start(forwardingTo: ministry.exchangePort, faults: .init(latencyMs: 20))
/// // point the province's peer URL at 127.0.0.1:proxy.port
/// await proxy.stop()
/// ```
final class FaultProxy: Sendable {
    /// What the proxy does to the link; rates are probabilities in 0…1.
    struct Faults: Sendable, CustomStringConvertible {
        /// Added to every chunk, in each direction (order is kept).
        var latencyMs = 0
        /// A new connection is closed at once, before any byte passes.
        var refuseRate = 0.0
        /// Per chunk sent by the client after its TLS handshake: the connection is closed and the
        /// chunk is not forwarded.
        var dropRate = 0.0
        /// Per chunk answered by the server once the client sent its request: the connection is
        /// closed and the answer never reaches the client.
        var cutResponseRate = 0.0
        /// Chunks a client sends before its request: a TLS client sends its hello, then its
        /// certificate and Finished (2); a plain HTTP client starts with the request (0). Drops
        /// and cuts strike only after them.
        var handshakeChunks = 2

        var description: String {
            "latency \(latencyMs) ms, refuse \(refuseRate), drop \(dropRate), cut answers \(cutResponseRate)"
        }
    }

    /// What the proxy did so far.
    struct Counts: Sendable, CustomStringConvertible {
        var connections = 0
        var refused = 0
        var dropped = 0
        var cutAnswers = 0
        var bytesUp = 0
        var bytesDown = 0

        var description: String {
            "\(connections) connections: \(refused) refused, \(dropped) dropped on the way up, \(cutAnswers) answers cut; "
                + "\(bytesUp) bytes up, \(bytesDown) down"
        }
    }

    /// The proxy's listening port on 127.0.0.1.
    let port: Int
    let targetPort: Int
    private let group: MultiThreadedEventLoopGroup
    private let listener: Channel
    fileprivate let state: Mutex<SharedState>

    /// The kinds of fault drawn at random, each from its own stream so that one kind's draws
    /// do not shift another's: the n-th connection is refused or not whatever else happened.
    fileprivate enum Fault: Int, CaseIterable {
        case refuse, drop, cut

        func rate(in faults: Faults) -> Double {
            switch self {
            case .refuse: faults.refuseRate
            case .drop: faults.dropRate
            case .cut: faults.cutResponseRate
            }
        }
    }

    fileprivate struct SharedState {
        var faults: Faults
        var counts = Counts()
        var streams: [SplitMix64]
        /// Open connections, closed by `stop()`.
        var open: [ObjectIdentifier: Channel] = [:]

        init(faults: Faults, seed: UInt64) {
            self.faults = faults
            streams = Fault.allCases.map { SplitMix64(seed: seed &+ UInt64($0.rawValue) &* 0x1000) }
        }

        mutating func roll(_ fault: Fault) -> Bool {
            let rate = fault.rate(in: faults)
            let draw = Double(streams[fault.rawValue].next() >> 11) / Double(UInt64(1) << 53)
            return rate > 0 && draw < rate
        }
    }

    private init(port: Int, targetPort: Int, group: MultiThreadedEventLoopGroup, listener: Channel, state: SharedState) {
        self.port = port
        self.targetPort = targetPort
        self.group = group
        self.listener = listener
        self.state = Mutex(state)
    }

    /// Listens on a free loopback port and forwards each connection to 127.0.0.1:`targetPort`.
    static func start(forwardingTo targetPort: Int, faults: Faults = Faults(), seed: UInt64 = 1) async throws -> FaultProxy {
        // One thread: every connection's two channels share it, so their state needs no locks.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let box = ProxyBox()
        do {
            let listener = try await ServerBootstrap(group: group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        guard let proxy = box.proxy else { throw HarnessError("the fault proxy is not ready") }
                        try channel.pipeline.syncOperations.addHandler(ClientSide(proxy: proxy, targetPort: targetPort))
                    }
                }
                .bind(host: "127.0.0.1", port: 0).get()
            guard let port = listener.localAddress?.port else { throw HarnessError("the fault proxy has no port") }
            let proxy = FaultProxy(
                port: port, targetPort: targetPort, group: group, listener: listener,
                state: SharedState(faults: faults, seed: seed))
            box.set(proxy)
            return proxy
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    var faults: Faults {
        get { state.withLock { $0.faults } }
    }

    /// Changes the faults for what passes from now on.
    func set(_ faults: Faults) { state.withLock { $0.faults = faults } }

    var counts: Counts { state.withLock { $0.counts } }

    /// Stops listening, closes every open connection and ends the proxy's thread.
    func stop() async {
        try? await listener.close()
        let open = state.withLock { state -> [Channel] in
            defer { state.open.removeAll() }
            return Array(state.open.values)
        }
        for channel in open { try? await channel.close() }
        try? await group.shutdownGracefully()
    }

    fileprivate func opened(_ channel: Channel) -> Bool {
        state.withLock { state in
            state.counts.connections += 1
            if state.roll(.refuse) {
                state.counts.refused += 1
                return false
            }
            state.open[ObjectIdentifier(channel)] = channel
            return true
        }
    }

    /// Draws whether `fault` strikes now.
    fileprivate func roll(_ fault: Fault) -> Bool {
        state.withLock { $0.roll(fault) }
    }

    fileprivate func closed(_ channel: Channel) {
        state.withLock { _ = $0.open.removeValue(forKey: ObjectIdentifier(channel)) }
    }
}

/// Hands the proxy to the channel initializer, which exists before the proxy does.
private final class ProxyBox: Sendable {
    private let value = Mutex<FaultProxy?>(nil)
    var proxy: FaultProxy? { value.withLock { $0 } }
    func set(_ proxy: FaultProxy) { value.withLock { $0 = proxy } }
}

/// A small seeded generator (SplitMix64): the same seed gives the same faults.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One proxied connection: both channels, the delayed writes in each direction, and how far the
/// client got. Lives on the proxy's single event loop.
private final class Link {
    let proxy: FaultProxy
    let client: Channel
    var server: Channel?
    /// Chunks from the client before the server connection was made.
    var pending: [ByteBuffer] = []
    /// Chunks the client sent; past the handshake's (`Faults.handshakeChunks`) the request is
    /// on its way.
    var clientChunks = 0
    /// When the last delayed write in each direction is due, so that order is kept.
    var upDue = NIODeadline.uptimeNanoseconds(0)
    var downDue = NIODeadline.uptimeNanoseconds(0)
    var closing = false

    init(proxy: FaultProxy, client: Channel) {
        self.proxy = proxy
        self.client = client
    }

    var requestUnderway: Bool { clientChunks > proxy.faults.handshakeChunks }

    /// Forwards after the configured latency, behind what is already waiting.
    func forward(_ buffer: ByteBuffer, up: Bool) {
        guard let target = up ? server : client else { return }
        let latency = proxy.faults.latencyMs
        proxy.state.withLock {
            if up { $0.counts.bytesUp += buffer.readableBytes } else { $0.counts.bytesDown += buffer.readableBytes }
        }
        let now = NIODeadline.now()
        var due = now + .milliseconds(Int64(latency))
        let last = up ? upDue : downDue
        if last > due { due = last }
        if up { upDue = due } else { downDue = due }
        if due <= now {
            target.writeAndFlush(buffer, promise: nil)
        } else {
            client.eventLoop.assumeIsolated().scheduleTask(deadline: due) { target.writeAndFlush(buffer, promise: nil) }
        }
    }

    /// Closes both sides once what is already on its way has been written.
    func close(afterPending: Bool) {
        guard !closing else { return }
        closing = true
        let due = afterPending ? max(upDue, downDue) : NIODeadline.now()
        let channels = [client] + (server.map { [$0] } ?? [])
        let closeAll = { [proxy] in
            for channel in channels {
                proxy.closed(channel)
                channel.close(promise: nil)
            }
        }
        if due <= NIODeadline.now() { closeAll() } else { client.eventLoop.assumeIsolated().scheduleTask(deadline: due, closeAll) }
    }
}

/// The accepted side: decides whether to refuse, connects to the target, forwards upwards.
private final class ClientSide: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let proxy: FaultProxy
    let targetPort: Int
    var link: Link?

    init(proxy: FaultProxy, targetPort: Int) {
        self.proxy = proxy
        self.targetPort = targetPort
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        guard proxy.opened(channel) else {
            context.close(promise: nil)
            return
        }
        let link = Link(proxy: proxy, client: channel)
        self.link = link
        let loop = context.eventLoop
        let boundLink = NIOLoopBound(link, eventLoop: loop)
        let connecting = ClientBootstrap(group: loop)
            .channelInitializer { server in
                server.eventLoop.makeCompletedFuture {
                    try server.pipeline.syncOperations.addHandler(ServerSide(link: boundLink))
                }
            }
            .connect(host: "127.0.0.1", port: targetPort)
        connecting.assumeIsolated().whenComplete { result in
            switch result {
            case .success(let server):
                link.server = server
                link.proxy.state.withLock { $0.open[ObjectIdentifier(server)] = server }
                if link.closing {
                    server.close(promise: nil)
                    return
                }
                for buffer in link.pending { link.forward(buffer, up: true) }
                link.pending.removeAll()
            case .failure:
                // The target is down: the client sees its connection closed, as with a refused one.
                link.close(afterPending: false)
            }
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let link, !link.closing else { return }
        let buffer = unwrapInboundIn(data)
        link.clientChunks += 1
        if link.requestUnderway, proxy.roll(.drop) {
            proxy.state.withLock { $0.counts.dropped += 1 }
            link.close(afterPending: false)
            return
        }
        if link.server == nil { link.pending.append(buffer) } else { link.forward(buffer, up: true) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        link?.close(afterPending: true)
        proxy.closed(context.channel)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        link?.close(afterPending: false)
    }
}

/// The connection to the target: forwards answers downwards unless this one is to be cut.
private final class ServerSide: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let link: NIOLoopBound<Link>

    init(link: NIOLoopBound<Link>) { self.link = link }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let link = link.value
        guard !link.closing else { return }
        let buffer = unwrapInboundIn(data)
        if link.requestUnderway, link.proxy.roll(.cut) {
            // The server has the request and answered; the client never hears it.
            link.proxy.state.withLock { $0.counts.cutAnswers += 1 }
            link.close(afterPending: false)
            return
        }
        link.forward(buffer, up: false)
    }

    func channelInactive(context: ChannelHandlerContext) {
        link.value.close(afterPending: true)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        link.value.close(afterPending: false)
    }
}
