import AsyncHTTPClient
import Foundation
import LienthongCore
import LienthongPluginAPI
import LienthongSchema
import NIOCore

/// The adapter to the national document exchange axis. Each request becomes one edXML message
/// POSTed to the axis (`/edxml/v1/messages` for documents, `/edxml/v1/status` for status
/// messages) with `Authorization: Bearer <token>`; the axis' JSON acknowledgement becomes the
/// response payload.
struct DocumentAxisPlugin: LienthongPlugin {
    /// Largest acknowledgement read from the axis; a real one is a few hundred bytes.
    static let maxAnswerBytes = 1 << 20

    let settings: DocumentAxisSettings
    let environment: PluginEnvironment

    var descriptor: PluginDescriptor { DocumentAxisPluginFactory.descriptor }

    func handle(_ request: PluginRequest) async throws(PluginError) -> PluginResponse {
        let outgoing = try outgoingMessage(for: request)
        let timeout = min(settings.timeout, request.timeout)
        let (status, body) = try await post(outgoing.xml, to: outgoing.path, timeout: timeout)
        let payload = try DocumentAxisAnswer.payload(status: status, body: body, expectsDocID: outgoing.expectsDocID)
        return PluginResponse(payload: payload)
    }

    /// One edXML message for the axis: its text, the endpoint, and whether the answer carries a DocId.
    private struct OutgoingMessage {
        let xml: String
        let path: String
        let expectsDocID: Bool
    }

    private func outgoingMessage(for request: PluginRequest) throws(PluginError) -> OutgoingMessage {
        switch request.service {
        case DocumentAxisPluginFactory.edocSend:
            try SenderCheck.check(request.payload[key: "MessageHeader"]?[key: "From"], requester: request.from)
            let traced = GatewayTrace.appending(request.to, at: Date(), to: request.payload)
            let xml = try written { () throws(EdXMLError) in try EdXMLCodec.documentMessage(from: traced) }
            return OutgoingMessage(xml: xml, path: "/edxml/v1/messages", expectsDocID: true)
        case DocumentAxisPluginFactory.statusUpdate:
            try SenderCheck.check(request.payload[key: "From"], requester: request.from)
            let xml = try written { () throws(EdXMLError) in try EdXMLCodec.statusMessage(from: request.payload) }
            return OutgoingMessage(xml: xml, path: "/edxml/v1/status", expectsDocID: false)
        default:
            throw .unsupportedService(request.service)
        }
    }

    /// The edXML `write` produces; a payload edXML cannot carry is the request's fault.
    private func written(_ write: () throws(EdXMLError) -> String) throws(PluginError) -> String {
        do { return try write() } catch { throw .rejected("the request cannot be written as edXML: \(error)") }
    }

    private func post(_ message: String, to path: String, timeout: Duration) async throws(PluginError) -> (UInt, [UInt8]) {
        var request = settings.tls.request(url: settings.baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/xml; charset=utf-8")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer \(settings.token)")
        request.body = .bytes(ByteBuffer(string: message))
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        do {
            let response = try await environment.httpClient.execute(request, deadline: deadline, logger: environment.logger)
            let body = try await response.body.collect(upTo: Self.maxAnswerBytes)
            return (response.status.code, Array(buffer: body))
        } catch let error as HTTPClientError
            where [.deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout].contains(error)
        {
            throw .timeout("the axis did not answer \(path) within \(timeout)")
        } catch is NIOTooManyBytesError {
            throw .badUpstreamResponse("the axis answered more than \(Self.maxAnswerBytes) bytes")
        } catch {
            // Connection failures land here even when they end at the deadline: the HTTP client
            // retries refused connections until then and reports the last failure, which says
            // more than "timeout" about an axis that is down.
            throw .unavailable("cannot reach the axis at \(settings.baseURL): \(error)")
        }
    }
}

/// Who may send: the agency that asked the gateway, or one of its units (same last group of the
/// agency code, e.g. `000.00.12.H41` for `000.00.00.H41`). Stops one province from sending a
/// document or a status in another's name.
enum SenderCheck {
    static func check(_ from: JSONValue?, requester: AgencyCode) throws(PluginError) {
        guard let organID = from?[key: "OrganId"]?.asString else { throw .rejected("From.OrganId is missing") }
        guard let organ = try? AgencyCode(parsing: organID) else {
            throw .rejected("From.OrganId \"\(organID)\" is not an agency code")
        }
        guard organ == requester || (organ.groups.last != nil && organ.groups.last == requester.groups.last) else {
            throw .rejected("From.OrganId \(organ) is neither the requesting agency \(requester) nor one of its units")
        }
    }
}
