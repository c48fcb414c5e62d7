import Foundation
import COpenSSL

/// One `-----BEGIN <label>-----` block of a PEM document, base64 already decoded.
struct PEMBlock: Sendable {
    /// The label, e.g. `PRIVATE KEY`, `CERTIFICATE`.
    let label: String
    /// RFC 1421 headers such as `Proc-Type`/`DEK-Info` (traditional encrypted keys), or empty.
    let headers: String
    /// The decoded DER bytes.
    let der: [UInt8]

    /// Why a PEM document could not be split into blocks.
    enum ParseError: Error, Sendable, CustomStringConvertible {
        case noBlocks
        case malformed(OpenSSLError)

        var description: String {
            switch self {
            case .noBlocks: "no PEM block found (expected a -----BEGIN ...----- line)"
            case .malformed(let error): "malformed PEM: \(error.messages.joined(separator: "; "))"
            }
        }
    }

    /// Every block in `document`, in order. Text outside blocks is ignored, as OpenSSL does.
    static func parseAll(_ document: [UInt8]) throws(ParseError) -> [PEMBlock] {
        let bio: MemoryBIO
        do { bio = try MemoryBIO(reading: document) } catch { throw .malformed(error) }
        var blocks: [PEMBlock] = []
        while true {
            OpenSSLError.clearQueue()
            var name: UnsafeMutablePointer<CChar>?
            var header: UnsafeMutablePointer<CChar>?
            var data: UnsafeMutablePointer<UInt8>?
            var length = 0
            let ok = PEM_read_bio(bio.pointer, &name, &header, &data, &length)
            defer {
                lt_OPENSSL_free(name)
                lt_OPENSSL_free(header)
                lt_OPENSSL_free(data)
            }
            guard ok == 1 else {
                let error = OpenSSLError.drain("PEM_read_bio")
                // Running out of BEGIN lines after at least one block is the normal end.
                if error.contains(library: ERR_LIB_PEM, reason: PEM_R_NO_START_LINE) {
                    if blocks.isEmpty { throw .noBlocks }
                    return blocks
                }
                throw .malformed(error)
            }
            let label = name.map { String(cString: $0) } ?? ""
            let headers = header.map { String(cString: $0) } ?? ""
            let der = data.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
            blocks.append(PEMBlock(label: label, headers: headers, der: der))
        }
    }

    /// Exactly one block; a document holding several is refused rather than silently truncated.
    static func parseSingle(_ document: [UInt8]) throws(ParseError) -> PEMBlock {
        let blocks = try parseAll(document)
        guard blocks.count == 1, let block = blocks.first else {
            let labels = blocks.map(\.label).joined(separator: ", ")
            throw .malformed(OpenSSLError(
                operation: "PEM parsing",
                messages: ["expected one PEM block, found \(blocks.count) (\(labels))"], codes: []))
        }
        return block
    }

    /// Whether the RFC 1421 headers mark the body as encrypted (`Proc-Type: 4,ENCRYPTED`).
    var isTraditionallyEncrypted: Bool { headers.contains("ENCRYPTED") }
}

extension PEMBlock {
    /// Writes `der` as a PEM block with 64-character lines and LF line ends (RFC 7468).
    static func encode(label: String, der: [UInt8]) -> String {
        let base64 = Array(Data(der).base64EncodedString().utf8)
        var text = "-----BEGIN \(label)-----\n"
        text.reserveCapacity(base64.count + base64.count / 64 + 2 * label.count + 40)
        var start = 0
        while start < base64.count {
            let end = min(start + 64, base64.count)
            text += String(decoding: base64[start..<end], as: UTF8.self)
            text += "\n"
            start = end
        }
        text += "-----END \(label)-----\n"
        return text
    }
}
