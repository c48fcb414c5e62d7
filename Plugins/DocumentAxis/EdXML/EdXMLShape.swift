/// How one JSON member maps to edXML elements. The JSON form keeps edXML's element names, so a
/// member and its element share a name unless `element` says otherwise; writer and reader both walk
/// these descriptions, which keeps the two directions from drifting apart.
struct EdXMLField: Sendable {
    enum Occurrence: Sendable {
        /// One element ↔ one JSON member.
        case single
        /// Sibling elements, one per item ↔ a JSON array (at least one item when present).
        case repeated
        /// A wrapper element holding one `item` element per entry ↔ a JSON array (may be empty).
        case list(item: String)
    }

    let name: String
    let element: String
    let occurrence: Occurrence
    let required: Bool
    let content: EdXMLContent

    init(_ name: String, element: String? = nil, _ occurrence: Occurrence = .single, required: Bool = false, _ content: EdXMLContent) {
        self.name = name
        self.element = element ?? name
        self.occurrence = occurrence
        self.required = required
        self.content = content
    }

    /// An optional element that occurs at most once.
    init(_ name: String, _ content: EdXMLContent) {
        self.init(name, .single, required: false, content)
    }
}

/// What an element holds.
indirect enum EdXMLContent: Sendable {
    /// Text, kept exactly ↔ a JSON string.
    case text
    /// A decimal integer ↔ a JSON integer.
    case integer
    /// Base64 data, written in lines of 76 characters ↔ a JSON string of unwrapped base64.
    case base64
    /// Text that must equal the given value ↔ the same JSON string.
    case fixed(String)
    /// Child elements ↔ a JSON object.
    case group([EdXMLField])
}

/// The parts of edXML messages, as used by `document.edoc.send/v1` and `document.status.update/v1`.
enum EdXMLShapes {
    static let organ: [EdXMLField] = organFields(withOrganInCharge: false)
    static let sendingOrgan: [EdXMLField] = organFields(withOrganInCharge: true)

    private static func organFields(withOrganInCharge: Bool) -> [EdXMLField] {
        var fields = [EdXMLField("OrganId", required: true, .text)]
        if withOrganInCharge { fields.append(EdXMLField("OrganInCharge", .text)) }
        fields += [
            EdXMLField("OrganName", required: true, .text),
            EdXMLField("OrganAdd", .text),
            EdXMLField("Email", .text),
            EdXMLField("Telephone", .text),
            EdXMLField("Fax", .text),
            EdXMLField("Website", .text),
        ]
        return fields
    }

    static let responseFor: [EdXMLField] = [
        EdXMLField("OrganId", required: true, .text),
        EdXMLField("Code", required: true, .text),
        EdXMLField("PromulgationDate", required: true, .text),
        EdXMLField("DocumentId", required: true, .text),
    ]

    static let messageHeader: [EdXMLField] = [
        EdXMLField("From", required: true, .group(sendingOrgan)),
        EdXMLField("To", .repeated, required: true, .group(organ)),
        EdXMLField("ResponseFor", .repeated, .group(responseFor)),
        EdXMLField("DocumentId", required: true, .text),
        EdXMLField("Code", required: true, .group([
            EdXMLField("CodeNumber", required: true, .text),
            EdXMLField("CodeNotation", required: true, .text),
        ])),
        EdXMLField("PromulgationInfo", required: true, .group([
            EdXMLField("Place", required: true, .text),
            EdXMLField("PromulgationDate", required: true, .text),
        ])),
        EdXMLField("DocumentType", required: true, .group([
            EdXMLField("Type", required: true, .integer),
            EdXMLField("TypeName", required: true, .text),
        ])),
        EdXMLField("Subject", required: true, .text),
        EdXMLField("Content", .text),
        EdXMLField("SignerInfo", required: true, .group([
            EdXMLField("Competence", .text),
            EdXMLField("Position", required: true, .text),
            EdXMLField("FullName", required: true, .text),
        ])),
        EdXMLField("DueDate", .text),
        EdXMLField("ToPlaces", .list(item: "Place"), .text),
        EdXMLField("OtherInfo", .group([
            EdXMLField("Priority", required: true, .integer),
            EdXMLField("SphereOfPromulgation", .text),
            EdXMLField("TyperNotation", .text),
            EdXMLField("PromulgationAmount", .integer),
            EdXMLField("PageAmount", .integer),
            EdXMLField("Appendixes", .list(item: "Appendix"), .text),
        ])),
    ]

    static let traceHeaderList: [EdXMLField] = [
        EdXMLField("TraceHeader", .repeated, required: true, .group([
            EdXMLField("OrganId", required: true, .text),
            EdXMLField("Timestamp", required: true, .text),
        ]))
    ]

    static let attachment: [EdXMLField] = [
        EdXMLField("ContentId", required: true, .text),
        EdXMLField("ContentType", required: true, .text),
        EdXMLField("Description", .text),
        EdXMLField("AttachmentName", required: true, .text),
        EdXMLField("ContentTransferEncoding", required: true, .fixed("base64")),
        EdXMLField("Data", required: true, .base64),
    ]

    /// The body's attachments: `<AttachmentEncoded><Attachment>…</Attachment>…</AttachmentEncoded>`.
    static let attachments = EdXMLField(
        "Attachments", element: "AttachmentEncoded", .list(item: "Attachment"), required: true, .group(attachment))

    static let status: [EdXMLField] = [
        EdXMLField("ResponseFor", required: true, .group(responseFor)),
        EdXMLField("From", required: true, .group(organ)),
        EdXMLField("StatusCode", required: true, .text),
        EdXMLField("Description", .text),
        EdXMLField("Timestamp", required: true, .text),
        EdXMLField("StaffInfo", required: true, .group([
            EdXMLField("Department", required: true, .text),
            EdXMLField("Staff", required: true, .text),
            EdXMLField("Email", .text),
            EdXMLField("Mobile", .text),
        ])),
    ]
}
