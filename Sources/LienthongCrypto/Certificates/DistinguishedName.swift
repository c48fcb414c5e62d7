import COpenSSL

/// An X.509 distinguished name (subject or issuer), as an ordered list of attributes.
///
/// Values are Unicode text (encoded as UTF8String, except where X.509 fixes the type, e.g. the
/// country as a two-letter PrintableString), so Vietnamese agency names survive unchanged.
public struct DistinguishedName: Sendable, Hashable, CustomStringConvertible {
    /// One `type=value` pair, e.g. `CN` = `Bộ Công an`.
    public struct Attribute: Sendable, Hashable {
        /// OpenSSL's short name (`CN`, `O`, `OU`, `C`, …) or the dotted OID when it has none.
        public let type: String
        public let value: String

        public init(type: String, value: String) {
            self.type = type
            self.value = value
        }
    }

    /// The attributes in encoded order (most significant first: C, O, …, CN).
    public let attributes: [Attribute]

    public init(attributes: [Attribute]) {
        self.attributes = attributes
    }

    /// A name of `C` (optional), `O` (optional) and `CN`, in that order.
    public init(commonName: String, organization: String? = nil, country: String? = nil) {
        var attributes: [Attribute] = []
        if let country { attributes.append(Attribute(type: "C", value: country)) }
        if let organization { attributes.append(Attribute(type: "O", value: organization)) }
        attributes.append(Attribute(type: "CN", value: commonName))
        self.attributes = attributes
    }

    /// The last `CN` value (the human name of the agency or CA).
    public var commonName: String? { attributes.last { $0.type == "CN" }?.value }

    /// The last `O` value.
    public var organization: String? { attributes.last { $0.type == "O" }?.value }

    /// RFC 4514 text: attributes in reverse order, `,`-separated, special characters escaped.
    public var description: String {
        attributes.reversed().map { "\($0.type)=\(Self.escape($0.value))" }.joined(separator: ",")
    }

    private static func escape(_ value: String) -> String {
        var escaped = ""
        let lastIndex = value.count - 1
        for (index, character) in value.enumerated() {
            let needsEscape = ",+\"\\<>;=".contains(character)
                || (index == 0 && (character == " " || character == "#"))
                || (index == lastIndex && character == " ")
            if needsEscape { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

extension DistinguishedName {
    /// Reads an OpenSSL `X509_NAME`.
    init(reading name: OpaquePointer) throws(CertificateError) {
        var attributes: [Attribute] = []
        let count = X509_NAME_entry_count(name)
        for index in 0..<max(count, 0) {
            guard let entry = X509_NAME_get_entry(name, index),
                  let object = X509_NAME_ENTRY_get_object(entry),
                  let data = X509_NAME_ENTRY_get_data(entry)
            else { throw .malformedDER(reason: "unreadable name entry \(index)") }
            var utf8: UnsafeMutablePointer<UInt8>?
            let length = ASN1_STRING_to_UTF8(&utf8, data)
            guard length >= 0, let utf8 else {
                OpenSSLError.clearQueue()
                throw .malformedDER(reason: "name entry \(index) is not text")
            }
            let value = String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
            lt_OPENSSL_free(utf8)
            attributes.append(Attribute(type: Self.typeName(object), value: value))
        }
        self.attributes = attributes
    }

    /// Builds an OpenSSL `X509_NAME`; the caller frees it with `X509_NAME_free`.
    func makeX509Name() throws(CertificateError) -> OpaquePointer {
        OpenSSLError.clearQueue()
        guard let name = X509_NAME_new() else { throw .openSSL(.drain("X509_NAME_new")) }
        for attribute in attributes {
            guard !attribute.value.isEmpty else {
                X509_NAME_free(name)
                throw .invalidName(reason: "\(attribute.type) is empty")
            }
            let bytes = Array(attribute.value.utf8)
            let added = bytes.withUnsafeBufferPointer {
                X509_NAME_add_entry_by_txt(name, attribute.type, MBSTRING_UTF8, $0.baseAddress, Int32(clamping: $0.count), -1, 0)
            }
            guard added == 1 else {
                X509_NAME_free(name)
                let error = OpenSSLError.drain("X509_NAME_add_entry_by_txt")
                throw .invalidName(reason: "\(attribute.type)=\(attribute.value): \(error.messages.joined(separator: "; "))")
            }
        }
        return name
    }

    private static func typeName(_ object: OpaquePointer) -> String {
        let nid = OBJ_obj2nid(object)
        if nid != NID_undef, let shortName = OBJ_nid2sn(nid) { return String(cString: shortName) }
        var buffer = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)
        guard length > 0 else { return "?" }
        return String(decoding: buffer.prefix(min(Int(length), buffer.count - 1)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
