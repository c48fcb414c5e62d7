import Foundation
import LienthongCore
import Testing
@testable import LienthongCrypto

@Suite("Development CA: issuing")
struct CertificateIssuingTests {
    @Test("the root CA certificate is a self-signed CA with keyCertSign and cRLSign")
    func rootCertificate() throws {
        let root = try TestPKI.shared.get().root.certificate
        #expect(root.isCA)
        #expect(root.isSelfIssued)
        #expect(root.keyUsage == [.keyCertSign, .cRLSign])
        #expect(root.extendedKeyUsage == nil)
        #expect(root.subject.commonName == "Lienthong Test Root CA")
        #expect(root.subject.organization == "Lienthong")
        #expect(root.subject.description == "CN=Lienthong Test Root CA,O=Lienthong")
        expectError(CertificateError.self) { try root.agencyCode() } matches: {
            if case .missingAgencyCode = $0 { true } else { false }
        }
    }

    @Test("an agency certificate issued from a request carries everything asked for", arguments: [KeyType.p256, .ed25519, .rsa(bits: 2048)])
    func agencyCertificateFromRequest(_ type: KeyType) throws {
        let pki = try TestPKI.shared.get()
        let key = try TestKeys.key(type)
        let start = Date(timeIntervalSince1970: 1_900_000_000)
        let request = try CertificateSigningRequest(
            key: key, agency: TestPKI.province, commonName: "Ủy ban nhân dân tỉnh Nghệ An",
            organization: "Tỉnh Nghệ An", dnsNames: ["gw.nghean.gov.vn", "*.nghean.gov.vn"],
            ipAddresses: ["192.0.2.10", "2001:db8::1"])
        let certificate = try pki.root.issueCertificate(for: request, validity: .days(30, from: start))

        #expect(certificate.subject.commonName == "Ủy ban nhân dân tỉnh Nghệ An")
        #expect(certificate.subject.organization == "Tỉnh Nghệ An")
        #expect(certificate.issuer == pki.root.certificate.subject)
        #expect(!certificate.isCA)
        #expect(!certificate.isSelfIssued)
        let expectedUsage: KeyUsage = type == .rsa(bits: 2048) ? [.digitalSignature, .keyEncipherment] : .digitalSignature
        #expect(certificate.keyUsage == expectedUsage)
        #expect(certificate.extendedKeyUsage == [.serverAuth, .clientAuth])
        #expect(certificate.subjectAlternativeNames.uris == ["urn:lienthong:agency:000.00.00.H41"])
        #expect(certificate.subjectAlternativeNames.dnsNames == ["gw.nghean.gov.vn", "*.nghean.gov.vn"])
        #expect(certificate.subjectAlternativeNames.ipAddresses == ["192.0.2.10", "2001:db8::1"])
        #expect(try certificate.agencyCode() == TestPKI.province)
        #expect(certificate.notBefore == start.addingTimeInterval(-3600))
        #expect(certificate.notAfter == start.addingTimeInterval(30 * 86_400))
        #expect(try certificate.publicKey() == key.publicKey)
        #expect(certificate.sha256Fingerprint == (try Digest.sha256(certificate.derEncoded)))
        #expect(certificate.sha256FingerprintHex.count == 32 * 3 - 1)
    }

    @Test("serial numbers are random 128-bit values")
    func randomSerials() throws {
        let pki = try TestPKI.shared.get()
        let key = try TestKeys.key(.p256)
        let serials = try (0..<5).map { _ in
            try pki.root.issueCertificate(for: key.publicKey, agency: TestPKI.province, commonName: "Nghệ An").serialNumber
        }
        #expect(Set(serials).count == 5)
        // 16 random bytes: at most 32 hex digits (fewer than 24 would need 36 leading zero bits).
        #expect(serials.allSatisfy { $0.count <= 32 && $0.count >= 24 })
    }

    @Test("CAs of every key type issue verifiable certificates", arguments: [KeyType.p256, .ed25519, .rsa(bits: 2048)])
    func caKeyTypes(_ type: KeyType) throws {
        let ca = try DevelopmentCA.create(key: try TestKeys.key(type), commonName: "CA \(type)")
        let certificate = try ca.issueCertificate(
            for: try TestKeys.key(.p256).publicKey, agency: TestPKI.ministry, commonName: "Bộ Công an")
        let store = try TrustStore(certificates: [ca.certificate])
        let verified = try store.verify(chain: [certificate])
        #expect(verified.agency == TestPKI.ministry)
    }

    @Test("an intermediate CA is a CA issued by the root")
    func intermediate() throws {
        let pki = try TestPKI.shared.get()
        #expect(pki.intermediate.certificate.isCA)
        #expect(pki.intermediate.certificate.issuer == pki.root.certificate.subject)
        #expect(pki.ministryCertificate.issuer == pki.intermediate.certificate.subject)
        #expect(try pki.ministryCertificate.agencyCode() == TestPKI.ministry)
    }

    @Test("a self-signed agency certificate is not a CA and names its agency")
    func selfSigned() throws {
        let key = try TestKeys.key(.ed25519)
        let certificate = try DevelopmentCA.selfSignedCertificate(
            key: key, agency: TestPKI.province, commonName: "Nghệ An (dev)", dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"])
        #expect(!certificate.isCA)
        #expect(certificate.isSelfIssued)
        #expect(certificate.keyUsage == .digitalSignature)
        #expect(try certificate.agencyCode() == TestPKI.province)
        #expect(certificate.subjectAlternativeNames.ipAddresses == ["127.0.0.1"])
    }

    @Test("unusable names are refused before anything is signed")
    func invalidNames() throws {
        let key = try TestKeys.key(.p256)
        let ca = try TestPKI.shared.get().root
        let cases: [(String, [String], [String])] = [
            ("", [], []),
            // X.509 bounds a common name to 64 characters (RFC 5280 ub-common-name).
            (String(repeating: "Ủ", count: 65), [], []),
            ("Nghệ An", ["bad name"], []),
            ("Nghệ An", ["gw.example,URI:urn:lienthong:agency:000.00.00.G01"], []),
            ("Nghệ An", ["-gw.example"], []),
            ("Nghệ An", [], ["999.1.1.1"]),
            ("Nghệ An", [], ["gateway"]),
        ]
        for (commonName, dnsNames, ipAddresses) in cases {
            expectError(CertificateError.self) {
                try ca.issueCertificate(
                    for: key.publicKey, agency: TestPKI.province, commonName: commonName,
                    dnsNames: dnsNames, ipAddresses: ipAddresses)
            } matches: {
                if case .invalidName = $0 { true } else { false }
            }
        }
    }

    @Test("empty or reversed validity is refused")
    func invalidValidity() throws {
        let key = try TestKeys.key(.p256)
        let ca = try TestPKI.shared.get().root
        let now = Date()
        for validity in [CertificateValidity.days(-1, from: now), CertificateValidity(notBefore: now, notAfter: now),
                         CertificateValidity(notBefore: Date(timeIntervalSince1970: -1e12), notAfter: now)] {
            expectError(CertificateError.self) {
                try ca.issueCertificate(for: key.publicKey, agency: TestPKI.province, commonName: "X", validity: validity)
            } matches: {
                if case .invalidValidity = $0 { true } else { false }
            }
        }
    }

    @Test("a CA needs a CA certificate and its own key")
    func caConsistency() throws {
        let pki = try TestPKI.shared.get()
        let (leafKey, leafChain) = try pki.province(.es256)
        expectError(CertificateError.self) { try DevelopmentCA(key: leafKey, certificate: leafChain[0]) } matches: {
            if case .notACertificateAuthority = $0 { true } else { false }
        }
        expectError(CertificateError.self) { try DevelopmentCA(key: leafKey, certificate: pki.root.certificate) } matches: {
            if case .keyDoesNotMatchCertificate = $0 { true } else { false }
        }
    }

    @Test("a request must name exactly one valid agency to be issued")
    func requestAgency() throws {
        let ca = try TestPKI.shared.get().root
        let key = try TestKeys.key(.p256)
        let subject = DistinguishedName(commonName: "Nghệ An")
        let none = try CertificateSigningRequest(key: key, subject: subject, alternativeNames: SubjectAlternativeNames(dnsNames: ["gw.example"]))
        expectError(CertificateError.self) { try ca.issueCertificate(for: none) } matches: {
            if case .missingAgencyCode = $0 { true } else { false }
        }
        let two = try CertificateSigningRequest(key: key, subject: subject, alternativeNames: SubjectAlternativeNames(
            uris: ["urn:lienthong:agency:000.00.00.H41", "URN:LIENTHONG:AGENCY:000.00.00.G01"]))
        expectError(CertificateError.self) { try ca.issueCertificate(for: two) } matches: {
            if case .multipleAgencyCodes(_, let uris) = $0 { uris.count == 2 } else { false }
        }
        let invalid = try CertificateSigningRequest(key: key, subject: subject, alternativeNames: SubjectAlternativeNames(
            uris: ["urn:lienthong:agency:000.00.00.h41", "https://nghean.gov.vn"]))
        expectError(CertificateError.self) { try ca.issueCertificate(for: invalid) } matches: {
            if case .invalidAgencyCode(_, let uri, _) = $0 { uri == "urn:lienthong:agency:000.00.00.h41" } else { false }
        }
    }
}
