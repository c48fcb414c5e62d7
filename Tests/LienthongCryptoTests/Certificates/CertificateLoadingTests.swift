import Foundation
import Testing
@testable import LienthongCrypto

@Suite("Certificates: loading and exporting")
struct CertificateLoadingTests {
    @Test("PEM and DER round-trip")
    func roundTrip() throws {
        let certificate = try TestPKI.shared.get().ministryCertificate
        #expect(certificate.pemEncoded.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        let fromPEM = try Certificate(pemEncoded: certificate.pemEncoded)
        #expect(fromPEM == certificate)
        #expect(fromPEM.subject == certificate.subject)
        #expect(fromPEM.serialNumber == certificate.serialNumber)
        #expect(try Certificate(derEncoded: certificate.derEncoded) == certificate)
    }

    @Test("a chain loads in order from one PEM document")
    func chain() throws {
        let pki = try TestPKI.shared.get()
        let text = pki.ministryChain.map(\.pemEncoded).joined(separator: "\n")
        let chain = try Certificate.chain(pemEncoded: text)
        #expect(chain == pki.ministryChain)
        expectError(CertificateError.self) { try Certificate(pemEncoded: text) } matches: {
            if case .malformedPEM(let reason) = $0 { reason.contains("found 2") } else { false }
        }
    }

    @Test("text without PEM, a damaged block or another kind of block is refused")
    func badPEM() throws {
        let pem = try TestPKI.shared.get().ministryCertificate.pemEncoded
        expectError(CertificateError.self) { try Certificate.chain(pemEncoded: "hello") } matches: {
            if case .malformedPEM = $0 { true } else { false }
        }
        let damaged = pem.replacingOccurrences(of: "-----END CERTIFICATE-----", with: "-----END CERT")
        expectError(CertificateError.self) { try Certificate(pemEncoded: damaged) } matches: {
            if case .malformedPEM = $0 { true } else { false }
        }
        let key = try TestKeys.key(.p256).pemEncoded()
        expectError(CertificateError.self) { try Certificate.chain(pemEncoded: pem + key) } matches: {
            $0 == .unexpectedPEMLabel(found: "PRIVATE KEY", expected: "CERTIFICATE")
        }
    }

    @Test("bytes that are not one DER certificate are refused")
    func badDER() throws {
        let der = try TestPKI.shared.get().ministryCertificate.derEncoded
        for bad in [[], [0x30, 0x00], Array(der.dropLast(10)), der + [0x00]] {
            expectError(CertificateError.self) { try Certificate(derEncoded: bad) } matches: {
                if case .malformedDER = $0 { true } else { false }
            }
        }
    }

    @Test("a certificate with an unsupported key still loads; only its key is refused")
    func unsupportedKeyLoads() throws {
        // A CA's key is read by OpenSSL during chain verification, not by the gateway.
        let request = try CertificateSigningRequest(
            key: try TestKeys.key(.p256), agency: TestPKI.ministry, commonName: "ok")
        #expect(try request.publicKey() == (try TestKeys.key(.p256).publicKey))
        expectError(KeyError.self) { try PrivateKey(pemEncoded: KeyFixtures.p384) } matches: {
            if case .unsupportedKeyType = $0 { true } else { false }
        }
    }
}
