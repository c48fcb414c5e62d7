import Foundation

/// The YAML configurations of the two gateways, written as an operator would (the layout of
/// `deploy/*.yaml`): the ministry G01 provides the six services through the built-in adapters
/// pointing at the mocks; the province H41 routes them to the ministry.
enum GatewayConfigurationFiles {
    /// The six services, the adapter of each and the mock it calls.
    static let services: [(service: String, adapter: String, mock: String)] = [
        ("population.citizen.lookup/v1", "population", "population"),
        ("population.citizen.verify/v1", "population", "population"),
        ("land.parcel.lookup/v1", "land", "land"),
        ("business.enterprise.lookup/v1", "business-registry", "business"),
        ("document.edoc.send/v1", "document-axis", "document-axis"),
        ("document.status.update/v1", "document-axis", "document-axis"),
    ]

    /// Each adapter's settings besides `baseURL` (the mocks' development credentials, from
    /// docs/NATIONAL-SYSTEMS.md).
    static func adapterSettings(_ adapter: String) -> [String] {
        switch adapter {
        case "population": ["clientId: lienthong-dev", "clientSecret: \"c06-dev-secret\""]
        case "land": ["apiKey: \"land-dev-key\""]
        // A short upstream timeout, so that a slow registry turns into a 504 quickly.
        case "business-registry": ["token: \"ngsp-dev-token\"", "timeoutMs: \(businessTimeoutMs)"]
        default: ["token: \"dev-document-axis-token\""]
        }
    }

    static let businessTimeoutMs = 3_000

    /// Limits shared by both gateways: small enough that a decompression bomb is cheap to send.
    static let maxDecompressedBytes = 1 << 20

    struct Listen {
        let localPort: Int
        let exchangePort: Int
        let dataDirectory: URL
    }

    static func ministry(
        _ listen: Listen, pki: DevelopmentPKI, mockURLs: [String: String], upstreamCAFile: URL?, requestTimeoutSeconds: Int = 30
    ) -> String {
        var services = ""
        for entry in Self.services {
            let baseURL = mockURLs[entry.mock] ?? "http://127.0.0.1:9"
            var settings = ["baseURL: \(quoted(baseURL))"] + adapterSettings(entry.adapter)
            if baseURL.hasPrefix("https://"), let upstreamCAFile { settings.append("caFile: \(quoted(upstreamCAFile.path))") }
            services += "  \(quoted(entry.service)):\n    adapter: \(entry.adapter)\n    settings:\n"
            services += settings.map { "      \($0)\n" }.joined()
            services += "    allowedAgencies: all\n"
        }
        return header(DevelopmentPKI.ministry, listen, identity: pki.ministry, pki: pki) + """
            peers: {}
            routes: {}
            clients: {}
            services:

            """ + services + limits(requestTimeoutSeconds: requestTimeoutSeconds)
    }

    /// The province: `apiKeySHA256` for the client allowed every service, `limitedKeySHA256`
    /// for one allowed only the citizen verification.
    static func province(
        _ listen: Listen, pki: DevelopmentPKI, ministryExchangePort: Int, apiKeySHA256: String, limitedKeySHA256: String,
        requestTimeoutSeconds: Int = 30
    ) -> String {
        let routes = services.map { "  \(quoted($0.service)): \(DevelopmentPKI.ministry)\n" }.joined()
        let allowed = services.map { "      - \(quoted($0.service))\n" }.joined()
        return header(DevelopmentPKI.province, listen, identity: pki.province, pki: pki) + """
            peers:
              \(DevelopmentPKI.ministry):
                - \(quoted("https://127.0.0.1:\(ministryExchangePort)"))
            routes:
            \(routes)clients:
              portal:
                apiKeySHA256: \(apiKeySHA256)
                services:
            \(allowed)  verify-only:
                apiKeySHA256: \(limitedKeySHA256)
                services:
                  - "population.citizen.verify/v1"
            services: {}

            """ + limits(requestTimeoutSeconds: requestTimeoutSeconds)
    }

    private static func header(_ agency: String, _ listen: Listen, identity: DevelopmentPKI.Identity, pki: DevelopmentPKI) -> String {
        """
        agency: \(agency)
        dataDirectory: \(quoted(listen.dataDirectory.path))
        localAPI:
          host: 127.0.0.1
          port: \(listen.localPort)
        exchange:
          host: 127.0.0.1
          port: \(listen.exchangePort)
          certificateChain: \(quoted(identity.chain.path))
          privateKey: \(quoted(identity.key.path))
          trustedCAs:
            - \(quoted(pki.exchangeCA.path))

        """
    }

    /// Small messages travel plain, citizen records (a few hundred bytes) gzip-compressed. The
    /// delivery proofs shorten the request timeout, which bounds their lease.
    private static func limits(requestTimeoutSeconds: Int) -> String {
        """
        limits:
          maxBodyBytes: 4194304
          maxDecompressedBytes: \(maxDecompressedBytes)
          replayWindowSeconds: 300
          requestTimeoutSeconds: \(requestTimeoutSeconds)
          upstreamTimeoutSeconds: 20
          compressionThresholdBytes: 256
        schemaDirectories: []
        audit:
          payloadRetention: metadata

        """
    }

    /// A YAML double-quoted scalar (paths may hold spaces or colons).
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
