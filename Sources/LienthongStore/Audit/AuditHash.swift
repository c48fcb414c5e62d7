import LienthongCrypto

/// The fields of one audit record exactly as stored, in the order they are hashed. Text fields are
/// their UTF-8 bytes as stored, so verification hashes what is on disk, not a re-rendering of it.
package struct AuditHashInput: Sendable, Hashable {
    package var sequence: Int64
    package var timeMilliseconds: Int64
    package var messageID: [UInt8]
    package var direction: [UInt8]
    package var from: [UInt8]
    package var to: [UInt8]
    package var service: [UInt8]
    package var outcome: [UInt8]
    package var payloadDigest: [UInt8]
    package var jws: [UInt8]?
    package var correlationID: [UInt8]?
    package var retention: [UInt8]
    package var payload: [UInt8]?
    package var previousHash: [UInt8]

    package init(
        sequence: Int64, timeMilliseconds: Int64, messageID: [UInt8], direction: [UInt8], from: [UInt8], to: [UInt8],
        service: [UInt8], outcome: [UInt8], payloadDigest: [UInt8], jws: [UInt8]?, correlationID: [UInt8]?,
        retention: [UInt8], payload: [UInt8]?, previousHash: [UInt8]
    ) {
        self.sequence = sequence
        self.timeMilliseconds = timeMilliseconds
        self.messageID = messageID
        self.direction = direction
        self.from = from
        self.to = to
        self.service = service
        self.outcome = outcome
        self.payloadDigest = payloadDigest
        self.jws = jws
        self.correlationID = correlationID
        self.retention = retention
        self.payload = payload
        self.previousHash = previousHash
    }
}

/// The hash that chains the audit trail.
///
/// `hash = SHA-256(encoding)`, where `encoding` is the concatenation of these fields, in this order:
///
///  1. the domain tag: the 18 ASCII bytes `lienthong-audit-v1`
///  2. sequence: 8 bytes, big-endian two's complement
///  3. time: milliseconds since 1970-01-01T00:00:00Z, 8 bytes, big-endian two's complement
///  4. message id: lower-case canonical UUID text (36 bytes)
///  5. direction: `inbound` or `outbound`
///  6. from: the sending agency code
///  7. to: the receiving agency code
///  8. service: the service id (`system.resource.action/vN`)
///  9. outcome: e.g. `answered` or `rejected:<problem type>`
/// 10. payload digest: the raw digest bytes (32 for SHA-256)
/// 11. JWS: the compact detached JWS text — optional
/// 12. correlation id: lower-case canonical UUID text — optional
/// 13. retention: `full`, `metadata` or `none`
/// 14. payload: the stored body bytes — optional
/// 15. previous hash: the 32-byte hash of the previous record (32 zero bytes for record 1)
///
/// Every field is written as a presence byte `0x01`, its length in bytes as an 8-byte big-endian
/// unsigned integer, then its bytes; text is UTF-8. An absent optional field is the single byte
/// `0x00`, so "absent" and "empty" differ and no two records share an encoding.
package enum AuditHash {
    package static let domainTag = Array("lienthong-audit-v1".utf8)
    /// The previous hash of record 1.
    package static let genesis = [UInt8](repeating: 0, count: 32)

    package static func encoding(of fields: AuditHashInput) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + (fields.jws?.count ?? 0) + (fields.payload?.count ?? 0))
        append(domainTag, to: &out)
        append(bigEndian(fields.sequence), to: &out)
        append(bigEndian(fields.timeMilliseconds), to: &out)
        append(fields.messageID, to: &out)
        append(fields.direction, to: &out)
        append(fields.from, to: &out)
        append(fields.to, to: &out)
        append(fields.service, to: &out)
        append(fields.outcome, to: &out)
        append(fields.payloadDigest, to: &out)
        append(fields.jws, to: &out)
        append(fields.correlationID, to: &out)
        append(fields.retention, to: &out)
        append(fields.payload, to: &out)
        append(fields.previousHash, to: &out)
        return out
    }

    package static func hash(of fields: AuditHashInput) throws -> [UInt8] {
        try Digest.sha256(encoding(of: fields))
    }

    private static func append(_ field: [UInt8]?, to out: inout [UInt8]) {
        guard let field else {
            out.append(0x00)
            return
        }
        out.append(0x01)
        out.append(contentsOf: bigEndian(Int64(field.count)))
        out.append(contentsOf: field)
    }

    private static func bigEndian(_ value: Int64) -> [UInt8] {
        let bits = UInt64(bitPattern: value)
        return (0..<8).map { UInt8(truncatingIfNeeded: bits >> (8 * (7 - $0))) }
    }
}
