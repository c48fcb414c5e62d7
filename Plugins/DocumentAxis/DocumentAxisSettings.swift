import Foundation
import LienthongPluginAPI
import LienthongSchema

/// The adapter's settings in the gateway configuration, read from the JSON its schema checked.
struct DocumentAxisSettings: Sendable {
    /// The axis gateway's base URL, without a trailing slash.
    let baseURL: String
    /// The bearer token the axis issued to this gateway.
    let token: String
    /// The longest the adapter waits for the axis; a request's own timeout may be shorter.
    let timeout: Duration
    /// How an https axis is verified (`caFile`, or the system's roots).
    let tls: UpstreamTLS

    /// Documents carry attachments of tens of megabytes: a longer default than lookups need.
    static let defaultTimeoutMs = 30_000
    static let maxTimeoutMs = 600_000

    /// JSON Schema of the settings: a base URL, exactly one way to give the token, a timeout.
    static let schema: JSONValue = [
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Settings of the document-axis adapter",
        "type": "object",
        "properties": [
            "baseURL": [
                "description": "Base URL of the national document axis gateway, e.g. https://truclienthong.example.gov.vn",
                "type": "string", "pattern": "^https?://[^\\s/?#]+(/[^\\s?#]*)?$", "maxLength": 2048,
            ],
            "token": ["description": "Bearer token issued by the axis (prefer tokenFile or tokenEnv).", "type": "string", "minLength": 1],
            "tokenFile": ["description": "File holding the bearer token.", "type": "string", "minLength": 1],
            "tokenEnv": ["description": "Environment variable holding the bearer token.", "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"],
            "timeoutMs": [
                "description": "Longest wait for the axis, in milliseconds (default 30000).", "type": "integer", "minimum": 1,
                "maximum": .number(JSONNumber(maxTimeoutMs)),
            ],
            UpstreamTLS.schemaProperty.key: UpstreamTLS.schemaProperty.value,
        ],
        "required": ["baseURL"],
        "oneOf": [["required": ["token"]], ["required": ["tokenFile"]], ["required": ["tokenEnv"]]],
        "additionalProperties": false,
    ]

    /// Reads settings the gateway validated; still refuses what cannot be used, with the reason.
    init(json: JSONValue, environment: [String: String]) throws(PluginConfigurationError) {
        func fail(_ reason: String) -> PluginConfigurationError {
            PluginConfigurationError(plugin: DocumentAxisPluginFactory.pluginID, reason: reason)
        }
        guard var base = json[key: "baseURL"]?.asString, base.hasPrefix("http://") || base.hasPrefix("https://") else {
            throw fail("baseURL must be an http or https URL")
        }
        while base.hasSuffix("/") { base.removeLast() }
        baseURL = base

        let sources = [json[key: "token"], json[key: "tokenFile"], json[key: "tokenEnv"]].compactMap { $0 }
        guard sources.count == 1 else { throw fail("give exactly one of token, tokenFile and tokenEnv") }
        let rawToken: String
        if let token = json[key: "token"]?.asString {
            rawToken = token
        } else if let path = json[key: "tokenFile"]?.asString {
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw fail("cannot read the token file \(path)")
            }
            rawToken = contents
        } else if let name = json[key: "tokenEnv"]?.asString {
            guard let value = environment[name] else { throw fail("environment variable \(name) is not set") }
            rawToken = value
        } else {
            throw fail("token, tokenFile and tokenEnv must be strings")
        }
        // Files and variables often end with a newline; a token never holds whitespace.
        let token = rawToken.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty, token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw fail("the token must be non-empty printable ASCII without spaces")
        }
        self.token = token

        let milliseconds = json[key: "timeoutMs"]?.asNumber?.intValue ?? Self.defaultTimeoutMs
        guard (1...Self.maxTimeoutMs).contains(milliseconds) else {
            throw fail("timeoutMs must be an integer from 1 to \(Self.maxTimeoutMs)")
        }
        timeout = .milliseconds(milliseconds)
        tls = try UpstreamTLS(json, baseURL: base, plugin: DocumentAxisPluginFactory.pluginID)
    }
}
