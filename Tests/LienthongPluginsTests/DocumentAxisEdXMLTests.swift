import DocumentAxisPlugin
import Foundation
import LienthongSchema
import Testing

@Suite("DocumentAxis edXML codec")
struct DocumentAxisEdXMLTests {
    @Test("every document example survives JSON → edXML → JSON unchanged")
    func documentRoundTrip() throws {
        let validator = try #require(try SchemaCatalog.load().schemas(forService: "document.edoc.send/v1")).request.validator
        for example in try DocumentAxisFixtures.documentExamples() {
            let xml = try EdXMLCodec.documentMessage(from: example)
            let parsed = try EdXMLCodec.parseDocumentMessage(Array(xml.utf8))
            #expect(parsed == example)
            #expect(validator.validate(parsed).errors.isEmpty)
        }
    }

    @Test("every status example survives JSON → edXML → JSON unchanged")
    func statusRoundTrip() throws {
        let validator = try #require(try SchemaCatalog.load().schemas(forService: "document.status.update/v1")).request.validator
        for example in try DocumentAxisFixtures.statusExamples() {
            let xml = try EdXMLCodec.statusMessage(from: example)
            let parsed = try EdXMLCodec.parseStatusMessage(Array(xml.utf8))
            #expect(parsed == example)
            #expect(validator.validate(parsed).errors.isEmpty)
        }
    }

    @Test("the writer declares the edXML namespace and nests the message as QCVN 102 does")
    func documentLayout() throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let xml = try EdXMLCodec.documentMessage(from: example)
        #expect(xml.contains("<edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">"))
        #expect(xml.contains("<edXML:CodeNumber>1234</edXML:CodeNumber>"))
        #expect(xml.contains("<edXML:ToPlaces>\n"))
        #expect(xml.contains("<edXML:Place>Lưu: VT, VX</edXML:Place>"))
        #expect(xml.contains("<edXML:DocumentIdentity>000.00.00.H41,2026/11/21,1234/UBND-VX</edXML:DocumentIdentity>"))
        #expect(xml.components(separatedBy: "<edXML:To>").count == 3)
    }

    @Test("markup characters and Vietnamese text are escaped and come back exactly")
    func escaping() throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let subject = "V/v <b>\"báo cáo\"</b> & 'đề nghị' của Ủy ban nhân dân tỉnh Nghệ An\r\nđợt 2\ttab"
        let payload = DocumentAxisFixtures.replacing(["MessageHeader", "Subject"], in: example, with: .string(subject))
        let xml = try EdXMLCodec.documentMessage(from: payload)
        #expect(xml.contains("V/v &lt;b&gt;&quot;báo cáo&quot;&lt;/b&gt; &amp; &apos;đề nghị&apos; của Ủy ban nhân dân tỉnh Nghệ An&#13;\nđợt 2\ttab"))
        let parsed = try EdXMLCodec.parseDocumentMessage(Array(xml.utf8))
        #expect(parsed[key: "MessageHeader"]?[key: "Subject"]?.asString == subject)
    }

    @Test("a control character XML cannot carry is refused by the writer")
    func controlCharacterRefused() throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let payload = DocumentAxisFixtures.replacing(["MessageHeader", "Subject"], in: example, with: "bell \u{07}")
        #expect(throws: EdXMLError.unrepresentableCharacter(path: "MessageHeader/Subject", scalar: 7)) {
            try EdXMLCodec.documentMessage(from: payload)
        }
    }

    @Test("attachment bytes survive base64 in 76-character lines")
    func attachmentRoundTrip() throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let bytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let encoded = Data(bytes).base64EncodedString()
        let attachment: JSONValue = [
            "ContentId": "bao-cao@000.00.00.H41", "ContentType": "application/pdf", "AttachmentName": "Báo cáo.pdf",
            "ContentTransferEncoding": "base64", "Data": .string(encoded),
        ]
        let payload = DocumentAxisFixtures.replacing(["Attachments"], in: example, with: [attachment])
        let xml = try EdXMLCodec.documentMessage(from: payload)
        let dataLines = xml.split(separator: "\n").filter { $0.allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) } }
        #expect(dataLines.count == (encoded.count + 75) / 76)
        #expect(dataLines.allSatisfy { $0.count <= 76 })
        let parsed = try EdXMLCodec.parseDocumentMessage(Array(xml.utf8))
        let data = try #require(parsed[key: "Attachments"]?[index: 0]?[key: "Data"]?.asString)
        #expect(Data(base64Encoded: data) == Data(bytes))
    }

    @Test("the writer refuses attachment data that is not base64")
    func writerRefusesBadBase64() throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let attachment: JSONValue = [
            "ContentId": "x", "ContentType": "application/pdf", "AttachmentName": "x.pdf",
            "ContentTransferEncoding": "base64", "Data": "abc",
        ]
        let payload = DocumentAxisFixtures.replacing(["Attachments"], in: example, with: [attachment])
        #expect(throws: EdXMLError.self) { try EdXMLCodec.documentMessage(from: payload) }
    }

    // MARK: refusals of the reader

    @Test("malformed XML is refused with its position")
    func malformedRefused() throws {
        let xml = "<edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXML:edXMLHeader></edXML:edXMLEnvelope>"
        let error = try #require(throws: EdXMLError.self) { try EdXMLCodec.parseDocumentMessage(Array(xml.utf8)) }
        guard case .malformed(let line, _, _) = error else {
            Issue.record("expected .malformed, got \(error)")
            return
        }
        #expect(line == 1)
    }

    @Test("a message without a namespace, or in another one, is refused")
    func namespaceRefused() throws {
        let example = try #require(try DocumentAxisFixtures.statusExamples().first)
        let xml = try EdXMLCodec.statusMessage(from: example)
        let bare = xml.replacingOccurrences(of: " xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"", with: "")
            .replacingOccurrences(of: "edXML:", with: "")
        #expect(throws: EdXMLError.wrongNamespace(path: "edXMLEnvelope", found: nil)) {
            try EdXMLCodec.parseStatusMessage(Array(bare.utf8))
        }
        let other = xml.replacingOccurrences(of: "QCVN_102_2016", with: "QCVN_102_2012")
        #expect(throws: EdXMLError.wrongNamespace(path: "edXMLEnvelope", found: "http://www.mic.gov.vn/TBT/QCVN_102_2012")) {
            try EdXMLCodec.parseStatusMessage(Array(other.utf8))
        }
        let mixed = xml.replacingOccurrences(of: "<edXML:StatusCode>03</edXML:StatusCode>", with: "<StatusCode>03</StatusCode>")
        #expect(throws: EdXMLError.wrongNamespace(path: "edXMLEnvelope/edXMLHeader/Status/StatusCode", found: nil)) {
            try EdXMLCodec.parseStatusMessage(Array(mixed.utf8))
        }
    }

    @Test("a DTD is refused before parsing, so entities never expand")
    func doctypeRefused() throws {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">&lol2;</edXML:edXMLEnvelope>
            """
        #expect(throws: EdXMLError.doctypeRefused) { try EdXMLCodec.parseDocumentMessage(Array(bomb.utf8)) }
        let external = "<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x/>"
        #expect(throws: EdXMLError.doctypeRefused) { try EdXMLCodec.parseStatusMessage(Array(external.utf8)) }
    }

    @Test("a DTD cannot hide behind UTF-16 or a declared UTF-7: only UTF-8 is read")
    func otherEncodingsRefused() throws {
        let bomb = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY a \"a\">]><x>&a;</x>"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in bomb.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(throws: EdXMLError.notUTF8) { try EdXMLCodec.parseDocumentMessage(utf16) }
        let utf7 = "<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADw-!DOCTYPE x+AD4-<x/>"
        #expect(throws: EdXMLError.unsupportedEncoding("UTF-7")) { try EdXMLCodec.parseDocumentMessage(Array(utf7.utf8)) }
        let latin1: [UInt8] = Array("<x>".utf8) + [0xE9] + Array("</x>".utf8)
        #expect(throws: EdXMLError.notUTF8) { try EdXMLCodec.parseDocumentMessage(latin1) }
        let example = try #require(try DocumentAxisFixtures.statusExamples().first)
        let declaredUTF8 = try EdXMLCodec.statusMessage(from: example)
        #expect(try EdXMLCodec.parseStatusMessage(Array(declaredUTF8.utf8)) == example)
    }

    @Test("a missing required element is named by its path")
    func missingElement() throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let xml = try EdXMLCodec.documentMessage(from: example)
        let withoutSubject = try removingElement("Subject", from: xml)
        #expect(throws: EdXMLError.missingElement(path: "edXMLEnvelope/edXMLHeader/MessageHeader/Subject")) {
            try EdXMLCodec.parseDocumentMessage(Array(withoutSubject.utf8))
        }
        let withoutOrganID = try removingElement("OrganId", from: xml)
        #expect(throws: EdXMLError.missingElement(path: "edXMLEnvelope/edXMLHeader/MessageHeader/From/OrganId")) {
            try EdXMLCodec.parseDocumentMessage(Array(withoutOrganID.utf8))
        }
    }

    @Test("bad base64, bad integers, unknown and repeated elements are refused precisely")
    func badContent() throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let xml = try EdXMLCodec.documentMessage(from: example)
        let badData = xml.replacingOccurrences(of: "JVBERi0xLjcKJeLjz9MK", with: "JVBERi0x*jcKJeLjz9MK")
        #expect(throws: EdXMLError.invalidBase64(path: "edXMLEnvelope/edXMLBody/AttachmentEncoded/Attachment[1]/Data")) {
            try EdXMLCodec.parseDocumentMessage(Array(badData.utf8))
        }
        let badType = xml.replacingOccurrences(of: "<edXML:Type>1</edXML:Type>", with: "<edXML:Type>one</edXML:Type>")
        #expect(throws: EdXMLError.invalidInteger(path: "edXMLEnvelope/edXMLHeader/MessageHeader/DocumentType/Type", text: "one")) {
            try EdXMLCodec.parseDocumentMessage(Array(badType.utf8))
        }
        let unknown = xml.replacingOccurrences(of: "<edXML:Subject>", with: "<edXML:Secret>x</edXML:Secret><edXML:Subject>")
        #expect(throws: EdXMLError.unexpectedElement(path: "edXMLEnvelope/edXMLHeader/MessageHeader/Secret")) {
            try EdXMLCodec.parseDocumentMessage(Array(unknown.utf8))
        }
        let twice = xml.replacingOccurrences(of: "<edXML:Subject>", with: "<edXML:Subject>a</edXML:Subject><edXML:Subject>")
        #expect(throws: EdXMLError.repeatedElement(path: "edXMLEnvelope/edXMLHeader/MessageHeader/Subject")) {
            try EdXMLCodec.parseDocumentMessage(Array(twice.utf8))
        }
        let encoding = xml.replacingOccurrences(of: ">base64<", with: ">quoted-printable<")
        #expect(throws: EdXMLError.self) { try EdXMLCodec.parseDocumentMessage(Array(encoding.utf8)) }
    }

    @Test("DocumentIdentity must repeat the header's DocumentId")
    func documentIdentityMismatch() throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let xml = try EdXMLCodec.documentMessage(from: example)
        let changed = xml.replacingOccurrences(
            of: "<edXML:DocumentIdentity>000.00.00.H41", with: "<edXML:DocumentIdentity>000.00.00.H29")
        let error = try #require(throws: EdXMLError.self) { try EdXMLCodec.parseDocumentMessage(Array(changed.utf8)) }
        guard case .inconsistent(let path, _) = error else {
            Issue.record("expected .inconsistent, got \(error)")
            return
        }
        #expect(path == "edXMLEnvelope/edXMLBody/DocumentIdentity")
    }

    @Test("size, depth and element-count limits are enforced")
    func limits() throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let bytes = Array(try EdXMLCodec.documentMessage(from: example).utf8)
        #expect(throws: EdXMLError.tooLarge(bytes: bytes.count, limit: 100)) {
            try EdXMLCodec.parseDocumentMessage(bytes, limits: EdXMLLimits(maxBytes: 100))
        }
        #expect(throws: EdXMLError.tooManyElements(limit: 10)) {
            try EdXMLCodec.parseDocumentMessage(bytes, limits: EdXMLLimits(maxElements: 10))
        }
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        #expect(throws: EdXMLError.tooDeep(limit: 16)) { try EdXMLCodec.parseDocumentMessage(Array(deep.utf8)) }
    }

    /// `xml` without the first element named `name` (with its content).
    private func removingElement(_ name: String, from xml: String) throws -> String {
        let open = try #require(xml.range(of: "<edXML:\(name)>"))
        let close = try #require(xml.range(of: "</edXML:\(name)>", range: open.upperBound..<xml.endIndex))
        var copy = xml
        copy.removeSubrange(open.lowerBound..<close.upperBound)
        return copy
    }
}
