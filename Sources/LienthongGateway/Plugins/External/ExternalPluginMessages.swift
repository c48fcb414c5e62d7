import LienthongCore
import LienthongPluginAPI
import LienthongSchema

/// The JSON bodies of `POST /handle` (protocol version 1).
///
/// Request, from the gateway:
///
///     {"protocol": 1, "service": "socialinsurance.participant.lookup/v1", "messageId": "0192…",
///      "from": "000.00.00.H41", "to": "000.00.00.G12", "timeoutMs": 20000,
///      "settings": {…the service's settings from the gateway configuration…}, "payload": {…}}
///
/// Answer, from the plugin: `{"payload": {…}}` with status 200, or, with any status,
/// `{"error": {"type": "not-found" | "rejected" | "timeout" | "unavailable" | "bad-upstream-response",
/// "detail": "…"}}`, which maps onto `PluginError` (404, 422, 504, 502, 502).
enum ExternalPluginMessages {
    /// The `POST /handle` body for `request`, with the service's `settings`.
    static func handleRequest(_ request: PluginRequest, settings: JSONValue, timeout: Duration) -> [UInt8] {
        JSONValue.object(JSONObject([
            ("protocol", .number(JSONNumber(PluginHandshake.supportedVersion))),
            ("service", .string(request.service.rawValue)),
            ("messageId", .string(request.messageID.rawValue)),
            ("from", .string(request.from.rawValue)),
            ("to", .string(request.to.rawValue)),
            ("timeoutMs", .number(JSONNumber(milliseconds(timeout)))),
            ("settings", settings),
            ("payload", request.payload),
        ])).serializedBytes()
    }

    /// The plugin's answer to `POST /handle`: its payload, or the error it reports, or
    /// `badUpstreamResponse` naming what is wrong with the answer.
    static func handleAnswer(status: Int, body: [UInt8], plugin: String) -> Result<PluginResponse, PluginError> {
        let json: JSONValue
        do { json = try JSONParser.parse(body) } catch {
            let kind = body.isEmpty ? "an empty body" : "invalid JSON (\(error))"
            return .failure(.badUpstreamResponse("external plugin \(plugin) answered HTTP \(status) with \(kind)"))
        }
        guard let object = json.asObject else {
            return .failure(.badUpstreamResponse("external plugin \(plugin) answered a JSON \(json.typeName), not an object"))
        }
        if let error = object["error"] {
            return .failure(pluginError(error, plugin: plugin))
        }
        guard status == 200 else {
            return .failure(.badUpstreamResponse("external plugin \(plugin) answered HTTP \(status) without an \"error\" object"))
        }
        guard let payload = object["payload"] else {
            return .failure(.badUpstreamResponse("external plugin \(plugin) answered without \"payload\" or \"error\""))
        }
        return .success(PluginResponse(payload: payload))
    }

    private static func pluginError(_ error: JSONValue, plugin: String) -> PluginError {
        guard let object = error.asObject, let type = object["type"]?.asString else {
            return .badUpstreamResponse("external plugin \(plugin) answered an \"error\" without a \"type\" string")
        }
        let detail = object["detail"]?.asString ?? "no detail given"
        switch type {
        case "not-found": return .notFound(detail)
        case "rejected": return .rejected(detail)
        case "timeout": return .timeout("external plugin \(plugin): \(detail)")
        case "unavailable": return .unavailable("external plugin \(plugin): \(detail)")
        case "bad-upstream-response": return .badUpstreamResponse("external plugin \(plugin): \(detail)")
        default:
            return .badUpstreamResponse(
                "external plugin \(plugin) answered an unknown error type \"\(PluginHandshake.excerpt(type))\" "
                    + "(known: not-found, rejected, timeout, unavailable, bad-upstream-response)")
        }
    }

    /// `duration` in whole milliseconds (rounded down, at least 1).
    static func milliseconds(_ duration: Duration) -> Int {
        let components = duration.components
        return max(1, Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000))
    }
}
