/// Checks run on the raw bytes before any XML parser sees them. The DTD refusal only works if
/// `<!DOCTYPE` cannot hide behind another encoding (UTF-16, or UTF-7 named in the declaration),
/// so a message must be UTF-8 and may declare no other encoding.
enum XMLInputGuard {
    static func check(_ bytes: [UInt8], limits: XMLReadLimits) throws(XMLReadError) {
        guard bytes.count <= limits.maxBytes else { throw .tooLarge(bytes: bytes.count, limit: limits.maxBytes) }
        // XML 1.0 forbids U+0000, and UTF-16 or UTF-32 text is full of zero bytes.
        guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else { throw .notUTF8 }
        if let encoding = declaredEncoding(bytes), !["utf-8", "utf8"].contains(encoding.lowercased()) {
            throw .unsupportedEncoding(encoding)
        }
        if bytes.firstRange(of: Array("<!DOCTYPE".utf8)) != nil { throw .doctypeRefused }
    }

    /// The `encoding` of the XML declaration (`<?xml version="1.0" encoding="…"?>`), if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }  // UTF-8 byte order mark
        let rest = bytes[start...]
        guard rest.starts(with: Array("<?xml".utf8)), let end = rest.firstRange(of: Array("?>".utf8)) else { return nil }
        let declaration = String(decoding: rest[..<end.lowerBound], as: UTF8.self)
        guard let name = declaration.range(of: "encoding") else { return nil }
        let afterName = declaration[name.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = afterName.first, quote == "\"" || quote == "'" else { return nil }
        let value = afterName.dropFirst().prefix { $0 != quote }
        return String(value)
    }
}
