import COpenSSL
import Foundation

/// Message digests on OpenSSL.
public enum Digest {
    /// Bytes in a SHA-256 digest.
    public static let sha256Length = 32

    /// The SHA-256 digest of `bytes` (32 bytes).
    ///
    /// - Throws: `OpenSSLError` only if OpenSSL cannot provide SHA-256 (a broken installation).
    public static func sha256(_ bytes: some ContiguousBytes) throws(OpenSSLError) -> [UInt8] {
        OpenSSLError.clearQueue()
        var digest = [UInt8](repeating: 0, count: sha256Length)
        var length: UInt32 = 0
        let status = bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        guard status == 1, length == UInt32(sha256Length) else { throw .drain("EVP_Digest(SHA-256)") }
        return digest
    }
}
