import LienthongCrypto

/// Turns what the gateway asks to record into the stored fields and hash, applying retention.
/// Shared by every store so that all of them chain records identically.
package enum AuditRecordBuilder {
    package struct Built: Sendable {
        package var fields: AuditHashInput
        package var hash: [UInt8]
        package var record: AuditRecord
    }

    package static func record(
        for entry: AuditEntry, sequence: Int64, previousHash: [UInt8], milliseconds: Int64
    ) throws -> Built {
        var kept = entry
        switch entry.retention {
        case .full: break
        case .metadata: kept.payload = nil
        case .none:
            // The chain still needs a digest: that of an empty body, as `PayloadRetention.none` says.
            kept.payload = nil
            kept.payloadDigest = try Digest.sha256([UInt8]())
        }
        let fields = AuditHashInput(
            sequence: sequence, timeMilliseconds: milliseconds,
            messageID: Array(kept.messageID.rawValue.utf8), direction: Array(kept.direction.rawValue.utf8),
            from: Array(kept.from.rawValue.utf8), to: Array(kept.to.rawValue.utf8),
            service: Array(kept.service.rawValue.utf8), outcome: Array(kept.outcome.utf8),
            payloadDigest: kept.payloadDigest, jws: kept.jws.map { Array($0.utf8) },
            correlationID: kept.correlationID.map { Array($0.rawValue.utf8) },
            retention: Array(kept.retention.rawValue.utf8), payload: kept.payload, previousHash: previousHash)
        let hash = try AuditHash.hash(of: fields)
        let record = AuditRecord(
            sequence: sequence, time: AuditTime.date(milliseconds: milliseconds), entry: kept,
            previousHash: previousHash, hash: hash)
        return Built(fields: fields, hash: hash, record: record)
    }
}
