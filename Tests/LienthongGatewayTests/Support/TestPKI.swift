import Foundation
import LienthongCore
import LienthongCrypto
@testable import LienthongGateway

/// A development PKI generated per test run: one trusted CA issuing the province (H41) and
/// ministry (G01) gateway certificates, and a second CA nobody trusts.
struct TestPKI {
    let ca: DevelopmentCA
    let rogueCA: DevelopmentCA
    let province: GatewayIdentity
    let ministry: GatewayIdentity

    static let provinceAgency = agency("000.00.00.H41")
    static let ministryAgency = agency("000.00.00.G01")
    static let otherProvinceAgency = agency("000.00.00.H01")

    init() throws {
        ca = try DevelopmentCA.create(key: try PrivateKey.generate(.p256), commonName: "Test Government CA")
        rogueCA = try DevelopmentCA.create(key: try PrivateKey.generate(.p256), commonName: "Rogue CA")
        province = try Self.identity(for: Self.provinceAgency, issuedBy: ca)
        ministry = try Self.identity(for: Self.ministryAgency, issuedBy: ca)
    }

    /// An identity for `agency`, issued by `issuer`, trusting only the test CA.
    func identity(for agency: AgencyCode, issuedBy issuer: DevelopmentCA? = nil) throws -> GatewayIdentity {
        let issued = try Self.identity(for: agency, issuedBy: issuer ?? ca)
        return GatewayIdentity(certificateChain: issued.certificateChain, privateKey: issued.privateKey, trustedCAs: [ca.certificate])
    }

    private static func identity(for agency: AgencyCode, issuedBy issuer: DevelopmentCA) throws -> GatewayIdentity {
        let key = try PrivateKey.generate(.p256)
        let certificate = try issuer.issueCertificate(
            for: key.publicKey, agency: agency, commonName: "Gateway \(agency)", dnsNames: ["localhost"],
            ipAddresses: ["127.0.0.1"])
        return GatewayIdentity(certificateChain: [certificate], privateKey: key, trustedCAs: [issuer.certificate])
    }

    static func agency(_ text: String) -> AgencyCode {
        // Literals of this file only; a typo fails every test loudly.
        guard let code = try? AgencyCode(parsing: text) else { preconditionFailure("bad test agency \(text)") }
        return code
    }
}
