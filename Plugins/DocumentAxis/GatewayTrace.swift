import Foundation
import LienthongCore
import LienthongSchema

/// Adds this gateway to a document's trace. Every system a document passes through appends a
/// TraceHeader with its agency code and the time it handled the message (QCVN 102
/// TraceHeaderList), so the axis sees the province, then the gateway that relayed it.
enum GatewayTrace {
    /// The schema allows at most this many TraceHeaders.
    static let maxEntries = 100

    /// `payload` with `{OrganId: gateway, Timestamp: date}` appended to `TraceHeaderList/TraceHeader`,
    /// unless the gateway is already the last entry or the list is full (then the payload is
    /// returned as is: a trace is informative, and a full one must not make the document unsendable).
    static func appending(_ gateway: AgencyCode, at date: Date, to payload: JSONValue) -> JSONValue {
        guard case .object(var request) = payload,
              case .object(var list)? = request["TraceHeaderList"],
              case .array(var entries)? = list["TraceHeader"],
              entries.count < maxEntries,
              entries.last?[key: "OrganId"]?.asString != gateway.rawValue
        else { return payload }
        entries.append(["OrganId": .string(gateway.rawValue), "Timestamp": .string(timestamp(date))])
        list["TraceHeader"] = .array(entries)
        request["TraceHeaderList"] = .object(list)
        return .object(request)
    }

    /// RFC 3339 in Vietnam's time zone (UTC+07:00, no daylight saving), as the axis writes times.
    /// (A formatter made per call was 9% of a ministry's CPU while it handed documents to the axis.)
    static func timestamp(_ date: Date) -> String {
        Timestamp.format(date, utcOffsetSeconds: 7 * 3600)
    }
}
