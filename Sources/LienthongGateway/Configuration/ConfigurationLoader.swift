import Foundation
import LienthongCore
import LienthongSchema
import LienthongStore
import Yams

/// Reads a gateway configuration from YAML, applies environment overrides and cross-checks it.
///
/// Every problem is reported with its file:line:column and setting path, all at once: unknown keys
/// (typos), wrong types, invalid ids, routes to agencies without a peer, clients allowed services
/// that are neither routed nor provided, unknown adapters, adapter settings that fail the
/// adapter's settings schema, and files that do not exist.
///
/// Environment variables (they win over the file):
/// - `LIENTHONG_DATA_DIR`: `dataDirectory`
/// - `LIENTHONG_TLS_CERTIFICATE_CHAIN`, `LIENTHONG_TLS_PRIVATE_KEY`: `exchange.certificateChain`, `exchange.privateKey`
/// - `LIENTHONG_TLS_KEY_PASSPHRASE`: the private key's passphrase (else `exchange.keyPassphraseFile`)
/// - `LIENTHONG_TRUSTED_CA_FILES`: `exchange.trustedCAs`, colon-separated
/// - `LIENTHONG_CLIENT_<NAME>_API_KEY_SHA256`: a client's `apiKeySHA256`; NAME is the client name
///   in upper case with every character other than A-Z and 0-9 replaced by `_`
public struct ConfigurationLoader: Sendable {
    public let environment: [String: String]
    public let plugins: PluginRegistry

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, plugins: PluginRegistry = .builtIn) {
        self.environment = environment
        self.plugins = plugins
    }

    /// Loads the configuration file at `path`; relative paths inside it are relative to its directory.
    public func load(file path: String) throws(ConfigurationError) -> GatewayConfiguration {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigurationError(issues: [ConfigurationIssue(
                file: path, line: nil, column: nil, path: "", message: "cannot be read: \(error.localizedDescription)")])
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try load(yaml: text, file: path, baseDirectory: directory)
    }

    /// Loads a configuration from YAML text; `file` names it in messages.
    public func load(yaml: String, file: String, baseDirectory: String) throws(ConfigurationError) -> GatewayConfiguration {
        let reader = YAMLReader(file: file)
        let root = try YAMLDocument.compose(yaml, file: file)
        let parser = ConfigurationParser(reader: reader, environment: environment, plugins: plugins, baseDirectory: baseDirectory)
        let configuration = parser.parse(root)
        guard reader.issues.isEmpty, let configuration else {
            throw ConfigurationError(issues: reader.issues)
        }
        return configuration
    }
}
