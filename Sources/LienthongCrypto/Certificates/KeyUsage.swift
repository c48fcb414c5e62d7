import COpenSSL

/// The X.509 keyUsage bits (RFC 5280 §4.2.1.3) the gateway cares about.
public struct KeyUsage: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let digitalSignature = KeyUsage(rawValue: UInt32(KU_DIGITAL_SIGNATURE))
    public static let nonRepudiation = KeyUsage(rawValue: UInt32(KU_NON_REPUDIATION))
    public static let keyEncipherment = KeyUsage(rawValue: UInt32(KU_KEY_ENCIPHERMENT))
    public static let dataEncipherment = KeyUsage(rawValue: UInt32(KU_DATA_ENCIPHERMENT))
    public static let keyAgreement = KeyUsage(rawValue: UInt32(KU_KEY_AGREEMENT))
    public static let keyCertSign = KeyUsage(rawValue: UInt32(KU_KEY_CERT_SIGN))
    public static let cRLSign = KeyUsage(rawValue: UInt32(KU_CRL_SIGN))

    static let names: [(KeyUsage, String)] = [
        (.digitalSignature, "digitalSignature"), (.nonRepudiation, "nonRepudiation"),
        (.keyEncipherment, "keyEncipherment"), (.dataEncipherment, "dataEncipherment"),
        (.keyAgreement, "keyAgreement"), (.keyCertSign, "keyCertSign"), (.cRLSign, "cRLSign"),
    ]

    /// The OpenSSL configuration names, comma-separated (also the readable form).
    public var description: String {
        Self.names.filter { contains($0.0) }.map(\.1).joined(separator: ",")
    }
}

/// The X.509 extendedKeyUsage purposes the gateway cares about (RFC 5280 §4.2.1.12).
public struct ExtendedKeyUsage: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// TLS server authentication.
    public static let serverAuth = ExtendedKeyUsage(rawValue: UInt32(XKU_SSL_SERVER))
    /// TLS client authentication.
    public static let clientAuth = ExtendedKeyUsage(rawValue: UInt32(XKU_SSL_CLIENT))
    public static let codeSigning = ExtendedKeyUsage(rawValue: UInt32(XKU_CODE_SIGN))
    public static let emailProtection = ExtendedKeyUsage(rawValue: UInt32(XKU_SMIME))
    public static let anyExtendedKeyUsage = ExtendedKeyUsage(rawValue: UInt32(XKU_ANYEKU))

    static let names: [(ExtendedKeyUsage, String)] = [
        (.serverAuth, "serverAuth"), (.clientAuth, "clientAuth"), (.codeSigning, "codeSigning"),
        (.emailProtection, "emailProtection"), (.anyExtendedKeyUsage, "anyExtendedKeyUsage"),
    ]

    /// The OpenSSL configuration names, comma-separated (also the readable form).
    public var description: String {
        Self.names.filter { contains($0.0) }.map(\.1).joined(separator: ",")
    }
}
