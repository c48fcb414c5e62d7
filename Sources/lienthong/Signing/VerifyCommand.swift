import ArgumentParser
import Foundation
import LienthongCore
import LienthongCrypto

/// `lienthong verify`: checks a detached JWS over a payload, as a receiving gateway would.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a detached JWS over a payload; say valid, or why not (exit 1).",
        discussion: """
            Checks the signature, the certificate chain against the trusted CAs at the current \
            time (or --at), that the certificate belongs to the signed sender (Lienthong-From), \
            and, when given, that the signed values equal --from, --to, --service and --id. A JWS \
            that names its certificate by thumbprint (x5t#S256) verifies only with that \
            certificate given as --certificate (`lienthong audit show` prints it).
            """)

    @Option(help: "Trusted CA certificates (PEM; repeatable).")
    var trust: [String]

    @Option(help: "A file holding the compact JWS.")
    var signature: String

    @Option(help: "Expected sender agency code.")
    var from: String?

    @Option(help: "Expected receiver agency code.")
    var to: String?

    @Option(help: "Expected service id.")
    var service: String?

    @Option(help: "Expected message id.")
    var id: String?

    @Option(help: "The signer certificate (PEM, then any intermediates) of a JWS naming it by x5t#S256.")
    var certificate: String?

    @Option(help: "Verify as of this RFC 3339 time instead of now.")
    var at: String?

    @Argument(help: "The payload file ('-' reads standard input).")
    var file: String

    func validate() throws {
        if trust.isEmpty { throw ValidationError("give at least one --trust CA certificate file") }
    }

    func run() throws {
        let store: TrustStore
        do { store = try TrustStore(pemFiles: trust) } catch { throw CommandFailure("cannot load the trusted CAs: \(error)") }
        let jws = try KeyFiles.readText(signature, what: "signature file").trimmingCharacters(in: .whitespacesAndNewlines)
        let payload = try readPayload(file)
        var date = Date()
        if let at {
            guard let parsed = Timestamp.parse(at) else { throw CommandFailure("--at \(at) is not an RFC 3339 time") }
            date = parsed
        }
        var presented: PresentedCertificate?
        if let certificate {
            let chain: [Certificate]
            do { chain = try Certificate.chain(pemEncoded: try KeyFiles.readText(certificate, what: "certificate file")) } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure("\(certificate) holds no PEM certificate: \(error)")
            }
            presented = PresentedCertificate(chain: chain)
            if presented == nil { throw CommandFailure("\(certificate) holds no PEM certificate") }
        }
        let verifier = JWSVerifier(trustStore: store)
        let verified: VerifiedJWS
        do {
            // First the signature and chain, to learn the signed envelope; then the envelope
            // checks, which also bind the certificate to the signed sender.
            let signed = try verifier.verify(jws, payload: payload, at: date, presented: presented)
            let envelope = try signedEnvelope(signed.header, payload: payload)
            verified = try verifier.verify(jws, envelope: envelope, at: date, presented: presented)
            try checkExpectations(envelope)
        } catch let failure as CommandFailure {
            throw CommandFailure("invalid: \(failure.message)")
        } catch {
            throw CommandFailure("invalid: \(error)")
        }
        print("valid: signed by \(verified.signer)\(verified.certificate.map { " (\($0.subject))" } ?? "")")
        if presented != nil && verified.header.certificateThumbprint == nil {
            // Say so rather than let the operator believe the given file was checked.
            print("  note: --certificate was not used: the JWS carries its own certificate chain (x5c)")
        }
        for name in JWSHeaderMember.envelopeHeaders {
            if let value = verified.header[JWSHeaderMember.envelopeMember(forHeader: name)] {
                print("  \(name): \(value)")
            }
        }
    }

    /// The envelope the header claims, parsed with the same types the gateway uses.
    private func signedEnvelope(_ header: JWSHeader, payload: [UInt8]) throws -> Envelope {
        func member(_ name: String) throws -> String {
            guard let value = header[JWSHeaderMember.envelopeMember(forHeader: name)] else {
                throw CommandFailure("the signature does not carry \(name)")
            }
            return value
        }
        do {
            guard let created = Timestamp.parse(try member(HeaderName.created)) else {
                throw CommandFailure("the signed \(HeaderName.created) is not an RFC 3339 time")
            }
            return Envelope(
                id: try MessageID(parsing: try member(HeaderName.messageID)),
                from: try AgencyCode(parsing: try member(HeaderName.from)),
                to: try AgencyCode(parsing: try member(HeaderName.to)),
                service: try ServiceID(parsing: try member(HeaderName.service)),
                created: created,
                correlationID: try header[JWSHeaderMember.envelopeMember(forHeader: HeaderName.correlationID)]
                    .map { try MessageID(parsing: $0) },
                payload: payload)
        } catch let error as IdentifierError {
            throw CommandFailure("the signed header holds an \(error)")
        }
    }

    private func checkExpectations(_ envelope: Envelope) throws {
        let checks: [(String, String?, String)] = [
            (HeaderName.from, from, envelope.from.rawValue), (HeaderName.to, to, envelope.to.rawValue),
            (HeaderName.service, service, envelope.service.rawValue),
            (HeaderName.messageID, id?.lowercased(), envelope.id.rawValue),
        ]
        for (name, expected, signed) in checks {
            if let expected, expected != signed {
                throw CommandFailure("the signed \(name) is \(signed), expected \(expected)")
            }
        }
    }
}
