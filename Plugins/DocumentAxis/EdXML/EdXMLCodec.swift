import LienthongPluginAPI
import LienthongSchema

/// Converts between the JSON form of the bundled `document.*` schemas and edXML messages of
/// QCVN 102:2016/BTTTT.
///
/// A document message (`document.edoc.send/v1`):
///
///     <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
///       <edXML:edXMLHeader>
///         <edXML:MessageHeader>…</edXML:MessageHeader>
///         <edXML:TraceHeaderList><edXML:TraceHeader>…</edXML:TraceHeader></edXML:TraceHeaderList>
///       </edXML:edXMLHeader>
///       <edXML:edXMLBody>
///         <edXML:DocumentIdentity>the MessageHeader's DocumentId</edXML:DocumentIdentity>
///         <edXML:AttachmentEncoded><edXML:Attachment>…<edXML:Data>base64</edXML:Data></edXML:Attachment></edXML:AttachmentEncoded>
///       </edXML:edXMLBody>
///     </edXML:edXMLEnvelope>
///
/// A status message (`document.status.update/v1`) carries `<edXML:Status>` in the header and an
/// empty body. Repeated JSON members become repeated elements (`To`, `ResponseFor`,
/// `TraceHeader`) or wrapped lists (`ToPlaces/Place`, `Appendixes/Appendix`).
public enum EdXMLCodec {
    /// The edXML document message for a `document.edoc.send/v1` request payload.
    public static func documentMessage(from payload: JSONValue) throws(EdXMLError) -> String {
        guard case .object(let request) = payload else { throw .invalidJSON(path: "", reason: "must be an object") }
        for key in request.keys where !["MessageHeader", "TraceHeaderList", "Attachments"].contains(key) {
            throw .invalidJSON(path: key, reason: "has no edXML element")
        }
        guard let header = request["MessageHeader"]?.asObject else {
            throw .invalidJSON(path: "MessageHeader", reason: "is required and must be an object")
        }
        guard let documentID = header["DocumentId"]?.asString else {
            throw .invalidJSON(path: "MessageHeader/DocumentId", reason: "is required and must be a string")
        }
        var writer = EdXMLWriter()
        writer.openRoot("edXMLEnvelope")
        writer.open("edXMLHeader")
        try writer.write(
            EdXMLField("MessageHeader", required: true, .group(EdXMLShapes.messageHeader)), value: .object(header),
            path: "MessageHeader")
        try writer.write(
            EdXMLField("TraceHeaderList", required: true, .group(EdXMLShapes.traceHeaderList)),
            value: request["TraceHeaderList"], path: "TraceHeaderList")
        writer.close("edXMLHeader")
        writer.open("edXMLBody")
        try writer.textElement("DocumentIdentity", documentID, path: "MessageHeader/DocumentId")
        try writer.write(EdXMLShapes.attachments, value: request["Attachments"], path: "Attachments")
        writer.close("edXMLBody")
        writer.close("edXMLEnvelope")
        return writer.output
    }

    /// The `document.edoc.send/v1` payload of an edXML document message.
    public static func parseDocumentMessage(_ bytes: [UInt8], limits: EdXMLLimits = .default) throws(EdXMLError) -> JSONValue {
        let envelope = try envelopeRoot(bytes, limits: limits)
        let root = "edXMLEnvelope"
        try EdXMLTreeMapper.checkOnlyElements(envelope, path: root)
        try refuseOthers(in: envelope, allowing: ["edXMLHeader", "edXMLBody"], path: root)
        let header = try EdXMLTreeMapper.child("edXMLHeader", of: envelope, path: root)
        let headerPath = "\(root)/edXMLHeader"
        let headerFields = [
            EdXMLField("MessageHeader", required: true, .group(EdXMLShapes.messageHeader)),
            EdXMLField("TraceHeaderList", required: true, .group(EdXMLShapes.traceHeaderList)),
        ]
        let headerJSON = try EdXMLTreeMapper.object(headerFields, from: header, path: headerPath)

        let body = try EdXMLTreeMapper.child("edXMLBody", of: envelope, path: root)
        let bodyPath = "\(root)/edXMLBody"
        try EdXMLTreeMapper.checkOnlyElements(body, path: bodyPath)
        try refuseOthers(in: body, allowing: ["DocumentIdentity", "AttachmentEncoded"], path: bodyPath)
        let identity = try EdXMLTreeMapper.child("DocumentIdentity", of: body, path: bodyPath)
        let bodyJSON = try EdXMLTreeMapper.object([EdXMLShapes.attachments], from: bodyWithoutIdentity(body), path: bodyPath)
        let documentID = headerJSON["MessageHeader"]?[key: "DocumentId"]?.asString
        guard identity.children.isEmpty, identity.text == documentID else {
            throw .inconsistent(
                path: "\(bodyPath)/DocumentIdentity", reason: "must repeat the MessageHeader's DocumentId \"\(documentID ?? "")\"")
        }
        var members = headerJSON.members
        members.append(contentsOf: bodyJSON.members)
        return .object(JSONObject(members))
    }

    /// The edXML status message for a `document.status.update/v1` request payload.
    public static func statusMessage(from payload: JSONValue) throws(EdXMLError) -> String {
        var writer = EdXMLWriter()
        writer.openRoot("edXMLEnvelope")
        writer.open("edXMLHeader")
        try writer.write(EdXMLField("Status", required: true, .group(EdXMLShapes.status)), value: payload, path: "Status")
        writer.close("edXMLHeader")
        writer.open("edXMLBody")
        writer.close("edXMLBody")
        writer.close("edXMLEnvelope")
        return writer.output
    }

    /// The `document.status.update/v1` payload of an edXML status message.
    public static func parseStatusMessage(_ bytes: [UInt8], limits: EdXMLLimits = .default) throws(EdXMLError) -> JSONValue {
        let envelope = try envelopeRoot(bytes, limits: limits)
        let root = "edXMLEnvelope"
        try EdXMLTreeMapper.checkOnlyElements(envelope, path: root)
        try refuseOthers(in: envelope, allowing: ["edXMLHeader", "edXMLBody"], path: root)
        let header = try EdXMLTreeMapper.child("edXMLHeader", of: envelope, path: root)
        let headerJSON = try EdXMLTreeMapper.object(
            [EdXMLField("Status", required: true, .group(EdXMLShapes.status))], from: header, path: "\(root)/edXMLHeader")
        let body = try EdXMLTreeMapper.child("edXMLBody", of: envelope, path: root)
        _ = try EdXMLTreeMapper.object([], from: body, path: "\(root)/edXMLBody")
        return headerJSON["Status"] ?? .null
    }

    private static func envelopeRoot(_ bytes: [UInt8], limits: EdXMLLimits) throws(EdXMLError) -> XMLElementNode {
        let root: XMLElementNode
        do throws(XMLReadError) { root = try XMLElementTreeReader.parse(bytes, limits: limits.xmlReadLimits) } catch {
            throw EdXMLError(error)
        }
        guard root.namespace == EdXMLNamespace.uri else { throw .wrongNamespace(path: root.name, found: root.namespace) }
        guard root.name == "edXMLEnvelope" else { throw .unexpectedRoot(expected: "edXMLEnvelope", found: root.name) }
        return root
    }

    private static func refuseOthers(in element: XMLElementNode, allowing names: Set<String>, path: String) throws(EdXMLError) {
        for child in element.children where !names.contains(child.name) {
            throw .unexpectedElement(path: "\(path)/\(child.name)")
        }
    }

    private static func bodyWithoutIdentity(_ body: XMLElementNode) -> XMLElementNode {
        var copy = body
        copy.children.removeAll { $0.name == "DocumentIdentity" }
        return copy
    }
}
