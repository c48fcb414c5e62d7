import LienthongCore

/// Where a certificate says which agency it belongs to: one subjectAltName URI
/// `urn:lienthong:agency:<CODE>`, e.g. `urn:lienthong:agency:000.00.00.G01`.
///
/// The code lives in exactly one place. The subject CN stays the human name of the agency (it may
/// be Vietnamese text); the organisational unit is not used, so the two can never disagree.
public enum AgencyURI {
    /// The URI prefix before the agency code.
    public static let prefix = "urn:lienthong:agency:"

    /// The URI naming `code`.
    public static func uri(for code: AgencyCode) -> String { prefix + code.rawValue }

    /// The single agency code among `uris`.
    ///
    /// The prefix is matched case-insensitively (URN namespace identifiers are), so that a
    /// differently-cased second agency URI is counted rather than silently ignored.
    static func agencyCode(in uris: [String], subject: String) throws(CertificateError) -> AgencyCode {
        let agencyURIs = uris.filter(hasAgencyPrefix)
        guard let uri = agencyURIs.first else { throw .missingAgencyCode(subject: subject) }
        guard agencyURIs.count == 1 else { throw .multipleAgencyCodes(subject: subject, uris: agencyURIs) }
        let text = String(decoding: uri.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
        do {
            return try AgencyCode(parsing: text)
        } catch {
            throw .invalidAgencyCode(subject: subject, uri: uri, reason: error.description)
        }
    }

    /// ASCII case-insensitive prefix test (the prefix is ASCII, so bytes compare exactly).
    private static func hasAgencyPrefix(_ uri: String) -> Bool {
        let head = uri.utf8.prefix(prefix.utf8.count)
        guard head.count == prefix.utf8.count else { return false }
        return zip(head, prefix.utf8).allSatisfy { lowercasedASCII($0) == $1 }
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
