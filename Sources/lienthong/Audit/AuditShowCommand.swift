import ArgumentParser
import Foundation
import LienthongCore
import LienthongCrypto
import LienthongStore

/// `lienthong audit show ID`: the records of one message, and of the responses answering it.
struct AuditShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the audit records of a message (and of the responses that answer it).",
        discussion: """
            Each record's JWS is printed alone on the line after "jws:", so it can be copied \
            into a file and checked with `lienthong verify`. A JWS that names its signer \
            certificate by thumbprint (x5t#S256, as gateways sign requests to each other) is \
            followed by that certificate in PEM, kept in the audit trail: give it to \
            `lienthong verify --certificate`.
            """)

    @Argument(help: "The message id (a UUIDv7, as in Lienthong-Message-Id).")
    var id: String

    @OptionGroup var data: AuditDataOptions

    func run() async throws {
        let messageID: MessageID
        do { messageID = try MessageID(parsing: id) } catch { throw CommandFailure(error.description) }
        let store = try await data.openStore()
        var rendered: [String] = []
        do {
            let records = try await store.auditLog.records(for: messageID)
            for record in records {
                let thumbprint = record.entry.jws.flatMap(JWSHeader.unverifiedCertificateThumbprint(of:))
                let certificate = try await thumbprint.asyncMap { try await store.auditLog.certificate(thumbprint: $0) }
                rendered.append(AuditRecordText.render(record, certificate: try certificate.map { kept throws in
                    try kept.map { der throws in
                        // The table is not hash-chained: a certificate that is not what its
                        // thumbprint names is shown as such.
                        try AuditCertificate.thumbprint(of: der) == thumbprint ? AuditRecordText.pem(der)
                            : "(the kept certificate does not match the thumbprint: altered)"
                    }
                }))
            }
        } catch {
            await store.close()
            throw CommandFailure("cannot read the audit records of \(messageID): \(error)")
        }
        await store.close()
        guard !rendered.isEmpty else { throw CommandFailure("no audit records for message \(messageID)") }
        print(rendered.joined(separator: "\n"))
    }
}

/// How `audit show` prints one record.
enum AuditRecordText {
    /// - Parameter certificate: for a JWS naming its certificate by `x5t#S256`, the kept
    ///   certificate in PEM, or `.some(nil)` when the trail does not hold it; nil otherwise.
    static func render(_ record: AuditRecord, certificate: String?? = nil) -> String {
        let entry = record.entry
        var lines = [
            "record \(record.sequence)",
            "  time:        \(time(record.time))",
            "  message:     \(entry.messageID)",
            "  direction:   \(entry.direction.rawValue)",
            "  route:       \(entry.from) → \(entry.to)",
            "  service:     \(entry.service)",
            "  outcome:     \(entry.outcome)",
            "  digest:      \(hex(entry.payloadDigest))",
        ]
        if let correlation = entry.correlationID { lines.append("  answers:     \(correlation)") }
        lines.append("  payload:     \(entry.payload.map { "\($0.count) bytes kept" } ?? "not kept") (retention \(entry.retention.rawValue))")
        lines.append("  hash:        \(hex(record.hash))")
        lines.append("  jws:")
        // A later record about a message (delivered, processed, dead) does not repeat its JWS.
        lines.append(entry.jws ?? "(none: the record that queued or stored this message has its JWS)")
        if let certificate {
            lines.append("  certificate (x5t#S256 of the jws):")
            lines.append(certificate.map { $0.trimmingCharacters(in: .newlines) } ?? "(not kept in this audit trail)")
        }
        return lines.joined(separator: "\n")
    }

    /// PEM of DER certificate bytes (64 characters a line, as OpenSSL writes it).
    static func pem(_ der: [UInt8]) -> String {
        var base64 = Substring(Data(der).base64EncodedString())
        var lines = ["-----BEGIN CERTIFICATE-----"]
        while !base64.isEmpty {
            lines.append(String(base64.prefix(64)))
            base64 = base64.dropFirst(64)
        }
        lines.append("-----END CERTIFICATE-----")
        return lines.joined(separator: "\n")
    }

    /// RFC 3339 in UTC with milliseconds, the precision records are kept at.
    static func time(_ date: Date) -> String {
        let seconds = Timestamp.format(date)
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        let fraction = String(milliseconds + 1000).dropFirst()
        return seconds.dropLast() + "." + fraction + "Z"
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}

extension Optional {
    /// `map` with an async transform.
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
