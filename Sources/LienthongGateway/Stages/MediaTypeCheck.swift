import Foundation

/// Accepts only JSON bodies (415 otherwise): `application/json`, parameters such as
/// `charset=utf-8` allowed.
public struct MediaTypeCheck: Sendable {
    public init() {}

    public func check(_ contentType: String?) throws(Problem) {
        guard let contentType else { throw .unsupportedMediaType("Content-Type is missing; send application/json") }
        // Nearly every request says exactly this: skip splitting, trimming and lower-casing.
        if contentType == "application/json" { return }
        let essence = contentType.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard essence == "application/json" else {
            throw .unsupportedMediaType("Content-Type is \(contentType); send application/json")
        }
    }
}
