import LienthongPluginAPI
import LienthongSchema

/// A refusal, answered as `application/problem+json` (RFC 9457).
///
/// Every problem has a stable `type` (`https://lienthong.vn/problems/<name>`) so clients can act on
/// it without parsing the human-readable `detail`.
public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The last segment of the problem type URI, e.g. `bad-signature`.
    public let name: String
    public let title: String
    public let status: Int
    public let detail: String
    /// Schema violations (422 and 502 for a response outside its schema).
    public let errors: [ValidationError]

    public init(name: String, title: String, status: Int, detail: String, errors: [ValidationError] = []) {
        self.name = name
        self.title = title
        self.status = status
        self.detail = detail
        self.errors = errors
    }

    /// The media type of a problem document.
    public static let mediaType = "application/problem+json"

    /// `https://lienthong.vn/problems/<name>`.
    public var type: String { "https://lienthong.vn/problems/\(name)" }

    public var description: String { "\(status) \(name): \(detail)" }

    /// The problem document.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("type", .string(type)), ("title", .string(title)), ("status", .number(JSONNumber(status))),
            ("detail", .string(detail)),
        ]
        if !errors.isEmpty {
            members.append(("errors", .array(errors.map { error in
                .object(JSONObject([
                    ("instanceLocation", .string(error.instanceLocation)),
                    ("keywordLocation", .string(error.keywordLocation)),
                    ("message", .string(error.message)),
                ]))
            })))
        }
        return .object(JSONObject(members))
    }

    /// The problem document as UTF-8 bytes.
    public var body: [UInt8] { json.serializedBytes() }
}

extension Problem {
    /// 400: the body is not JSON.
    public static func badJSON(_ detail: String) -> Problem {
        Problem(name: "bad-json", title: "The body is not valid JSON", status: 400, detail: detail)
    }

    /// 400: a required `Lienthong-*` header is missing or malformed.
    public static func badHeader(_ detail: String) -> Problem {
        Problem(name: "bad-header", title: "A Lienthong header is missing or malformed", status: 400, detail: detail)
    }

    /// 401: the local client is unknown or gave no credentials.
    public static func unknownClient(_ detail: String) -> Problem {
        Problem(name: "unknown-client", title: "The client is not known", status: 401, detail: detail)
    }

    /// 401: the signature, its certificate chain or its binding to the message failed.
    public static func badSignature(_ detail: String) -> Problem {
        Problem(name: "bad-signature", title: "The message signature is not valid", status: 401, detail: detail)
    }

    /// 403: the caller is known but may not use this service.
    public static func forbidden(_ detail: String) -> Problem {
        Problem(name: "forbidden", title: "Not allowed to use this service", status: 403, detail: detail)
    }

    /// 403: the message is addressed to another agency.
    public static func wrongRecipient(_ detail: String) -> Problem {
        Problem(name: "wrong-recipient", title: "The message is addressed to another agency", status: 403, detail: detail)
    }

    /// 404: no such service here (no schema, no route or no provider).
    public static func unknownService(_ detail: String) -> Problem {
        Problem(name: "unknown-service", title: "The service is not known", status: 404, detail: detail)
    }

    /// 409: the message id was seen before, or `Created` is outside the window.
    public static func replay(_ detail: String) -> Problem {
        Problem(name: "replay", title: "The message is a replay", status: 409, detail: detail)
    }

    /// 413: the body, or its decompressed form, exceeds a limit.
    public static func tooLarge(_ detail: String) -> Problem {
        Problem(name: "too-large", title: "The message is too large", status: 413, detail: detail)
    }

    /// 415: the body is not `application/json`, or its encoding is not supported.
    public static func unsupportedMediaType(_ detail: String) -> Problem {
        Problem(name: "unsupported-media-type", title: "Unsupported media type", status: 415, detail: detail)
    }

    /// 422: the request does not conform to the service's request schema.
    public static func schemaViolation(_ detail: String, errors: [ValidationError]) -> Problem {
        Problem(
            name: "schema-violation", title: "The request does not conform to its schema", status: 422,
            detail: detail, errors: errors)
    }

    /// 502: the provider's answer does not conform to the response schema.
    public static func invalidResponse(_ detail: String, errors: [ValidationError] = []) -> Problem {
        Problem(
            name: "invalid-response", title: "The provider answered outside its schema", status: 502,
            detail: detail, errors: errors)
    }

    /// 502: no peer could be reached, or a peer answered something unusable.
    public static func peerUnavailable(_ detail: String) -> Problem {
        Problem(name: "peer-unavailable", title: "The providing gateway could not be reached", status: 502, detail: detail)
    }

    /// 500: a fault in this gateway (signing, audit); the detail is for operators.
    public static func internalError(_ detail: String) -> Problem {
        Problem(name: "internal-error", title: "The gateway failed", status: 500, detail: detail)
    }

    /// The problem for an adapter failure: `notFound` 404, `rejected` 422, `timeout` 504, others 502.
    public static func upstream(_ error: PluginError) -> Problem {
        switch error {
        case .notFound(let detail):
            Problem(name: "not-found", title: "The national system has no such record", status: 404, detail: detail)
        case .rejected(let detail):
            Problem(name: "upstream-rejected", title: "The national system refused the request", status: 422, detail: detail)
        case .timeout(let detail):
            Problem(name: "upstream-timeout", title: "The national system did not answer in time", status: 504, detail: detail)
        case .unavailable, .badUpstreamResponse, .unsupportedService:
            Problem(
                name: "upstream-failure", title: "The national system failed", status: 502, detail: error.description)
        }
    }
}
