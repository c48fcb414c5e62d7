import Foundation
import LienthongCore
@testable import LienthongCrypto

/// A development PKI shared by the tests: a root CA, an intermediate CA, and agency certificates
/// for the province `000.00.00.H41` (one per key type) and the ministry `000.00.00.G01`.
struct TestPKI: Sendable {
    static let shared = Result { try TestPKI() }

    static let province = agency("000.00.00.H41")
    static let ministry = agency("000.00.00.G01")

    let root: DevelopmentCA
    let intermediate: DevelopmentCA
    /// Province certificates issued by the root, keyed by key type description.
    private let provinceCertificates: [KeyType: Certificate]
    /// A ministry certificate issued by the intermediate (chain: leaf, intermediate).
    let ministryKey: PrivateKey
    let ministryCertificate: Certificate

    private init() throws {
        root = try DevelopmentCA.create(
            key: try PrivateKey.generate(.p256), commonName: "Lienthong Test Root CA", organization: "Lienthong")
        intermediate = try root.issueIntermediate(
            key: try PrivateKey.generate(.p256), commonName: "Lienthong Test Issuing CA", organization: "Lienthong")
        var certificates: [KeyType: Certificate] = [:]
        for type in [KeyType.p256, .ed25519, .rsa(bits: 2048)] {
            let request = try CertificateSigningRequest(
                key: try TestKeys.key(type), agency: Self.province,
                commonName: "Ủy ban nhân dân tỉnh Nghệ An", organization: "Tỉnh Nghệ An",
                dnsNames: ["gateway.nghean.gov.vn"], ipAddresses: ["192.0.2.10"])
            certificates[type] = try root.issueCertificate(for: request)
        }
        provinceCertificates = certificates
        ministryKey = try PrivateKey.generate(.p256)
        ministryCertificate = try intermediate.issueCertificate(
            for: ministryKey.publicKey, agency: Self.ministry, commonName: "Bộ Công an")
    }

    /// The province's key and certificate chain (leaf only: the root is the trust anchor).
    func province(_ algorithm: SignatureAlgorithm) throws -> (key: PrivateKey, chain: [Certificate]) {
        let key = try TestKeys.key(for: algorithm)
        guard let certificate = provinceCertificates[key.type] else { throw TestPKIError.missing(key.type) }
        return (key, [certificate])
    }

    /// The ministry's chain: leaf then intermediate.
    var ministryChain: [Certificate] { [ministryCertificate, intermediate.certificate] }

    /// A trust store holding only the root.
    func trustStore() throws -> TrustStore { try TrustStore(certificates: [root.certificate]) }

    /// A fresh province certificate with its own validity, issued by the root.
    func provinceCertificate(key: PrivateKey, validity: CertificateValidity) throws -> Certificate {
        try root.issueCertificate(for: key.publicKey, agency: Self.province, commonName: "Nghệ An", validity: validity)
    }

    private static func agency(_ text: String) -> AgencyCode {
        do { return try AgencyCode(parsing: text) } catch { preconditionFailure("fixture agency code \(text): \(error)") }
    }

    enum TestPKIError: Error { case missing(KeyType) }
}
