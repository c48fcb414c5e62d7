import Foundation
import LienthongCore
import Yams

extension ConfigurationParser {
    /// The `delivery:` section (see `GatewayConfiguration.DeliverySettings`).
    func deliverySettings(_ map: MappingReader, limits: GatewayConfiguration.Limits) -> GatewayConfiguration.DeliverySettings {
        var settings = Self.defaultDelivery(limits: limits)
        if let value = map.integer("maxAttempts", in: 1...10_000) { settings.maxAttempts = value }
        if let value = map.integer("maxAgeSeconds", in: 1...(366 * 86_400)) { settings.maxAgeSeconds = value }
        if let value = map.integer("initialBackoffMilliseconds", in: 1...3_600_000) { settings.initialBackoffMilliseconds = value }
        if let value = map.integer("maxBackoffSeconds", in: 1...86_400) { settings.maxBackoffSeconds = value }
        if let value = map.integer("perPeerConcurrency", in: 1...1_024) { settings.perPeerConcurrency = value }
        if let value = map.integer("concurrency", in: 1...4_096) { settings.concurrency = value }
        if let value = map.integer("batchSize", in: 1...DeliveryBatch.maxMessages) { settings.batchSize = value }
        let leaseNode = map.value("leaseSeconds")
        if let value = map.integer("leaseSeconds", in: 1...86_400) {
            settings.leaseSeconds = value
            // A lease shorter than one send would let a second replica send while the first waits.
            if value <= limits.requestTimeoutSeconds {
                reader.report(
                    "must be longer than limits.requestTimeoutSeconds (\(limits.requestTimeoutSeconds))", at: leaseNode,
                    path: YAMLReader.path(map.path, "leaseSeconds"))
            }
        }
        if let value = map.integer("pollMilliseconds", in: 10...60_000) { settings.pollMilliseconds = value }
        if let receive = map.mapping("receive") {
            for entry in receive.entries {
                let path = YAMLReader.path(receive.path, entry.key)
                guard let service = serviceID(entry.keyNode, path: path) else { continue }
                settings.receive[service] = receivingAgencies(entry.value, path: path)
            }
        }
        if let webhook = map.mapping("webhook") { settings.webhook = webhookSettings(webhook) }
        map.finish()
        return settings
    }

    /// The defaults, with a lease that outlasts one send whatever the request timeout.
    static func defaultDelivery(limits: GatewayConfiguration.Limits) -> GatewayConfiguration.DeliverySettings {
        var settings = GatewayConfiguration.DeliverySettings()
        settings.leaseSeconds = max(settings.leaseSeconds, 2 * limits.requestTimeoutSeconds)
        return settings
    }

    /// `all` or a list of agency codes.
    private func receivingAgencies(_ node: Node, path: String) -> Set<AgencyCode>? {
        if case .scalar(let scalar) = node {
            if scalar.string == "all" { return nil }
            reader.report("expected \"all\" or a list of agency codes", at: node, path: path)
            return []
        }
        guard let items = reader.sequence(node, path: path) else { return [] }
        return Set(items.compactMap { agencyCode($0, path: path) })
    }

    private func webhookSettings(_ map: MappingReader) -> GatewayConfiguration.DeliverySettings.Webhook? {
        let urlNode = map.value("url", required: true)
        let timeout = map.integer("timeoutSeconds", in: 1...3_600) ?? 10
        map.finish()
        guard let urlNode, let text = reader.string(urlNode, path: YAMLReader.path(map.path, "url")) else { return nil }
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            reader.report("\"\(text)\" is not an http:// or https:// URL", at: urlNode, path: YAMLReader.path(map.path, "url"))
            return nil
        }
        return GatewayConfiguration.DeliverySettings.Webhook(url: url, timeoutSeconds: timeout)
    }
}
