import Foundation
import LienthongCore

/// The period a certificate is valid in: `notBefore ... notAfter`, to the second.
public struct CertificateValidity: Sendable, Equatable {
    public let notBefore: Date
    public let notAfter: Date

    /// Any two dates; an empty or reversed period is refused when a certificate is issued, so tests
    /// can also describe periods entirely in the past or the future.
    public init(notBefore: Date, notAfter: Date) {
        self.notBefore = notBefore
        self.notAfter = notAfter
    }

    public init(_ range: ClosedRange<Date>) {
        self.init(notBefore: range.lowerBound, notAfter: range.upperBound)
    }

    /// Valid from one hour before `start` (so a peer whose clock runs a little behind accepts the
    /// certificate at once) until `days` days after `start`.
    public static func days(_ days: Int, from start: Date = Date()) -> CertificateValidity {
        CertificateValidity(
            notBefore: start.addingTimeInterval(-3600),
            notAfter: start.addingTimeInterval(Double(days) * 86_400))
    }

    /// Refuses periods X.509 cannot express or that contain no instant.
    func validate() throws(CertificateError) {
        guard notAfter > notBefore else {
            throw .invalidValidity(reason: "notAfter \(Timestamp.format(notAfter)) is not after notBefore \(Timestamp.format(notBefore))")
        }
        for date in [notBefore, notAfter] where !ASN1Time.encodableRange.contains(date.timeIntervalSince1970) {
            throw .invalidValidity(reason: "\(date) is outside the years 1950-9999 that X.509 can encode")
        }
    }
}

