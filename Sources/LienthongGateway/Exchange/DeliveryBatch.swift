import Foundation
import LienthongSchema
import LienthongStore

/// Several asynchronous deliveries to one peer in one request: `POST /exchange/v1/deliveries/batch`.
///
/// Each message is exactly the request it would be on its own (its `Lienthong-*` headers, its JWS,
/// its `Content-Type` and `Content-Encoding`, and its body, base64 in the JSON), and the receiver
/// handles each exactly as it handles `POST /exchange/v1/deliveries`; the answer holds one result
/// per message, in order, each exactly the answer it would get on its own (a signed receipt, or a
/// problem). One request, one TLS record stream and one group commit then carry many messages:
///
///     {"messages": [{"headers": {"Lienthong-Message-Id": "…", …}, "body": "eyJ…"}, …]}
///     {"results":  [{"status": 200, "headers": {…}, "body": "eyJ…"}, {"status": 422, …}, …]}
public enum DeliveryBatch {
    /// The exchange endpoint for batches.
    public static let path = "exchange/v1/deliveries/batch"
    /// The media type of a batch and of its answer.
    public static let mediaType = "application/vnd.lienthong.delivery-batch+json"
    /// The most messages one batch may carry (more is 413).
    public static let maxMessages = 256
    /// About how large a sender lets a batch grow (message bytes, before base64): well under the
    /// default `limits.maxBodyBytes` of 4 MiB, so that a peer with default limits takes it.
    public static let targetBytes = 1 << 20

    /// About what a stored message adds to a batch request.
    public static func estimatedBytes(of message: StoredMessage) -> Int {
        message.payload.count * 4 / 3 + message.jws.utf8.count + 512
    }

    /// Whole-batch answers after which a sender delivers the messages one by one instead: a peer
    /// that does not know batches (404, 405, 415) or takes no batch this large (413).
    public static let fallbackStatuses: Set<Int> = [404, 405, 413, 415]

    /// A batch request's body.
    public static func encode(messages: [HTTPMessage]) -> [UInt8] {
        let items = messages.map { message in
            JSONValue.object(JSONObject([("headers", headers(message.headers)), ("body", .string(base64(message.body)))]))
        }
        return JSONValue.object(JSONObject([("messages", .array(items))])).serializedBytes()
    }

    /// A batch answer's body.
    public static func encode(results: [HTTPAnswer]) -> [UInt8] {
        let items = results.map { answer in
            JSONValue.object(JSONObject([
                ("status", .number(JSONNumber(answer.status))), ("headers", headers(answer.headers)),
                ("body", .string(base64(answer.body))),
            ]))
        }
        return JSONValue.object(JSONObject([("results", .array(items))])).serializedBytes()
    }

    /// The messages of a batch request (400 when malformed, 413 with more than `maxMessages`).
    public static func messages(of body: [UInt8]) throws(Problem) -> [HTTPMessage] {
        let items = try list("messages", in: body, what: "batch")
        guard !items.isEmpty else { throw .badJSON("the batch holds no messages") }
        guard items.count <= maxMessages else {
            throw .tooLarge("the batch holds \(items.count) messages; at most \(maxMessages) are taken")
        }
        var messages: [HTTPMessage] = []
        messages.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let (headers, body) = try fields(of: item, at: "/messages/\(index)")
            messages.append(HTTPMessage(headers: headers, body: body))
        }
        return messages
    }

    /// The results of a batch answer, which must hold exactly `count` of them.
    public static func results(of body: [UInt8], count: Int) throws(Problem) -> [HTTPAnswer] {
        let items = try list("results", in: body, what: "batch answer")
        guard items.count == count else {
            throw .badJSON("the batch answer holds \(items.count) results for \(count) messages")
        }
        var results: [HTTPAnswer] = []
        results.reserveCapacity(count)
        for (index, item) in items.enumerated() {
            guard let status = item[key: "status"]?.asNumber?.intValue, (100...599).contains(status) else {
                throw .badJSON("/results/\(index)/status must be an HTTP status code")
            }
            let (headers, body) = try fields(of: item, at: "/results/\(index)")
            results.append(HTTPAnswer(status: status, headers: headers, body: body))
        }
        return results
    }

    private static func list(_ member: String, in body: [UInt8], what: String) throws(Problem) -> [JSONValue] {
        let document: JSONValue
        do { document = try JSONParser.parse(body) } catch { throw .badJSON("the \(what) is not JSON: \(error)") }
        guard let items = document[key: member]?.asArray else {
            throw .badJSON("the \(what) must be an object with an array \"\(member)\"")
        }
        return items
    }

    private static func fields(of item: JSONValue, at pointer: String) throws(Problem) -> ([(name: String, value: String)], [UInt8]) {
        guard let members = item[key: "headers"]?.asObject else {
            throw .badJSON("\(pointer)/headers must be an object of header names and values")
        }
        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(members.count)
        for (name, value) in members {
            guard let value = value.asString else { throw .badJSON("\(pointer)/headers/\(name) must be a string") }
            headers.append((name, value))
        }
        guard let text = item[key: "body"]?.asString, let body = Data(base64Encoded: text) else {
            throw .badJSON("\(pointer)/body must be the body in base64")
        }
        return (headers, Array(body))
    }

    /// The fields as a JSON object; a repeated name keeps its first value (a JSON object has no
    /// repeated keys, and the exchange's headers are single-valued).
    private static func headers(_ fields: [(name: String, value: String)]) -> JSONValue {
        var seen = Set<String>()
        var members: [(key: String, value: JSONValue)] = []
        members.reserveCapacity(fields.count)
        for field in fields where seen.insert(field.name.lowercased()).inserted {
            members.append((field.name, .string(field.value)))
        }
        return .object(JSONObject(members))
    }

    private static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
