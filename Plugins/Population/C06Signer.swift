import Foundation
import LienthongCrypto
import LienthongPluginAPI

/// Signs requests to C06: client id, Unix time and
/// `hex(SHA-256(clientId "|" timestamp "|" hex(SHA-256(body)) "|" secret))`
/// in the `X-C06-ClientId`, `X-C06-Timestamp` and `X-C06-Signature` headers.
struct C06Signer: Sendable {
    let clientID: String
    let secret: String

    func headers(for body: [UInt8], at timestamp: Int64 = Int64(Date().timeIntervalSince1970)) throws(PluginError) -> [(String, String)] {
        do {
            let bodyDigest = Self.hex(try Digest.sha256(body))
            let signature = Self.hex(try Digest.sha256(Array("\(clientID)|\(timestamp)|\(bodyDigest)|\(secret)".utf8)))
            return [("X-C06-ClientId", clientID), ("X-C06-Timestamp", String(timestamp)), ("X-C06-Signature", signature)]
        } catch {
            // A digest failure is local (OpenSSL), but the request cannot go out.
            throw .unavailable("cannot sign the request to C06: \(error)")
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
