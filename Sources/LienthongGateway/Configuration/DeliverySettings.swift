import Foundation
import LienthongCore

extension GatewayConfiguration {
    /// Guaranteed delivery (the `delivery:` section): how the outbox is worked, when a message is
    /// given up, which services may be received into the inbox without an adapter, and the webhook
    /// that received messages are pushed to.
    public struct DeliverySettings: Sendable, Hashable {
        /// Attempts before a message is dead (each send, including one cut off by a crash, counts).
        public var maxAttempts: Int
        /// Age (since accepted) after which a message that failed again is dead.
        public var maxAgeSeconds: Int
        /// The first retry delay; each further retry doubles it, up to `maxBackoffSeconds`, with jitter.
        public var initialBackoffMilliseconds: Int
        public var maxBackoffSeconds: Int
        /// Messages in flight to one peer agency at a time (per gateway replica).
        public var perPeerConcurrency: Int
        /// Messages in flight in total (per gateway replica).
        public var concurrency: Int
        /// Most messages sent to one peer in one request (`POST /exchange/v1/deliveries/batch`);
        /// 1 sends each message on its own request.
        public var batchSize: Int
        /// How long a claimed message stays leased to this replica before another may take it over
        /// (default 120 s, or twice `limits.requestTimeoutSeconds` when that is longer).
        public var leaseSeconds: Int
        /// How often idle workers look for due work (new submissions wake them at once).
        public var pollMilliseconds: Int
        /// Services received into the inbox without an adapter, and who may send them (nil: any
        /// agency with a trusted certificate). Services with an adapter are received too.
        public var receive: [ServiceID: Set<AgencyCode>?]
        /// Where received messages of services without an adapter are pushed; nil keeps them in
        /// the inbox for `GET /v1/inbox`.
        public var webhook: Webhook?

        public init(
            maxAttempts: Int = 12, maxAgeSeconds: Int = 7 * 86_400, initialBackoffMilliseconds: Int = 1_000,
            maxBackoffSeconds: Int = 600, perPeerConcurrency: Int = 32, concurrency: Int = 128, batchSize: Int = 16, leaseSeconds: Int = 120,
            pollMilliseconds: Int = 1_000, receive: [ServiceID: Set<AgencyCode>?] = [:], webhook: Webhook? = nil
        ) {
            self.maxAttempts = maxAttempts
            self.maxAgeSeconds = maxAgeSeconds
            self.initialBackoffMilliseconds = initialBackoffMilliseconds
            self.maxBackoffSeconds = maxBackoffSeconds
            self.perPeerConcurrency = perPeerConcurrency
            self.concurrency = concurrency
            self.batchSize = batchSize
            self.leaseSeconds = leaseSeconds
            self.pollMilliseconds = pollMilliseconds
            self.receive = receive
            self.webhook = webhook
        }

        /// A local HTTP endpoint that receives each inbox message (POST, the signed payload with
        /// its `Lienthong-*` headers); 2xx takes it, other answers are retried like deliveries.
        public struct Webhook: Sendable, Hashable {
            public var url: URL
            public var timeoutSeconds: Int

            public init(url: URL, timeoutSeconds: Int = 10) {
                self.url = url
                self.timeoutSeconds = timeoutSeconds
            }
        }
    }
}
