import LienthongCore

/// The header fields of a signed message on the wire: the `Lienthong-*` values, the signature,
/// the media type and, when compressed, the encoding.
enum WireHeaders {
    static func fields(for envelope: Envelope, jws: String, contentEncoding: String? = nil) -> [(name: String, value: String)] {
        var fields = envelope.headerFields.map { (name: $0.name, value: $0.value) }
        fields.append((HeaderName.signature, jws))
        fields.append(("Content-Type", envelope.contentType))
        if let contentEncoding { fields.append(("Content-Encoding", contentEncoding)) }
        return fields
    }
}
