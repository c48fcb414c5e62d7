import Foundation
import LienthongJSON
import LienthongPluginAPI

/// Makes the plugin of one manifest, configured with a service's settings (`baseURL`, `timeoutMs`,
/// `caFile`) and the secrets the manifest names, read now.
public struct DeclarativeAdapterFactory: LienthongPluginFactory {
    public let manifest: AdapterManifest
    /// Where `env:` secrets are read (the process environment outside tests).
    public let processEnvironment: [String: String]

    public init(manifest: AdapterManifest, processEnvironment: [String: String] = ProcessInfo.processInfo.environment) {
        self.manifest = manifest
        self.processEnvironment = processEnvironment
    }

    public var descriptor: PluginDescriptor { manifest.descriptor }

    public func make(settings: JSONValue, environment: PluginEnvironment) throws(PluginConfigurationError) -> any LienthongPlugin {
        let overrides = try DeclarativeSettings(settings, plugin: manifest.id)
        let baseURL = overrides.baseURL ?? manifest.upstream.baseURL
        let tls = try DeclarativeSettings.tls(settings, baseURL: baseURL, plugin: manifest.id)
        let secrets = try SecretLoader(plugin: manifest.id, environment: processEnvironment).load(manifest.secrets)
        return DeclarativePlugin(
            manifest: manifest, baseURL: baseURL, tls: tls, attemptTimeout: overrides.timeout, secrets: secrets,
            environment: environment)
    }
}
