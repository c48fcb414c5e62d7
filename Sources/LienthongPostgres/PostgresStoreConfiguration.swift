import Foundation
import NIOSSL
import PostgresNIO

/// Where the PostgreSQL store is and how to reach it, read from a
/// `postgres://user:password@host:port/database?parameters` URL.
///
/// Query parameters (every other one is refused, so a typo is not silently ignored):
/// - `sslmode`: `disable`, `prefer` (the default, as with libpq), `require` (TLS without checking
///   the certificate) or `verify-full` (TLS, certificate chain and host name checked);
/// - `sslrootcert`: a PEM file of CA certificates for `verify-full` (default: the system's);
/// - `schema`: keep the gateway's tables in this schema (created if missing) instead of `public`,
///   so several gateways, or tests, can share one database;
/// - `pool_max`: the most connections this gateway opens (default 10);
/// - `connect_timeout`: seconds to wait for the server at start (default 10);
/// - `lease_timeout`: seconds a request waits for a free connection before the store reports
///   itself unavailable (the gateway then answers 503; default 5).
public struct PostgresStoreConfiguration: Sendable, Hashable {
    /// How the connection is protected.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable
        case prefer
        case require
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var schema: String?
    public var tls: TLSMode
    public var rootCertificateFile: String?
    public var maximumConnections: Int
    public var connectTimeout: Duration
    public var leaseTimeout: Duration
    /// The longest `PostgresStore.close` waits for the pool to end.
    public var closeTimeout: Duration

    /// Reads a store URL.
    ///
    /// - Parameter password: replaces the URL's password (e.g. from `LIENTHONG_STORE_PASSWORD`),
    ///   so the password need not be written in a configuration file.
    public init(url text: String, password: String? = nil) throws(PostgresStoreError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw .invalidURL("expected postgres://user:password@host:port/database")
        }
        guard Self.schemes.contains(scheme) else {
            throw .invalidURL("the scheme must be postgres or postgresql, not \(scheme)")
        }
        guard var host = components.host, !host.isEmpty else { throw .invalidURL("the host is missing") }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard let username = components.user, !username.isEmpty else {
            throw .invalidURL("the user name is missing (postgres://user@host/database)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw .invalidURL("the database name is missing or contains a slash (postgres://user@host/database)")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw .invalidURL("port \(port) is out of range") }
        self.host = host
        self.port = port
        self.username = username
        self.password = password ?? components.password
        self.database = database
        self.schema = nil
        self.tls = .prefer
        self.rootCertificateFile = nil
        self.maximumConnections = 10
        self.connectTimeout = .seconds(10)
        self.leaseTimeout = .seconds(5)
        self.closeTimeout = .seconds(10)
        for item in components.queryItems ?? [] { try apply(item) }
    }

    private static let schemes: Set<String> = ["postgres", "postgresql"]

    private mutating func apply(_ item: URLQueryItem) throws(PostgresStoreError) {
        guard let value = item.value, !value.isEmpty else { throw .invalidURL("parameter \(item.name) has no value") }
        switch item.name {
        case "sslmode":
            guard let mode = TLSMode(rawValue: value) else {
                throw .invalidURL(
                    "sslmode \(value) is not one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            tls = mode
        case "sslrootcert":
            rootCertificateFile = value
        case "schema":
            guard Self.isPlainIdentifier(value) else {
                throw .invalidURL("schema \(value) must be lower-case letters, digits and _ (at most 63, not starting with a digit)")
            }
            schema = value
        case "pool_max":
            guard let count = Int(value), (1...1_000).contains(count) else {
                throw .invalidURL("pool_max \(value) must be a whole number from 1 to 1000")
            }
            maximumConnections = count
        case "connect_timeout":
            guard let seconds = Int(value), (1...3_600).contains(seconds) else {
                throw .invalidURL("connect_timeout \(value) must be a whole number of seconds from 1 to 3600")
            }
            connectTimeout = .seconds(seconds)
        case "lease_timeout":
            guard let seconds = Int(value), (1...3_600).contains(seconds) else {
                throw .invalidURL("lease_timeout \(value) must be a whole number of seconds from 1 to 3600")
            }
            leaseTimeout = .seconds(seconds)
        default:
            throw .invalidURL(
                "unknown parameter \(item.name) (known: sslmode, sslrootcert, schema, pool_max, connect_timeout, lease_timeout)")
        }
    }

    /// A name that needs no quoting in SQL: so it can be written into `CREATE SCHEMA` safely.
    static func isPlainIdentifier(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 63, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    /// `host:port/database` (and the schema): where the store is, without credentials.
    public var location: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(shownHost):\(port)/\(database)" + (schema.map { " schema \($0)" } ?? "")
    }

    /// The PostgresNIO client configuration this describes.
    func clientConfiguration() throws(PostgresStoreError) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: try clientTLS())
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = connectTimeout
        if let schema {
            // A run-time parameter in the start-up message: every pooled connection uses the schema.
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        return configuration
    }

    /// A single connection's configuration, for the probe at start that reports the server's own
    /// refusal (wrong password, no such database) instead of waiting on the pool's retries.
    func probeConfiguration() throws(PostgresStoreError) -> PostgresConnection.Configuration {
        let connectionTLS: PostgresConnection.Configuration.TLS
        switch try tlsSettings() {
        case .none: connectionTLS = .disable
        case .some((let configuration, let required)):
            let context: NIOSSLContext
            do { context = try NIOSSLContext(configuration: configuration) } catch {
                throw .invalidURL("the TLS settings cannot be used: \(error)")
            }
            connectionTLS = required ? .require(context) : .prefer(context)
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: connectionTLS)
        configuration.options.connectTimeout = TimeAmount(connectTimeout)
        return configuration
    }

    private func clientTLS() throws(PostgresStoreError) -> PostgresClient.Configuration.TLS {
        switch try tlsSettings() {
        case .none: .disable
        case .some((let configuration, let required)): required ? .require(configuration) : .prefer(configuration)
        }
    }

    /// The TLS configuration and whether TLS is required; nil when TLS is off.
    private func tlsSettings() throws(PostgresStoreError) -> (TLSConfiguration, Bool)? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tls {
        case .disable:
            return nil
        case .prefer, .require:
            // libpq's meaning: encrypted, but the certificate is not checked (use verify-full for that).
            configuration.certificateVerification = .none
            return (configuration, tls == .require)
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
            if let rootCertificateFile {
                do {
                    configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(rootCertificateFile))
                } catch {
                    throw .invalidURL("sslrootcert \(rootCertificateFile) cannot be read: \(error)")
                }
            }
            return (configuration, true)
        }
    }
}
