import Foundation
import LienthongCore

/// What the mock axis keeps of a document message it accepted.
struct ReceivedDocument: Sendable {
    let documentID: String
    let from: AgencyCode
    let to: [AgencyCode]
    let code: String
    let subject: String
    let attachmentCount: Int
    /// The agencies in TraceHeaderList, oldest first.
    let trace: [AgencyCode]
}

/// What the mock axis keeps of a status message.
struct ReceivedStatus: Sendable {
    let documentID: String
    /// The issuer of the document the status is about (ResponseFor/OrganId).
    let issuer: AgencyCode
    let from: AgencyCode
    let statusCode: String
    let timestamp: String
    let description: String?
}

/// Checks incoming edXML the way the real axis does before accepting it: the envelope, the
/// required header fields, agency codes in OrganId, base64 attachments with distinct content ids.
enum DocumentAxisMessages {
    static let statusCodes: Set<String> = ["01", "02", "03", "04", "05", "06", "13", "15", "16"]

    static func document(_ bytes: [UInt8]) throws(AxisRefusal) -> ReceivedDocument {
        let envelope = try envelope(bytes)
        let header = try envelope.required("edXMLHeader", in: "edXMLEnvelope")
        let message = try header.required("MessageHeader", in: "edXMLHeader")
        let path = "MessageHeader"
        let from = try organ(try message.required("From", in: path), path: "\(path)/From")
        let recipients = message.all("To")
        guard !recipients.isEmpty else { throw .invalid("E_MISSING_FIELD", "\(path)/To is missing") }
        var to: [AgencyCode] = []
        for (index, recipient) in recipients.enumerated() {
            let code = try organ(recipient, path: "\(path)/To[\(index + 1)]")
            guard !to.contains(code) else { throw .invalid("E_INVALID_FIELD", "recipient \(code) is named twice") }
            to.append(code)
        }
        let documentID = try message.requiredText("DocumentId", in: path)
        let codeElement = try message.required("Code", in: path)
        let number = try codeElement.requiredText("CodeNumber", in: "\(path)/Code")
        let notation = try codeElement.requiredText("CodeNotation", in: "\(path)/Code")
        let promulgation = try message.required("PromulgationInfo", in: path)
        _ = try promulgation.requiredText("PromulgationDate", in: "\(path)/PromulgationInfo")
        let type = try message.required("DocumentType", in: path)
        guard let typeValue = Int(try type.requiredText("Type", in: "\(path)/DocumentType")), [1, 2].contains(typeValue) else {
            throw .invalid("E_INVALID_FIELD", "\(path)/DocumentType/Type must be 1 or 2")
        }
        let subject = try message.requiredText("Subject", in: path)
        let signer = try message.required("SignerInfo", in: path)
        _ = try signer.requiredText("FullName", in: "\(path)/SignerInfo")
        let traces = try header.required("TraceHeaderList", in: "edXMLHeader").all("TraceHeader")
        guard !traces.isEmpty else { throw .invalid("E_MISSING_FIELD", "TraceHeaderList has no TraceHeader") }
        var trace: [AgencyCode] = []
        for (index, entry) in traces.enumerated() {
            let path = "TraceHeaderList/TraceHeader[\(index + 1)]"
            trace.append(try agencyCode(try entry.requiredText("OrganId", in: path), path: "\(path)/OrganId"))
            _ = try entry.requiredText("Timestamp", in: path)
        }
        let body = try envelope.required("edXMLBody", in: "edXMLEnvelope")
        let attachments = try body.required("AttachmentEncoded", in: "edXMLBody").all("Attachment")
        guard !attachments.isEmpty else { throw .invalid("E_MISSING_FIELD", "the document has no Attachment") }
        var contentIDs: Set<String> = []
        for (index, attachment) in attachments.enumerated() {
            let contentID = try checkAttachment(attachment, path: "AttachmentEncoded/Attachment[\(index + 1)]")
            guard contentIDs.insert(contentID).inserted else {
                throw .invalid("E_DUPLICATE_CONTENT_ID", "two attachments have ContentId \(contentID)")
            }
        }
        return ReceivedDocument(
            documentID: documentID, from: from, to: to, code: "\(number)/\(notation)", subject: subject,
            attachmentCount: attachments.count, trace: trace)
    }

    static func status(_ bytes: [UInt8]) throws(AxisRefusal) -> ReceivedStatus {
        let envelope = try envelope(bytes)
        let status = try envelope.required("edXMLHeader", in: "edXMLEnvelope").required("Status", in: "edXMLHeader")
        let responseFor = try status.required("ResponseFor", in: "Status")
        let issuer = try agencyCode(try responseFor.requiredText("OrganId", in: "Status/ResponseFor"), path: "Status/ResponseFor/OrganId")
        let documentID = try responseFor.requiredText("DocumentId", in: "Status/ResponseFor")
        let from = try organ(try status.required("From", in: "Status"), path: "Status/From")
        let code = try status.requiredText("StatusCode", in: "Status")
        guard statusCodes.contains(code) else {
            throw .invalid("E_INVALID_STATUS_CODE", "StatusCode \(code) is not one of \(statusCodes.sorted().joined(separator: ", "))")
        }
        let description = status.optionalText("Description")
        if ["02", "16"].contains(code), description == nil {
            throw .invalid("E_MISSING_FIELD", "a refusal (StatusCode \(code)) must give its reason in Description")
        }
        let timestamp = try status.requiredText("Timestamp", in: "Status")
        let staff = try status.required("StaffInfo", in: "Status")
        _ = try staff.requiredText("Staff", in: "Status/StaffInfo")
        return ReceivedStatus(documentID: documentID, issuer: issuer, from: from, statusCode: code, timestamp: timestamp, description: description)
    }

    private static func envelope(_ bytes: [UInt8]) throws(AxisRefusal) -> EdXMLInputElement {
        let root = try EdXMLInputReader.parse(bytes)
        guard root.name == "edXMLEnvelope" else { throw .invalid("E_XML_ROOT", "the root element is \(root.name), not edXMLEnvelope") }
        return root
    }

    private static func organ(_ element: EdXMLInputElement, path: String) throws(AxisRefusal) -> AgencyCode {
        let code = try agencyCode(try element.requiredText("OrganId", in: path), path: "\(path)/OrganId")
        _ = try element.requiredText("OrganName", in: path)
        return code
    }

    private static func agencyCode(_ text: String, path: String) throws(AxisRefusal) -> AgencyCode {
        do { return try AgencyCode(parsing: text) } catch {
            throw .invalid("E_INVALID_ORGAN_ID", "\(path) \(error.reason)")
        }
    }

    /// Checks one attachment and returns its content id.
    private static func checkAttachment(_ attachment: EdXMLInputElement, path: String) throws(AxisRefusal) -> String {
        let contentID = try attachment.requiredText("ContentId", in: path)
        _ = try attachment.requiredText("ContentType", in: path)
        _ = try attachment.requiredText("AttachmentName", in: path)
        let encoding = try attachment.requiredText("ContentTransferEncoding", in: path)
        guard encoding == "base64" else {
            throw .invalid("E_INVALID_FIELD", "\(path)/ContentTransferEncoding is \(encoding); only base64 is accepted")
        }
        let data = try attachment.required("Data", in: path).text.filter { !$0.isWhitespace }
        guard data.utf8.count % 4 == 0, Data(base64Encoded: data) != nil else {
            throw .invalid("E_INVALID_BASE64", "\(path)/Data is not valid base64")
        }
        return contentID
    }
}
