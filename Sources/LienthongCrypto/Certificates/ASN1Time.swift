import COpenSSL
import Foundation

/// Conversions between OpenSSL `ASN1_TIME` (UTCTime/GeneralizedTime) and `Date`, in whole seconds.
enum ASN1Time {
    /// 1950-01-01T00:00:00Z up to 9999-12-31T23:59:59Z: what X.509 time fields can hold.
    static let encodableRange: ClosedRange<TimeInterval> = -631_152_000...253_402_300_799

    /// The instant `time` names, or nil if its text is not a valid time.
    static func date(_ time: UnsafePointer<ASN1_TIME>) -> Date? {
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else {
            OpenSSLError.clearQueue()
            return nil
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    /// Sets `time` to `date` (truncated to the second); OpenSSL picks UTCTime or GeneralizedTime.
    static func set(_ time: UnsafeMutablePointer<ASN1_TIME>, to date: Date) -> Bool {
        let seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        return ASN1_TIME_set(time, seconds) != nil
    }
}
