import LienthongCore

/// What a mock axis starts with: the bearer tokens it accepts, the organisations connected to it
/// (recipients must be among them) and documents already exchanged, so that status messages can
/// be tried without sending a document first.
public struct DocumentAxisSeed: Sendable {
    /// A document the axis already carries.
    public struct Document: Sendable {
        public let docID: String
        public let documentID: String
        public let from: AgencyCode
        public let to: [AgencyCode]

        public init(docID: String, documentID: String, from: AgencyCode, to: [AgencyCode]) {
            self.docID = docID
            self.documentID = documentID
            self.from = from
            self.to = to
        }
    }

    public var tokens: Set<String>
    public var organs: Set<AgencyCode>
    public var documents: [Document]

    public init(tokens: Set<String>, organs: Set<AgencyCode>, documents: [Document] = []) {
        self.tokens = tokens
        self.organs = organs
        self.documents = documents
    }

    /// The development token of the standard seed.
    public static let developmentToken = "dev-document-axis-token"

    /// A few provinces and ministries, the development token, and one document from Nghệ An
    /// (`000.00.00.H41`) to the Government Office and the Ministry of Public Security.
    public static var standard: DocumentAxisSeed {
        let codes = [
            "000.00.00.G01", "000.00.00.G02", "000.00.00.G09", "000.00.00.G12", "000.00.00.G22",
            "000.00.00.H01", "000.00.00.H29", "000.00.00.H41", "000.00.12.H41", "000.00.00.H58",
        ]
        let organs = Set(codes.compactMap { try? AgencyCode(parsing: $0) })
        var documents: [Document] = []
        if let nghean = try? AgencyCode(parsing: "000.00.00.H41"), let office = try? AgencyCode(parsing: "000.00.00.G22"),
           let police = try? AgencyCode(parsing: "000.00.00.G01")
        {
            documents.append(Document(
                docID: "0193a5f0-0000-7000-8000-000000000001", documentID: "000.00.00.H41,2026/11/21,1234/UBND-VX",
                from: nghean, to: [office, police]))
        }
        return DocumentAxisSeed(tokens: [developmentToken], organs: organs, documents: documents)
    }
}
