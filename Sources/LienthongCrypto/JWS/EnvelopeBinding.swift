import Foundation
import LienthongCore

/// Checks that a message's `Lienthong-*` metadata equals what its JWS signed.
///
/// Values are compared in canonical form (ids in lower case, times normalised to UTC seconds),
/// so a signer that wrote `+07:00` or upper-case hex is not rejected for notation alone.
enum EnvelopeBinding {
    static func check(_ header: JWSHeader, against envelope: Envelope) throws(JWSError) {
        var expected: [String: String] = [:]
        for (name, value) in envelope.headerFields { expected[name] = value }
        for name in JWSHeaderMember.envelopeHeaders {
            let signed = header[JWSHeaderMember.envelopeMember(forHeader: name)]
            switch (signed, expected[name]) {
            case (nil, nil):
                continue
            case (nil, .some):
                throw .envelopeFieldNotSigned(field: name)
            case (.some(let signed), nil):
                throw .envelopeFieldMissing(field: name, signed: signed)
            case (.some(let signed), .some(let received)):
                guard canonical(signed, header: name) == received else {
                    throw .envelopeFieldMismatch(field: name, signed: signed, received: received)
                }
            }
        }
    }

    /// The signed value in the form `Envelope.headerFields` produces, or unchanged if unreadable.
    private static func canonical(_ value: String, header: String) -> String {
        switch header {
        case HeaderName.messageID, HeaderName.correlationID:
            return (try? MessageID(parsing: value))?.rawValue ?? value
        case HeaderName.created:
            return Timestamp.parse(value).map { Timestamp.format(Timestamp.truncatedToSeconds($0)) } ?? value
        default:
            return value
        }
    }
}
