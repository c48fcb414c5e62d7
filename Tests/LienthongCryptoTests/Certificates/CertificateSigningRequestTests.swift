import Foundation
import Testing
@testable import LienthongCrypto

@Suite("Certificate signing requests")
struct CertificateSigningRequestTests {
    @Test("a request round-trips through PEM with its subject, names and key", arguments: [KeyType.p256, .ed25519, .rsa(bits: 2048)])
    func roundTrip(_ type: KeyType) throws {
        let key = try TestKeys.key(type)
        let request = try CertificateSigningRequest(
            key: key, agency: TestPKI.ministry, commonName: "Bộ Công an", organization: "Chính phủ",
            dnsNames: ["gw.bocongan.gov.vn"], ipAddresses: ["198.51.100.7"])
        #expect(request.pemEncoded.hasPrefix("-----BEGIN CERTIFICATE REQUEST-----\n"))
        let parsed = try CertificateSigningRequest(pemEncoded: request.pemEncoded)
        #expect(parsed.subject == DistinguishedName(commonName: "Bộ Công an", organization: "Chính phủ"))
        #expect(parsed.subjectAlternativeNames.uris == ["urn:lienthong:agency:000.00.00.G01"])
        #expect(parsed.subjectAlternativeNames.dnsNames == ["gw.bocongan.gov.vn"])
        #expect(parsed.subjectAlternativeNames.ipAddresses == ["198.51.100.7"])
        #expect(try parsed.agencyCode() == TestPKI.ministry)
        #expect(try parsed.publicKey() == key.publicKey)
    }

    @Test("a request whose signed content changed is refused")
    func tamperedRequest() throws {
        let request = try CertificateSigningRequest(key: try TestKeys.key(.p256), agency: TestPKI.ministry, commonName: "Bo Cong An")
        var der = request.derEncoded
        let name = Array("Bo Cong An".utf8)
        let index = try #require(der.indices.first { der[$0..<min($0 + name.count, der.count)].elementsEqual(name) })
        der[index] = UInt8(ascii: "X")
        expectError(CertificateError.self) { try CertificateSigningRequest(derEncoded: der) } matches: {
            if case .invalidRequestSignature(let subject) = $0 { subject.contains("Xo Cong An") } else { false }
        }
    }

    @Test("malformed requests are refused")
    func malformed() throws {
        expectError(CertificateError.self) { try CertificateSigningRequest(pemEncoded: "no pem here") } matches: {
            if case .malformedPEM = $0 { true } else { false }
        }
        let certificate = try TestPKI.shared.get().ministryCertificate.pemEncoded
        expectError(CertificateError.self) { try CertificateSigningRequest(pemEncoded: certificate) } matches: {
            $0 == .unexpectedPEMLabel(found: "CERTIFICATE", expected: "CERTIFICATE REQUEST")
        }
        expectError(CertificateError.self) { try CertificateSigningRequest(derEncoded: [0x30, 0x03, 0x02, 0x01, 0x00]) } matches: {
            if case .malformedDER = $0 { true } else { false }
        }
    }
}
