import Foundation
import LienthongCore
import LienthongDeclarative
import LienthongSchema
import LienthongStore

/// Everything a gateway needs to run, read from a YAML file (see `deploy/*.yaml`) by
/// `ConfigurationLoader`, with secrets and paths overridable from the environment.
public struct GatewayConfiguration: Sendable {
    /// This gateway's agency: the `From` of what it sends and the `To` it accepts.
    public var agency: AgencyCode
    /// Where the local systems call (plain HTTP, loopback by default).
    public var localAPI: Listener
    /// Where other gateways call (mTLS).
    public var exchange: ExchangeListener
    /// Other gateways by agency: URLs tried in order, the next one when a connection fails.
    public var peers: [AgencyCode: [URL]]
    /// Which agency provides each service this gateway's clients may call.
    public var routes: [ServiceID: AgencyCode]
    /// Local systems allowed to call the local API.
    public var clients: [LocalClient]
    /// Services this gateway provides to other agencies, each through an adapter.
    public var services: [ServiceID: ProvidedService]
    public var limits: Limits
    /// Where the audit log and replay guard are kept.
    public var dataDirectory: String
    /// Schema directories added to the bundled schemas.
    public var schemaDirectories: [String]
    /// What the audit trail keeps of payloads: a default and overrides per service.
    public var audit: AuditSettings
    /// Adapters declared outside the gateway's code (`plugins:`): adapter manifests.
    public var plugins: PluginSettings
    /// External plugins to start and supervise (`plugins.external`), by adapter id.
    public var externalPlugins: [ExternalPluginConfiguration]
    /// Guaranteed (asynchronous) delivery: retries, limits, received services, webhook.
    public var delivery: DeliverySettings
    /// Where the store is: the embedded SQLite database in `dataDirectory` unless `store` names PostgreSQL.
    public var store: StoreLocation

    public init(
        agency: AgencyCode, localAPI: Listener, exchange: ExchangeListener, peers: [AgencyCode: [URL]] = [:],
        routes: [ServiceID: AgencyCode] = [:], clients: [LocalClient] = [], services: [ServiceID: ProvidedService] = [:],
        limits: Limits = Limits(), dataDirectory: String, schemaDirectories: [String] = [],
        audit: AuditSettings = AuditSettings(), plugins: PluginSettings = PluginSettings(),
        externalPlugins: [ExternalPluginConfiguration] = [], delivery: DeliverySettings = DeliverySettings(),
        store: StoreLocation = .sqlite
    ) {
        self.agency = agency
        self.localAPI = localAPI
        self.exchange = exchange
        self.peers = peers
        self.routes = routes
        self.clients = clients
        self.services = services
        self.limits = limits
        self.dataDirectory = dataDirectory
        self.schemaDirectories = schemaDirectories
        self.audit = audit
        self.plugins = plugins
        self.externalPlugins = externalPlugins
        self.delivery = delivery
        self.store = store
    }

    /// The `plugins:` section.
    public struct PluginSettings: Sendable {
        /// `plugins.manifests`: manifest files and directories (resolved), read again on reload (SIGHUP).
        public var manifestPaths: [String]
        /// The manifests read from them when the configuration was loaded.
        public var manifests: [AdapterManifest]

        public init(manifestPaths: [String] = [], manifests: [AdapterManifest] = []) {
            self.manifestPaths = manifestPaths
            self.manifests = manifests
        }
    }

    /// A host and port to listen on.
    public struct Listener: Sendable, Hashable {
        public var host: String
        public var port: Int
        /// For the local API only: serve TLS with the gateway's certificate and require a client
        /// certificate chaining to the trusted CAs, so clients may authenticate by certificate.
        public var clientCertificates: Bool

        public init(host: String, port: Int, clientCertificates: Bool = false) {
            self.host = host
            self.port = port
            self.clientCertificates = clientCertificates
        }
    }

    /// The mTLS listener for other gateways, and the identity this gateway presents and signs with.
    public struct ExchangeListener: Sendable, Hashable {
        public var listener: Listener
        /// PEM: this gateway's certificate first, then intermediates.
        public var certificateChainFile: String
        /// PEM private key (possibly encrypted).
        public var privateKeyFile: String
        /// The passphrase of an encrypted key (from `keyPassphraseFile` or `LIENTHONG_TLS_KEY_PASSPHRASE`).
        public var keyPassphrase: String?
        /// PEM CA certificates that peers' TLS and signing certificates must chain to.
        public var trustedCAFiles: [String]
        /// Whether calls to peers use HTTP/2 where the peer offers it (the listener always offers
        /// HTTP/2 and HTTP/1.1). HTTP/1.1 over pooled connections costs less CPU per exchange with
        /// NIO's HTTP/2 stack (docs/PERFORMANCE.md); HTTP/2 needs fewer connections.
        public var outboundHTTP2: Bool
        /// How requests and deliveries name the certificate that signed them.
        public var signerCertificate: SignerCertificate

        public init(
            listener: Listener, certificateChainFile: String, privateKeyFile: String, keyPassphrase: String? = nil,
            trustedCAFiles: [String], outboundHTTP2: Bool = true, signerCertificate: SignerCertificate = .thumbprint
        ) {
            self.listener = listener
            self.certificateChainFile = certificateChainFile
            self.privateKeyFile = privateKeyFile
            self.keyPassphrase = keyPassphrase
            self.trustedCAFiles = trustedCAFiles
            self.outboundHTTP2 = outboundHTTP2
            self.signerCertificate = signerCertificate
        }
    }

    /// How this gateway's requests and deliveries name their signing certificate in the JWS
    /// (`exchange.signerCertificate`). Answers and receipts always carry the chain (`x5c`): clients
    /// keep them as evidence that must verify alone.
    public enum SignerCertificate: String, Sendable, Hashable {
        /// `x5t#S256`, 43 characters instead of the kilobytes of `x5c`: the receiver takes the
        /// certificate from the TLS handshake, where this gateway presents the same one. Used only
        /// when the chain file holds nothing after the certificate but CAs this gateway trusts
        /// (its root, say); with an intermediate the chain is sent, since a TLS client
        /// certificate reaches the receiver's handler without it.
        case thumbprint
        /// `x5c`: for peers whose Lienthong predates `x5t#S256` (they answer 401, "the JWS header
        /// has neither 'x5c' nor 'kid'").
        case chain
    }

    /// A local system and what it may call. It authenticates with an API key, or, when the local
    /// listener requires client certificates, with a certificate naming its agency.
    public struct LocalClient: Sendable, Hashable {
        public var name: String
        /// SHA-256 of the API key: the key itself is never stored in the configuration.
        public var apiKeySHA256: [UInt8]?
        /// The agency named in the client's certificate (`urn:lienthong:agency:<CODE>`).
        public var certificateAgency: AgencyCode?
        public var allowedServices: Set<ServiceID>

        public init(
            name: String, apiKeySHA256: [UInt8]? = nil, certificateAgency: AgencyCode? = nil,
            allowedServices: Set<ServiceID>
        ) {
            self.name = name
            self.apiKeySHA256 = apiKeySHA256
            self.certificateAgency = certificateAgency
            self.allowedServices = allowedServices
        }
    }

    /// A service this gateway answers, through an adapter.
    public struct ProvidedService: Sendable, Hashable {
        /// The adapter's descriptor id, e.g. `population`.
        public var adapter: String
        /// The adapter's settings, checked against its settings schema.
        public var settings: JSONValue
        /// The agencies that may call the service; nil allows every agency with a trusted certificate.
        public var allowedAgencies: Set<AgencyCode>?

        public init(adapter: String, settings: JSONValue = .object(JSONObject()), allowedAgencies: Set<AgencyCode>?) {
            self.adapter = adapter
            self.settings = settings
            self.allowedAgencies = allowedAgencies
        }
    }

    /// Bounds on what the gateway accepts and how long it waits.
    public struct Limits: Sendable, Hashable {
        /// The largest body accepted on either API, as it travels (compressed or not).
        public var maxBodyBytes: Int
        /// The largest body after decompression.
        public var maxDecompressedBytes: Int
        /// How far `Created` may be from now, and how long ids are remembered.
        public var replayWindowSeconds: Int
        /// How long an exchange with a peer may take in total.
        public var requestTimeoutSeconds: Int
        /// How long an adapter may take before the gateway answers 504.
        public var upstreamTimeoutSeconds: Int
        /// Payloads larger than this are sent gzip-compressed.
        public var compressionThresholdBytes: Int

        public init(
            maxBodyBytes: Int = 4 << 20, maxDecompressedBytes: Int = 16 << 20, replayWindowSeconds: Int = 300,
            requestTimeoutSeconds: Int = 30, upstreamTimeoutSeconds: Int = 20, compressionThresholdBytes: Int = 8192
        ) {
            self.maxBodyBytes = maxBodyBytes
            self.maxDecompressedBytes = maxDecompressedBytes
            self.replayWindowSeconds = replayWindowSeconds
            self.requestTimeoutSeconds = requestTimeoutSeconds
            self.upstreamTimeoutSeconds = upstreamTimeoutSeconds
            self.compressionThresholdBytes = compressionThresholdBytes
        }
    }

    /// Payload retention in the audit trail.
    public struct AuditSettings: Sendable, Hashable {
        public var defaultRetention: PayloadRetention
        public var retentionByService: [ServiceID: PayloadRetention]

        public init(defaultRetention: PayloadRetention = .metadata, retentionByService: [ServiceID: PayloadRetention] = [:]) {
            self.defaultRetention = defaultRetention
            self.retentionByService = retentionByService
        }

        /// The retention for `service`.
        public func retention(for service: ServiceID) -> PayloadRetention {
            retentionByService[service] ?? defaultRetention
        }
    }
}
