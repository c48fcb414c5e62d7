import Foundation
import LienthongCrypto

/// Undoes `Content-Encoding` with limits, so a decompression bomb is refused (413) after producing
/// at most `maxDecompressedBytes`.
public struct BodyDecoding: Sendable {
    public let limits: DecompressionLimits

    public init(maxDecompressedBytes: Int) {
        self.limits = DecompressionLimits(maxOutputBytes: maxDecompressedBytes)
    }

    /// The payload as signed: `body` itself without an encoding, or its gzip decompression.
    public func decode(_ body: [UInt8], contentEncoding: String?) throws(Problem) -> [UInt8] {
        let encoding = contentEncoding?.trimmingCharacters(in: .whitespaces).lowercased() ?? "identity"
        switch encoding {
        case "identity", "":
            return body
        case "gzip":
            do { return try Decompressor.decompress(body, format: .gzip, limits: limits) } catch {
                switch error {
                case .outputLimitExceeded, .ratioExceeded: throw .tooLarge("decompressing the body: \(error)")
                default: throw .badJSON("the gzip body cannot be decompressed: \(error)")
                }
            }
        default:
            throw .unsupportedMediaType("Content-Encoding \(encoding) is not supported; use gzip or none")
        }
    }
}
