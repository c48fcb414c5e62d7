import ArgumentParser
import Foundation
import LienthongCore
import LienthongCrypto

/// `lienthong sign`: the detached JWS a gateway would send as `Lienthong-Signature`.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a payload as a message between agencies; print the detached JWS.",
        discussion: """
            The JWS (RFC 7515, compact, detached, unencoded payload per RFC 7797) carries the \
            Lienthong-* envelope values in its protected header and the certificate chain in x5c, \
            or with --thumbprint only the certificate's x5t#S256, as gateways sign requests to \
            each other (the verifier then needs the certificate: `lienthong verify --certificate`).
            """)

    @OptionGroup var keyInput: KeyInputOptions

    @Option(help: "The signer's certificate chain (PEM, leaf first).")
    var cert: String

    @Option(help: "The sending agency's code.")
    var from: String

    @Option(help: "The receiving agency's code.")
    var to: String

    @Option(help: "The service id, e.g. population.citizen.lookup/v1.")
    var service: String

    @Option(help: "The message id (a UUID version 7); a new one by default.")
    var id: String?

    @Option(help: "The id of the request this message answers.")
    var correlationId: String?

    @Flag(help: "Name the certificate by its x5t#S256 thumbprint instead of sending the chain in x5c.")
    var thumbprint = false

    @Argument(help: "The payload file ('-' reads standard input).")
    var file: String

    func run() throws {
        let key = try keyInput.load()
        let chain = try KeyFiles.certificateChain(cert)
        let payload = try readPayload(file)
        let envelope: Envelope
        do {
            envelope = Envelope(
                id: try id.map { try MessageID(parsing: $0) } ?? MessageID(),
                from: try AgencyCode(parsing: from), to: try AgencyCode(parsing: to),
                service: try ServiceID(parsing: service),
                correlationID: try correlationId.map { try MessageID(parsing: $0) }, payload: payload)
        } catch let error as IdentifierError {
            throw CommandFailure(error.description)
        }
        if let certified = try? chain.first?.agencyCode(), certified != envelope.from {
            throw CommandFailure("the certificate belongs to \(certified), not to the sender \(envelope.from)")
        }
        do {
            let signer = try JWSSigner(key: key, certificateChain: chain)
            print(try signer.sign(envelope: envelope, certificate: thumbprint ? .thumbprint : .chain))
        } catch {
            throw CommandFailure("cannot sign: \(error)")
        }
    }
}

/// Reads a payload file, or standard input for '-'.
func readPayload(_ path: String) throws -> [UInt8] {
    if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandFailure("cannot read payload file \(path)")
    }
    return Array(data)
}
