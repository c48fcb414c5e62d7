import Foundation
import LienthongCore
import LienthongDeclarative
import LienthongSchema
import LienthongStore
import LienthongPluginAPI
import Yams

/// Turns the YAML tree into a `GatewayConfiguration`, reporting each problem through the reader.
/// Returns nil when a required part is missing; the loader then throws every reported issue.
struct ConfigurationParser {
    let reader: YAMLReader
    let environment: [String: String]
    let plugins: PluginRegistry
    let baseDirectory: String

    func parse(_ root: Node) -> GatewayConfiguration? {
        guard let top = reader.mapping(root, path: "") else { return nil }
        let agency = top.value("agency", required: true).flatMap { agencyCode($0, path: "agency") }
        let localAPI = top.mapping("localAPI").map { localListener($0) }
            ?? GatewayConfiguration.Listener(host: "127.0.0.1", port: 8080)
        let exchange = top.mapping("exchange", required: true).flatMap(exchangeListener)
        let peers = top.mapping("peers").map(peerURLs) ?? [:]
        let routes = top.mapping("routes").map { routeTable($0, peers: peers) } ?? [:]
        // `plugins:` holds manifests (declarative adapters) and external plugins; their ids must not
        // collide with each other or with the built-in adapters.
        let pluginsSection = top.mapping("plugins")
        let externalPlugins = pluginsSection.map(externalPluginSection) ?? []
        let pluginSettings = pluginsSection.map {
            manifestSection($0, reservedIDs: Set(plugins.factories.keys).union(externalPlugins.map(\.id)))
        } ?? GatewayConfiguration.PluginSettings()
        pluginsSection?.finish()
        let registry = plugins.adding(manifests: pluginSettings.manifests)
        let services = top.mapping("services").map {
            providedServices($0, registry: registry, externalAdapters: Set(externalPlugins.map(\.id)))
        } ?? [:]
        let limits = top.mapping("limits").map(limitSettings) ?? GatewayConfiguration.Limits()
        let delivery = top.mapping("delivery").map { deliverySettings($0, limits: limits) }
            ?? Self.defaultDelivery(limits: limits)
        let clients = top.mapping("clients").map {
            localClients(
                $0, routes: routes, services: services, received: Set(delivery.receive.keys),
                certificatesAccepted: localAPI.clientCertificates)
        } ?? []
        let dataDirectoryInFile = top.string("dataDirectory")
        let dataDirectory = resolve(environment["LIENTHONG_DATA_DIR"] ?? dataDirectoryInFile ?? "/var/lib/lienthong")
        let schemaDirectories = schemaDirectoryList(top)
        let audit = top.mapping("audit").map(auditSettings) ?? GatewayConfiguration.AuditSettings()
        let store = storeLocation(top)
        top.finish()
        checkSchemas(
            routes: routes, services: services, received: Array(delivery.receive.keys), directories: schemaDirectories,
            manifests: pluginSettings.manifests, at: root)
        guard let agency, let exchange else { return nil }
        return GatewayConfiguration(
            agency: agency, localAPI: localAPI, exchange: exchange, peers: peers, routes: routes, clients: clients,
            services: services, limits: limits, dataDirectory: dataDirectory, schemaDirectories: schemaDirectories,
            audit: audit, plugins: pluginSettings, externalPlugins: externalPlugins, delivery: delivery, store: store)
    }

    // MARK: - Sections

    private func localListener(_ map: MappingReader) -> GatewayConfiguration.Listener {
        let host = map.string("host") ?? "127.0.0.1"
        let port = map.integer("port", in: 0...65535) ?? 8080
        var clientCertificates = false
        if let node = map.value("clientCertificates") {
            if let flag = node.scalar.flatMap({ Bool.construct(from: $0) }) { clientCertificates = flag } else {
                reader.report("expected true or false", at: node, path: YAMLReader.path(map.path, "clientCertificates"))
            }
        }
        map.finish()
        return GatewayConfiguration.Listener(host: host, port: port, clientCertificates: clientCertificates)
    }

    private func exchangeListener(_ map: MappingReader) -> GatewayConfiguration.ExchangeListener? {
        let host = map.string("host") ?? "0.0.0.0"
        let port = map.integer("port", in: 0...65535) ?? 8443
        let chain = existingFile(environment["LIENTHONG_TLS_CERTIFICATE_CHAIN"], map, "certificateChain")
        let key = existingFile(environment["LIENTHONG_TLS_PRIVATE_KEY"], map, "privateKey")
        var passphrase = environment["LIENTHONG_TLS_KEY_PASSPHRASE"]
        if let passphraseFile = existingFile(nil, map, "keyPassphraseFile", required: false), passphrase == nil {
            do {
                passphrase = try String(contentsOfFile: passphraseFile, encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                reader.report("cannot be read: \(error.localizedDescription)", at: map.value("keyPassphraseFile"),
                              path: YAMLReader.path(map.path, "keyPassphraseFile"))
            }
        }
        var trusted: [String] = []
        if let fromEnvironment = environment["LIENTHONG_TRUSTED_CA_FILES"] {
            _ = map.value("trustedCAs")
            for path in fromEnvironment.split(separator: ":").map(String.init) {
                let resolved = resolve(path)
                if FileManager.default.fileExists(atPath: resolved) { trusted.append(resolved) } else {
                    reader.report("file \(resolved) (from LIENTHONG_TRUSTED_CA_FILES) does not exist", at: nil,
                                  path: YAMLReader.path(map.path, "trustedCAs"))
                }
            }
        } else if let items = map.strings("trustedCAs") {
            for item in items {
                let resolved = resolve(item.text)
                if FileManager.default.fileExists(atPath: resolved) { trusted.append(resolved) } else {
                    reader.report("file \(resolved) does not exist", at: item.node, path: YAMLReader.path(map.path, "trustedCAs"))
                }
            }
        }
        if trusted.isEmpty && environment["LIENTHONG_TRUSTED_CA_FILES"] == nil && map.value("trustedCAs") == nil {
            reader.report("missing required setting \"trustedCAs\" (mTLS needs the CAs peers chain to)", at: map.node,
                          path: map.path)
        }
        let outboundHTTP2 = map.boolean("outboundHTTP2") ?? true
        var signerCertificate = GatewayConfiguration.SignerCertificate.thumbprint
        if let node = map.value("signerCertificate"), let text = reader.string(node, path: YAMLReader.path(map.path, "signerCertificate")) {
            if let choice = GatewayConfiguration.SignerCertificate(rawValue: text) { signerCertificate = choice } else {
                reader.report("expected thumbprint or chain, found \"\(text)\"", at: node, path: YAMLReader.path(map.path, "signerCertificate"))
            }
        }
        map.finish()
        guard let chain, let key else { return nil }
        return GatewayConfiguration.ExchangeListener(
            listener: GatewayConfiguration.Listener(host: host, port: port), certificateChainFile: chain,
            privateKeyFile: key, keyPassphrase: passphrase, trustedCAFiles: trusted, outboundHTTP2: outboundHTTP2,
            signerCertificate: signerCertificate)
    }

    private func peerURLs(_ map: MappingReader) -> [AgencyCode: [URL]] {
        var peers: [AgencyCode: [URL]] = [:]
        for entry in map.entries {
            let path = YAMLReader.path(map.path, entry.key)
            guard let agency = agencyCode(entry.keyNode, path: path) else { continue }
            let nodes: [Node]
            if case .scalar = entry.value { nodes = [entry.value] } else {
                guard let list = reader.sequence(entry.value, path: path) else { continue }
                nodes = list
            }
            var urls: [URL] = []
            for node in nodes {
                guard let text = reader.string(node, path: path) else { continue }
                guard let url = URL(string: text), url.scheme == "https", url.host != nil else {
                    reader.report("\"\(text)\" is not an https:// URL", at: node, path: path)
                    continue
                }
                urls.append(url)
            }
            if urls.isEmpty && !nodes.isEmpty { continue }
            if urls.isEmpty { reader.report("a peer needs at least one URL", at: entry.value, path: path) }
            peers[agency] = urls
        }
        return peers
    }

    private func routeTable(_ map: MappingReader, peers: [AgencyCode: [URL]]) -> [ServiceID: AgencyCode] {
        var routes: [ServiceID: AgencyCode] = [:]
        for entry in map.entries {
            let path = YAMLReader.path(map.path, entry.key)
            guard let service = serviceID(entry.keyNode, path: path),
                  let agency = agencyCode(entry.value, path: path)
            else { continue }
            if peers[agency] == nil {
                reader.report("routes to \(agency), which has no entry under peers", at: entry.value, path: path)
            }
            routes[service] = agency
        }
        return routes
    }

    /// `registry`: built-in and manifest adapters. `externalAdapters`: ids of external plugins,
    /// whose services and settings are checked against their descriptor when they start (there is
    /// no descriptor before).
    private func providedServices(
        _ map: MappingReader, registry: PluginRegistry, externalAdapters: Set<String>
    ) -> [ServiceID: GatewayConfiguration.ProvidedService] {
        var services: [ServiceID: GatewayConfiguration.ProvidedService] = [:]
        for entry in map.entries {
            let path = YAMLReader.path(map.path, entry.key)
            let service = serviceID(entry.keyNode, path: path)
            guard let settingsMap = reader.mapping(entry.value, path: path) else { continue }
            let adapterNode = settingsMap.value("adapter", required: true)
            let adapter = adapterNode.flatMap { reader.string($0, path: YAMLReader.path(path, "adapter")) }
            let settingsNode = settingsMap.value("settings")
            let settings = settingsNode.map {
                YAMLJSONConversion.json(from: $0, reader: reader, path: YAMLReader.path(path, "settings"))
            } ?? .object(JSONObject())
            let allowed = allowedAgencies(settingsMap, path: path)
            settingsMap.finish()
            guard let service, let adapter else { continue }
            if externalAdapters.contains(adapter) {
                services[service] = GatewayConfiguration.ProvidedService(adapter: adapter, settings: settings, allowedAgencies: allowed)
                continue
            }
            guard let factory = registry.factory(id: adapter) else {
                let known = (Array(registry.factories.keys) + externalAdapters).sorted()
                reader.report(
                    "no adapter \"\(adapter)\" (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))",
                    at: adapterNode, path: YAMLReader.path(path, "adapter"))
                continue
            }
            if !factory.descriptor.services.contains(where: { $0.service == service }) {
                reader.report("adapter \"\(adapter)\" does not provide \(service)", at: adapterNode,
                              path: YAMLReader.path(path, "adapter"))
            }
            checkSettings(settings, of: factory.descriptor, at: settingsNode ?? entry.value, path: YAMLReader.path(path, "settings"))
            services[service] = GatewayConfiguration.ProvidedService(adapter: adapter, settings: settings, allowedAgencies: allowed)
        }
        return services
    }

    /// `allowedAgencies: all` or a list of agency codes; missing means all.
    private func allowedAgencies(_ map: MappingReader, path: String) -> Set<AgencyCode>? {
        guard let node = map.value("allowedAgencies") else { return nil }
        let itemPath = YAMLReader.path(path, "allowedAgencies")
        if case .scalar(let scalar) = node {
            if scalar.string == "all" { return nil }
            reader.report("expected \"all\" or a list of agency codes", at: node, path: itemPath)
            return []
        }
        guard let items = reader.sequence(node, path: itemPath) else { return [] }
        return Set(items.compactMap { agencyCode($0, path: itemPath) })
    }

    private func localClients(
        _ map: MappingReader, routes: [ServiceID: AgencyCode], services: [ServiceID: GatewayConfiguration.ProvidedService],
        received: Set<ServiceID>, certificatesAccepted: Bool
    ) -> [GatewayConfiguration.LocalClient] {
        var clients: [GatewayConfiguration.LocalClient] = []
        for entry in map.entries {
            let path = YAMLReader.path(map.path, entry.key)
            guard let client = reader.mapping(entry.value, path: path) else { continue }
            let variable = Self.apiKeyVariable(forClient: entry.key)
            let certificateAgency = client.value("certificateAgency").flatMap {
                agencyCode($0, path: YAMLReader.path(path, "certificateAgency"))
            }
            if certificateAgency != nil && !certificatesAccepted {
                reader.report("needs localAPI.clientCertificates: true (the local API does not ask for certificates)",
                              at: client.value("certificateAgency"), path: YAMLReader.path(path, "certificateAgency"))
            }
            let hashNode = client.value("apiKeySHA256")
            let hashText = environment[variable] ?? hashNode.flatMap { reader.string($0, path: YAMLReader.path(path, "apiKeySHA256")) }
            var allowed: Set<ServiceID> = []
            if let serviceNodes = client.value("services").flatMap({ reader.sequence($0, path: YAMLReader.path(path, "services")) }) {
                for node in serviceNodes {
                    guard let service = serviceID(node, path: YAMLReader.path(path, "services")) else { continue }
                    if routes[service] == nil && services[service] == nil && !received.contains(service) {
                        reader.report(
                            "\(service) is neither routed (routes), provided (services) nor received (delivery.receive)", at: node,
                                      path: YAMLReader.path(path, "services"))
                    }
                    allowed.insert(service)
                }
            }
            client.finish()
            guard let hashText else {
                if let certificateAgency {
                    clients.append(GatewayConfiguration.LocalClient(
                        name: entry.key, certificateAgency: certificateAgency, allowedServices: allowed))
                } else if client.value("certificateAgency") == nil {
                    reader.report(
                        "missing apiKeySHA256 (or the environment variable \(variable)) or certificateAgency",
                        at: entry.value, path: path)
                }
                continue
            }
            guard let hash = Hex.decode(hashText), hash.count == 32 else {
                reader.report("must be 64 hexadecimal digits (the SHA-256 of the key)",
                              at: environment[variable] == nil ? hashNode : nil, path: YAMLReader.path(path, "apiKeySHA256"))
                continue
            }
            clients.append(GatewayConfiguration.LocalClient(
                name: entry.key, apiKeySHA256: hash, certificateAgency: certificateAgency, allowedServices: allowed))
        }
        return clients
    }

    private func limitSettings(_ map: MappingReader) -> GatewayConfiguration.Limits {
        var limits = GatewayConfiguration.Limits()
        if let value = map.integer("maxBodyBytes", in: 1...(1 << 30)) { limits.maxBodyBytes = value }
        if let value = map.integer("maxDecompressedBytes", in: 1...(1 << 31)) { limits.maxDecompressedBytes = value }
        if let value = map.integer("replayWindowSeconds", in: 1...86_400) { limits.replayWindowSeconds = value }
        if let value = map.integer("requestTimeoutSeconds", in: 1...3600) { limits.requestTimeoutSeconds = value }
        if let value = map.integer("upstreamTimeoutSeconds", in: 1...3600) { limits.upstreamTimeoutSeconds = value }
        if let value = map.integer("compressionThresholdBytes", in: 0...(1 << 30)) { limits.compressionThresholdBytes = value }
        map.finish()
        return limits
    }

    private func auditSettings(_ map: MappingReader) -> GatewayConfiguration.AuditSettings {
        var settings = GatewayConfiguration.AuditSettings()
        if let node = map.value("payloadRetention"), let retention = retention(node, path: YAMLReader.path(map.path, "payloadRetention")) {
            settings.defaultRetention = retention
        }
        if let services = map.mapping("services") {
            for entry in services.entries {
                let path = YAMLReader.path(services.path, entry.key)
                guard let service = serviceID(entry.keyNode, path: path), let value = retention(entry.value, path: path) else { continue }
                settings.retentionByService[service] = value
            }
        }
        map.finish()
        return settings
    }

    private func schemaDirectoryList(_ top: MappingReader) -> [String] {
        guard let items = top.strings("schemaDirectories") else { return [] }
        var directories: [String] = []
        for item in items {
            let resolved = resolve(item.text)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), isDirectory.boolValue {
                directories.append(resolved)
            } else {
                reader.report("directory \(resolved) does not exist", at: item.node, path: "schemaDirectories")
            }
        }
        return directories
    }

    // MARK: - Cross-checks

    /// Every routed or provided service needs request and response schemas.
    private func checkSchemas(
        routes: [ServiceID: AgencyCode], services: [ServiceID: GatewayConfiguration.ProvidedService],
        received: [ServiceID], directories: [String], manifests: [AdapterManifest], at root: Node
    ) {
        let catalog: SchemaCatalog
        do {
            catalog = try SchemaCatalog.load(
                directories: directories.map { URL(fileURLWithPath: $0) }, fileSets: manifests.map(\.schemaFileSet))
        } catch {
            reader.report("schemas: \(error)", at: root, path: manifests.isEmpty ? "schemaDirectories" : "schemaDirectories, plugins.manifests")
            return
        }
        for mismatch in manifests.flatMap({ $0.catalogMismatches(in: catalog) }) {
            reader.report(mismatch, at: root["plugins"]?["manifests"], path: "plugins.manifests")
        }
        for service in Set(routes.keys).union(services.keys).union(received).sorted()
        where catalog.schemas(forService: service.rawValue) == nil {
            let section = routes[service] != nil ? "routes" : services[service] != nil ? "services" : "delivery.receive"
            let node = section == "delivery.receive" ? root["delivery"]?["receive"]?[service.rawValue] : root[section]?[service.rawValue]
            reader.report("no request/response schemas for \(service) in the bundled schemas or schemaDirectories",
                          at: node, path: YAMLReader.path(section, service.rawValue))
        }
    }

    private func checkSettings(_ settings: JSONValue, of descriptor: PluginDescriptor, at node: Node, path: String) {
        let validator: JSONSchemaValidator
        do { validator = try JSONSchemaValidator(schema: descriptor.settingsSchema) } catch {
            reader.report("adapter \(descriptor.id) has an unusable settings schema: \(error)", at: node, path: path)
            return
        }
        for error in validator.validate(settings).errors {
            // Point at the offending value itself when the YAML has it.
            let located = YAMLPointer.node(at: error.instanceLocation, in: node) ?? node
            let prefix = error.instanceLocation.isEmpty ? "" : error.instanceLocation + ": "
            reader.report(prefix + error.message, at: located, path: path)
        }
    }

    // MARK: - Values

    func agencyCode(_ node: Node, path: String) -> AgencyCode? {
        guard let text = reader.string(node, path: path) else { return nil }
        do { return try AgencyCode(parsing: text) } catch {
            reader.report("not an agency code: \(error.reason)", at: node, path: path)
            return nil
        }
    }

    func serviceID(_ node: Node, path: String) -> ServiceID? {
        guard let text = reader.string(node, path: path) else { return nil }
        do { return try ServiceID(parsing: text) } catch {
            reader.report("not a service id: \(error.reason)", at: node, path: path)
            return nil
        }
    }

    private func retention(_ node: Node, path: String) -> PayloadRetention? {
        guard let text = reader.string(node, path: path) else { return nil }
        guard let value = PayloadRetention(rawValue: text) else {
            reader.report("expected full, metadata or none, found \"\(text)\"", at: node, path: path)
            return nil
        }
        return value
    }

    /// A file setting (or its environment override) that must exist; the resolved path.
    private func existingFile(_ override: String?, _ map: MappingReader, _ key: String, required: Bool = true) -> String? {
        let node = map.value(key)
        let text = override ?? node.flatMap { reader.string($0, path: YAMLReader.path(map.path, key)) }
        guard let text else {
            if required { reader.report("missing required setting \"\(key)\"", at: map.node, path: map.path) }
            return nil
        }
        let resolved = resolve(text)
        guard FileManager.default.fileExists(atPath: resolved) else {
            reader.report("file \(resolved) does not exist", at: override == nil ? node : nil, path: YAMLReader.path(map.path, key))
            return nil
        }
        return resolved
    }

    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).path
    }

    /// `LIENTHONG_CLIENT_<NAME>_API_KEY_SHA256` for a client name.
    static func apiKeyVariable(forClient name: String) -> String {
        let upper = name.uppercased().unicodeScalars.map { scalar -> String in
            (("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)) ? String(scalar) : "_"
        }.joined()
        return "LIENTHONG_CLIENT_\(upper)_API_KEY_SHA256"
    }
}

