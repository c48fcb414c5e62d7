import AsyncHTTPClient
import Foundation
import LienthongSchema
import NIOSSL

/// How an adapter verifies an https upstream: the system's trusted roots, or only the CAs of the
/// `caFile` setting (a national system whose certificate comes from a government CA).
///
/// Every https request gets this configuration explicitly. The gateway lends plugins its pooled
/// HTTP client, whose default TLS configuration presents the gateway's exchange certificate and
/// trusts the exchange PKI; an upstream must neither receive that certificate nor be trusted
/// because the exchange CA happened to issue its certificate.
public struct UpstreamTLS: Sendable, Hashable {
    /// The CAs read from `caFile`; nil when the system's default roots are used.
    public let trustedCAs: [NIOSSLCertificate]?
    /// The file they came from, for messages.
    public let caFile: String?

    /// Reads the optional `caFile` setting. A `caFile` with an http base URL is a mistake (the
    /// operator meant https) and refused, as is a file that holds no PEM certificate.
    public init(_ settings: JSONValue, baseURL: String, plugin: String) throws(PluginConfigurationError) {
        guard let path = settings[key: "caFile"]?.asString else {
            trustedCAs = nil
            caFile = nil
            return
        }
        guard baseURL.lowercased().hasPrefix("https://") else {
            throw PluginConfigurationError(plugin: plugin, reason: "caFile \(path) is given but baseURL \(baseURL) is not https")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw PluginConfigurationError(plugin: plugin, reason: "cannot read caFile \(path)")
        }
        let certificates: [NIOSSLCertificate]
        do { certificates = try NIOSSLCertificate.fromPEMFile(path) } catch {
            throw PluginConfigurationError(plugin: plugin, reason: "caFile \(path) holds no readable PEM certificate: \(error)")
        }
        guard !certificates.isEmpty else {
            throw PluginConfigurationError(plugin: plugin, reason: "caFile \(path) holds no PEM certificate")
        }
        trustedCAs = certificates
        caFile = path
    }

    /// The client TLS configuration for the upstream: no client certificate, full verification
    /// of the chain and the host name, TLS 1.2 or later.
    public var configuration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .fullVerification
        configuration.minimumTLSVersion = .tlsv12
        if let trustedCAs { configuration.trustRoots = .certificates(trustedCAs) }
        return configuration
    }

    /// A request to `url` carrying this TLS configuration when the URL is https.
    public func request(url: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        if url.lowercased().hasPrefix("https://") { request.tlsConfiguration = configuration }
        return request
    }

    /// The schema member of the setting, for adapters' settings schemas.
    public static let schemaProperty: (key: String, value: JSONValue) = (
        "caFile",
        [
            "type": "string", "minLength": 1,
            "description": "PEM file of the CAs that issue the upstream's https certificate; only these are trusted (default: the system's roots).",
        ]
    )
}
