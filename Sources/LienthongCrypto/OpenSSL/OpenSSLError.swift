import COpenSSL

/// A failure reported by OpenSSL, with the messages it left on its error queue.
///
/// OpenSSL reports errors on a thread-local queue. Every fallible call in this module clears the
/// queue before it starts and drains it into one of these values when it fails, so a message never
/// leaks into an unrelated later failure.
public struct OpenSSLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What this module was doing, e.g. `"EVP_DigestSign"`.
    public let operation: String
    /// OpenSSL's own messages, oldest first (`error:…:reason`), possibly empty.
    public let messages: [String]
    /// The packed OpenSSL error codes matching `messages`, for callers that need the reason.
    let codes: [UInt]

    init(operation: String, messages: [String], codes: [UInt]) {
        self.operation = operation
        self.messages = messages
        self.codes = codes
    }

    public var description: String {
        messages.isEmpty ? "\(operation) failed" : "\(operation) failed: \(messages.joined(separator: "; "))"
    }

    /// Whether any queued error has this library and reason, e.g. `ERR_LIB_PEM`/`PEM_R_NO_START_LINE`.
    func contains(library: Int32, reason: Int32) -> Bool {
        codes.contains { ERR_GET_LIB($0) == library && ERR_GET_REASON($0) == reason }
    }

    /// Empties the calling thread's error queue into a new error for `operation`.
    static func drain(_ operation: String) -> OpenSSLError {
        var messages: [String] = []
        var codes: [UInt] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            codes.append(code)
            messages.append(message(for: code))
        }
        return OpenSSLError(operation: operation, messages: messages, codes: codes)
    }

    /// Clears the calling thread's error queue (before a call, or after an expected failure).
    static func clearQueue() {
        ERR_clear_error()
    }

    private static func message(for code: UInt) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        let end = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
