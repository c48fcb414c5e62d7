import Foundation
import Testing
@testable import LienthongCrypto

@Suite("Trust store")
struct TrustStoreTests {
    @Test("a leaf issued by the root verifies and yields its agency", arguments: SignatureAlgorithm.allCases)
    func verifiesLeaf(_ algorithm: SignatureAlgorithm) throws {
        let pki = try TestPKI.shared.get()
        let verified = try pki.trustStore().verify(chain: pki.province(algorithm).chain)
        #expect(verified.agency == TestPKI.province)
        #expect(verified.leaf == (try pki.province(algorithm).chain[0]))
        #expect(verified.chain == [verified.leaf, pki.root.certificate])
    }

    @Test("a chain through an intermediate verifies; without the intermediate it does not")
    func intermediateChain() throws {
        let pki = try TestPKI.shared.get()
        let store = try pki.trustStore()
        let verified = try store.verify(chain: pki.ministryChain)
        #expect(verified.agency == TestPKI.ministry)
        #expect(verified.chain == pki.ministryChain + [pki.root.certificate])
        expectError(TrustError.self) { try store.verify(chain: [pki.ministryCertificate]) } matches: {
            $0 == .untrustedIssuer(subject: "CN=Bộ Công an", issuer: "CN=Lienthong Test Issuing CA,O=Lienthong")
        }
    }

    @Test("belongsTo accepts the right agency and names both in a mismatch")
    func belongsTo() throws {
        let pki = try TestPKI.shared.get()
        let store = try pki.trustStore()
        #expect(try store.verify(chain: pki.ministryChain, belongsTo: TestPKI.ministry).agency == TestPKI.ministry)
        expectError(TrustError.self) { try store.verify(chain: pki.ministryChain, belongsTo: TestPKI.province) } matches: {
            $0 == .agencyMismatch(certificate: TestPKI.ministry, expected: TestPKI.province)
                && $0.description == "certificate belongs to 000.00.00.G01, not 000.00.00.H41"
        }
    }

    @Test("an expired certificate is refused with its notAfter, and was valid before it")
    func expired() throws {
        let now = Date().rounded
        let ca = try DevelopmentCA.create(
            key: try TestKeys.key(.p256), commonName: "Old CA",
            validity: CertificateValidity(notBefore: now.addingTimeInterval(-60 * 86_400), notAfter: now.addingTimeInterval(86_400)))
        let end = now.addingTimeInterval(-86_400)
        let certificate = try ca.issueCertificate(
            for: try TestKeys.key(.ed25519).publicKey, agency: TestPKI.province, commonName: "Nghệ An",
            validity: CertificateValidity(notBefore: end.addingTimeInterval(-30 * 86_400), notAfter: end))
        let store = try TrustStore(certificates: [ca.certificate])
        expectError(TrustError.self) { try store.verify(chain: [certificate]) } matches: {
            $0 == .expired(subject: "CN=Nghệ An", notAfter: end)
        }
        #expect(try store.verify(chain: [certificate], at: end.addingTimeInterval(-86_400)).agency == TestPKI.province)
    }

    @Test("a not-yet-valid certificate is refused with its notBefore")
    func notYetValid() throws {
        let pki = try TestPKI.shared.get()
        let start = Date().addingTimeInterval(86_400).rounded
        let certificate = try pki.provinceCertificate(
            key: try TestKeys.key(.p256), validity: CertificateValidity(notBefore: start, notAfter: start.addingTimeInterval(86_400)))
        expectError(TrustError.self) { try pki.trustStore().verify(chain: [certificate]) } matches: {
            $0 == .notYetValid(subject: "CN=Nghệ An", notBefore: start)
        }
    }

    @Test("a certificate from another CA is untrusted")
    func otherCA() throws {
        let pki = try TestPKI.shared.get()
        let other = try DevelopmentCA.create(key: try TestKeys.key(.ed25519), commonName: "Rogue CA")
        let certificate = try other.issueCertificate(for: try TestKeys.key(.p256).publicKey, agency: TestPKI.ministry, commonName: "Bộ Công an")
        expectError(TrustError.self) { try pki.trustStore().verify(chain: [certificate]) } matches: {
            $0 == .untrustedIssuer(subject: "CN=Bộ Công an", issuer: "CN=Rogue CA")
        }
        // Sending the rogue root along does not help: it is self-signed and not trusted.
        expectError(TrustError.self) { try pki.trustStore().verify(chain: [certificate, other.certificate]) } matches: {
            $0 == .untrustedSelfSigned(subject: "CN=Rogue CA")
        }
    }

    @Test("a self-signed certificate verifies only when pinned in the store")
    func selfSigned() throws {
        let pki = try TestPKI.shared.get()
        let certificate = try DevelopmentCA.selfSignedCertificate(key: try TestKeys.key(.p256), agency: TestPKI.province, commonName: "Nghệ An")
        expectError(TrustError.self) { try pki.trustStore().verify(chain: [certificate]) } matches: {
            $0 == .untrustedSelfSigned(subject: "CN=Nghệ An")
        }
        let pinned = try TrustStore(certificates: [pki.root.certificate, certificate])
        #expect(try pinned.verify(chain: [certificate]).agency == TestPKI.province)
    }

    @Test("a certificate with a broken signature is refused")
    func badSignature() throws {
        let pki = try TestPKI.shared.get()
        var der = try pki.province(.es256).chain[0].derEncoded
        // The signature BIT STRING is the last element: flipping its last byte breaks it.
        der[der.count - 1] ^= 0x01
        let tampered = try Certificate(derEncoded: der)
        expectError(TrustError.self) { try pki.trustStore().verify(chain: [tampered]) } matches: {
            $0 == .badSignature(subject: "CN=Ủy ban nhân dân tỉnh Nghệ An,O=Tỉnh Nghệ An")
        }
    }

    @Test("a CA certificate cannot be the leaf")
    func caAsLeaf() throws {
        let pki = try TestPKI.shared.get()
        expectError(TrustError.self) { try pki.trustStore().verify(chain: [pki.intermediate.certificate]) } matches: {
            $0 == .caCertificateAsLeaf(subject: "CN=Lienthong Test Issuing CA,O=Lienthong")
        }
    }

    @Test("a leaf without digitalSignature cannot sign")
    func missingDigitalSignature() throws {
        let pki = try TestPKI.shared.get()
        var profile = CertificateProfile.agency(
            subject: DistinguishedName(commonName: "Encrypt only"), key: try TestKeys.key(.rsa(bits: 2048)).publicKey,
            validity: .days(1), alternativeNames: SubjectAlternativeNames(uris: ["urn:lienthong:agency:000.00.00.G01"]))
        profile.keyUsage = .keyEncipherment
        let certificate = try CertificateBuilder.issue(profile, issuer: pki.root.certificate, signingKey: pki.root.key)
        expectError(TrustError.self) { try pki.trustStore().verify(chain: [certificate]) } matches: {
            $0 == .missingDigitalSignatureUsage(subject: "CN=Encrypt only")
        }
    }

    @Test("a leaf without an agency is refused")
    func noAgency() throws {
        let pki = try TestPKI.shared.get()
        let profile = CertificateProfile.agency(
            subject: DistinguishedName(commonName: "Anonymous"), key: try TestKeys.key(.p256).publicKey,
            validity: .days(1), alternativeNames: SubjectAlternativeNames(dnsNames: ["anon.example"]))
        let certificate = try CertificateBuilder.issue(profile, issuer: pki.root.certificate, signingKey: pki.root.key)
        expectError(TrustError.self) { try pki.trustStore().verify(chain: [certificate]) } matches: {
            if case .agencyUnavailable(.missingAgencyCode) = $0 { true } else { false }
        }
    }

    @Test("TLS purposes follow extendedKeyUsage")
    func tlsPurposes() throws {
        let pki = try TestPKI.shared.get()
        let store = try pki.trustStore()
        let chain = try pki.province(.es256).chain
        #expect(try store.verify(chain: chain, purpose: .tlsClient).agency == TestPKI.province)
        #expect(try store.verify(chain: chain, purpose: .tlsServer).agency == TestPKI.province)
        var profile = CertificateProfile.agency(
            subject: DistinguishedName(commonName: "Server only"), key: try TestKeys.key(.p256).publicKey,
            validity: .days(1), alternativeNames: SubjectAlternativeNames(uris: ["urn:lienthong:agency:000.00.00.G01"]))
        profile.extendedKeyUsage = .serverAuth
        let serverOnly = try CertificateBuilder.issue(profile, issuer: pki.root.certificate, signingKey: pki.root.key)
        #expect(try store.verify(chain: [serverOnly], purpose: .tlsServer).agency == TestPKI.ministry)
        expectError(TrustError.self) { try store.verify(chain: [serverOnly], purpose: .tlsClient) } matches: {
            if case .purposeNotAllowed(let subject, .tlsClient, _) = $0 { subject == "CN=Server only" } else { false }
        }
    }

    @Test("empty inputs are refused")
    func emptyInputs() throws {
        expectError(TrustError.self) { try TrustStore(certificates: []) } matches: { $0 == .noTrustAnchors }
        expectError(TrustError.self) { try TestPKI.shared.get().trustStore().verify(chain: []) } matches: { $0 == .emptyChain }
    }

    @Test("a store loads from PEM text and files")
    func loading() throws {
        let pki = try TestPKI.shared.get()
        let bundle = pki.root.certificate.pemEncoded + pki.intermediate.certificate.pemEncoded
        #expect(try TrustStore(pemEncoded: bundle).certificates == [pki.root.certificate, pki.intermediate.certificate])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-trust-\(UUID()).pem").path
        try bundle.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try TrustStore(pemFiles: [path]).certificates.count == 2)
        expectError(TrustError.self) { try TrustStore(pemFiles: [path + ".missing"]) } matches: {
            if case .unreadableFile(let missing, _) = $0 { missing == path + ".missing" } else { false }
        }
        expectError(TrustError.self) { try TrustStore(pemEncoded: "nothing") } matches: {
            if case .invalidTrustAnchor(.malformedPEM) = $0 { true } else { false }
        }
    }

    @Test("errors name the certificate and read well")
    func descriptions() {
        #expect(TrustError.untrustedIssuer(subject: "CN=A", issuer: "CN=B").description
            == "certificate 'CN=A' is issued by 'CN=B', which is not in the trust store")
        #expect(TrustError.expired(subject: "CN=A", notAfter: Date(timeIntervalSince1970: 0)).description
            == "certificate 'CN=A' has expired (notAfter 1970-01-01T00:00:00Z)")
    }

    @Test("100 concurrent verifications of shared chains succeed")
    func concurrentVerification() async throws {
        let pki = try TestPKI.shared.get()
        let store = try pki.trustStore()
        let chains = [try pki.province(.es256).chain, pki.ministryChain]
        let agencies = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<100 {
                group.addTask { try store.verify(chain: chains[index % 2]).agency.rawValue }
            }
            var agencies: [String] = []
            for try await agency in group { agencies.append(agency) }
            return agencies
        }
        #expect(agencies.filter { $0 == "000.00.00.H41" }.count == 50)
        #expect(agencies.filter { $0 == "000.00.00.G01" }.count == 50)
    }
}

extension Date {
    /// Whole seconds, as certificates store them.
    var rounded: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
