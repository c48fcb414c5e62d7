import LienthongCore

/// Accepts only messages addressed to this gateway's agency (403 otherwise).
public struct RecipientCheck: Sendable {
    public let agency: AgencyCode

    public init(agency: AgencyCode) { self.agency = agency }

    public func check(_ envelope: Envelope) throws(Problem) {
        guard envelope.to == agency else {
            throw .wrongRecipient("the message is addressed to \(envelope.to); this gateway is \(agency)")
        }
    }
}
