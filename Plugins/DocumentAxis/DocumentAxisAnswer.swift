import LienthongPluginAPI
import LienthongSchema

/// Maps the axis' HTTP answer to a response payload or a `PluginError`.
///
/// The axis answers JSON: `{"status":"OK","DocId":…}` when it accepts a document,
/// `{"status":"OK"}` for a status message, and `{"status":"FAIL","ErrorCode":…,"ErrorDesc":…}`.
/// A FAIL with HTTP 200 is a business outcome (unknown recipient, unknown document) and becomes the
/// FAIL payload the response schema allows; a 400 or 422 means the message itself was refused as
/// invalid and becomes `.rejected`.
enum DocumentAxisAnswer {
    static func payload(status: UInt, body: [UInt8], expectsDocID: Bool) throws(PluginError) -> JSONValue {
        switch status {
        case 200:
            return try acknowledgement(body, expectsDocID: expectsDocID)
        case 400, 413, 422:
            throw .rejected(refusalReason(body) ?? "HTTP \(status)")
        case 401, 403:
            throw .unavailable("the axis refused the gateway's credentials (HTTP \(status)); check the adapter's token")
        case 404, 405:
            throw .unavailable("the axis has no such endpoint (HTTP \(status)); check the adapter's baseURL")
        case 500...599:
            throw .unavailable("the axis answered HTTP \(status)\(refusalReason(body).map { ": \($0)" } ?? "")")
        default:
            throw .badUpstreamResponse("unexpected HTTP status \(status)")
        }
    }

    private static func acknowledgement(_ body: [UInt8], expectsDocID: Bool) throws(PluginError) -> JSONValue {
        let json: JSONValue
        do { json = try JSONParser.parse(body) } catch {
            throw .badUpstreamResponse("the acknowledgement is not JSON: \(error)")
        }
        switch json[key: "status"]?.asString {
        case "OK":
            guard expectsDocID else { return ["status": "OK"] }
            guard let docID = json[key: "DocId"]?.asString, (1...100).contains(docID.count) else {
                throw .badUpstreamResponse("the acknowledgement says OK but has no DocId of 1 to 100 characters")
            }
            return ["status": "OK", "DocId": .string(docID)]
        case "FAIL":
            guard let code = json[key: "ErrorCode"]?.asString, (1...50).contains(code.count),
                  let description = json[key: "ErrorDesc"]?.asString, (1...2000).contains(description.count)
            else {
                throw .badUpstreamResponse("the acknowledgement says FAIL without an ErrorCode and ErrorDesc within bounds")
            }
            return ["status": "FAIL", "ErrorCode": .string(code), "ErrorDesc": .string(description)]
        default:
            throw .badUpstreamResponse("the acknowledgement's status is neither OK nor FAIL")
        }
    }

    /// "ErrorCode: ErrorDesc" from a FAIL body, when the body is one.
    private static func refusalReason(_ body: [UInt8]) -> String? {
        guard let json = try? JSONParser.parse(body),
              let code = json[key: "ErrorCode"]?.asString,
              let description = json[key: "ErrorDesc"]?.asString
        else { return nil }
        return "\(code): \(description)"
    }
}
