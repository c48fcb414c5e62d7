import LienthongCore
import LienthongCrypto

/// The gateway at the other end of an mTLS connection: the agency its client certificate names,
/// and the certificate itself, against which a message naming its signer by `x5t#S256` is checked.
public struct TLSPeer: Sendable {
    public let agency: AgencyCode
    /// Nil when only the agency is known (tests of stages that do not look at certificates).
    public let certificate: PresentedCertificate?

    public init(agency: AgencyCode, certificate: PresentedCertificate? = nil) {
        self.agency = agency
        self.certificate = certificate
    }

    /// The peer a TLS client certificate names. NIOSSL hands over the leaf only, so the
    /// presented chain is the leaf alone.
    public init(certificate: Certificate) throws(CertificateError) {
        agency = try certificate.agencyCode()
        self.certificate = PresentedCertificate(chain: [certificate])
    }
}
