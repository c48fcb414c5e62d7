import COpenSSL
import Foundation

/// The subjectAltName entries the gateway reads and writes: URIs (the agency), DNS names and IP
/// addresses (for TLS). Other kinds present in a certificate are ignored.
public struct SubjectAlternativeNames: Sendable, Hashable {
    public var uris: [String]
    public var dnsNames: [String]
    /// Textual IPv4 (`192.0.2.1`) or IPv6 (`2001:db8::1`) addresses.
    public var ipAddresses: [String]

    public init(uris: [String] = [], dnsNames: [String] = [], ipAddresses: [String] = []) {
        self.uris = uris
        self.dnsNames = dnsNames
        self.ipAddresses = ipAddresses
    }

    public var isEmpty: Bool { uris.isEmpty && dnsNames.isEmpty && ipAddresses.isEmpty }
}

extension SubjectAlternativeNames {
    /// Reads an OpenSSL `GENERAL_NAMES` stack.
    init(reading names: OpaquePointer) {
        self.init()
        for index in 0..<max(lt_sk_GENERAL_NAME_num(names), 0) {
            guard let name = lt_sk_GENERAL_NAME_value(names, index) else { continue }
            switch name.pointee.type {
            case GEN_URI:
                uris.append(Self.text(name.pointee.d.uniformResourceIdentifier))
            case GEN_DNS:
                dnsNames.append(Self.text(name.pointee.d.dNSName))
            case GEN_IPADD:
                if let address = Self.ipText(name.pointee.d.iPAddress) { ipAddresses.append(address) }
            default:
                continue
            }
        }
    }

    /// Builds an OpenSSL `GENERAL_NAMES` stack; the caller frees it with `lt_GENERAL_NAMES_free`.
    ///
    /// Entries are built one by one (not from an OpenSSL configuration string) so that a comma in
    /// a name can never smuggle in another entry.
    func makeGeneralNames() throws(CertificateError) -> OpaquePointer {
        OpenSSLError.clearQueue()
        guard let names = lt_GENERAL_NAMES_new() else { throw .openSSL(.drain("GENERAL_NAMES_new")) }
        do throws(CertificateError) {
            for uri in uris {
                try Self.append(.ia5(uri, kind: "URI"), type: GEN_URI, to: names)
            }
            for dnsName in dnsNames {
                guard Self.isValidDNSName(dnsName) else { throw .invalidName(reason: "'\(dnsName)' is not a DNS name") }
                try Self.append(.ia5(dnsName, kind: "DNS name"), type: GEN_DNS, to: names)
            }
            for address in ipAddresses {
                try Self.append(.ip(address), type: GEN_IPADD, to: names)
            }
        } catch {
            lt_GENERAL_NAMES_free(names)
            throw error
        }
        return names
    }

    private enum Value {
        case ia5(String, kind: String)
        case ip(String)
    }

    private static func append(_ value: Value, type: Int32, to names: OpaquePointer) throws(CertificateError) {
        let string: UnsafeMutablePointer<ASN1_STRING>?
        switch value {
        case .ia5(let text, let kind):
            guard !text.isEmpty, text.utf8.count <= 2048, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw .invalidName(reason: "\(kind) '\(text)' must be 1 to 2048 printable ASCII characters without spaces")
            }
            string = ASN1_IA5STRING_new()
            if let string {
                let bytes = Array(text.utf8)
                guard ASN1_STRING_set(string, bytes, Int32(bytes.count)) == 1 else {
                    ASN1_STRING_free(string)
                    throw .openSSL(.drain("ASN1_STRING_set"))
                }
            }
        case .ip(let text):
            string = a2i_IPADDRESS(text)
            guard string != nil else {
                OpenSSLError.clearQueue()
                throw .invalidName(reason: "'\(text)' is not an IPv4 or IPv6 address")
            }
        }
        guard let string, let name = GENERAL_NAME_new() else {
            ASN1_STRING_free(string)
            throw .openSSL(.drain("GENERAL_NAME_new"))
        }
        GENERAL_NAME_set0_value(name, type, UnsafeMutableRawPointer(string))
        guard lt_sk_GENERAL_NAME_push(names, name) > 0 else {
            GENERAL_NAME_free(name)
            throw .openSSL(.drain("sk_GENERAL_NAME_push"))
        }
    }

    /// Host names of letters, digits and hyphens in dot-separated labels (a leading `*.` allowed).
    static func isValidDNSName(_ name: String) -> Bool {
        var labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if labels.first == "*" { labels.removeFirst() }
        guard !labels.isEmpty, name.utf8.count <= 253 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { byte in
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                }
        }
    }

    private static func text(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String {
        guard let string, let data = ASN1_STRING_get0_data(string) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string))), as: UTF8.self)
    }

    private static func ipText(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String? {
        guard let string, let data = ASN1_STRING_get0_data(string) else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string))))
        let family: Int32
        switch bytes.count {
        case 4: family = AF_INET
        case 16: family = AF_INET6
        default: return nil
        }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, bytes, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
