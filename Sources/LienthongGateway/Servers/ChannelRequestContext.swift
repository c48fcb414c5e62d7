import Hummingbird
import NIOCore

/// A request context that keeps the connection's channel so the handler can
/// read the TLS client certificate that NIOSSL verified during the handshake.
public struct ChannelRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
