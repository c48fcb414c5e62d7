/// A strict RFC 8259 JSON parser with limits, for documents that come from other agencies.
///
/// Refuses everything RFC 8259 does not allow (comments, trailing commas, single quotes,
/// `NaN`, leading zeros, invalid UTF-8, lone surrogate escapes, a byte order mark, trailing
/// content) and duplicate object keys. Never recurses: nesting is tracked on an explicit stack,
/// so the depth limit protects the stack whatever the input.
///
///     let value = try JSONParser.parse(requestBody)           // some Collection<UInt8>
///     let value = try JSONParser.parse(#"{"a": [1, 2.5]}"#)    // String
public enum JSONParser {
    /// Bounds on what a document may contain; each one is refused with its own error.
    public struct Limits: Sendable, Hashable {
        /// Arrays and objects nested deeper than this are refused (a scalar has depth 0,
        /// `[]` depth 1). Values are also compared, hashed and freed recursively, so keep this
        /// in the hundreds or low thousands.
        public var maxDepth: Int
        /// Documents larger than this many bytes are refused before parsing starts.
        public var maxDocumentBytes: Int
        /// Longest string (key or value) in bytes of decoded UTF-8.
        public var maxStringBytes: Int
        /// Longest number literal in characters, e.g. `-1.5e3` is 6. Exact `multipleOf` on
        /// wide coefficients costs time quadratic in their digits (about 0.1 ms at 1024), so
        /// raise this with care.
        public var maxNumberLength: Int

        public init(
            maxDepth: Int = 512,
            maxDocumentBytes: Int = 64 << 20,
            maxStringBytes: Int = 64 << 20,
            maxNumberLength: Int = 1024
        ) {
            self.maxDepth = maxDepth
            self.maxDocumentBytes = maxDocumentBytes
            self.maxStringBytes = maxStringBytes
            self.maxNumberLength = maxNumberLength
        }

        /// Depth 512, 64 MiB documents and strings, 1024-character numbers.
        public static let `default` = Limits()
    }

    /// Parses one JSON document from UTF-8 bytes (`[UInt8]`, `ArraySlice`, Foundation `Data`, …).
    public static func parse(
        _ bytes: some Collection<UInt8>, limits: Limits = .default
    ) throws(JSONParseError) -> JSONValue {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in try parse(buffer: buffer, limits: limits) }
        }
        if let contiguous { return try contiguous.get() }
        // Copy at most one byte past the size limit: an oversized document is refused without
        // being copied whole.
        let copyLimit = limits.maxDocumentBytes < Int.max ? limits.maxDocumentBytes + 1 : Int.max
        let copy = Array(bytes.prefix(copyLimit))
        return try copy.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in try parse(buffer: buffer, limits: limits) }
        }.get()
    }

    /// Parses one JSON document from text.
    public static func parse(_ text: String, limits: Limits = .default) throws(JSONParseError) -> JSONValue {
        var text = text
        return try text.withUTF8 { buffer in
            Result { () throws(JSONParseError) in try parse(buffer: buffer, limits: limits) }
        }.get()
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>, limits: Limits) throws(JSONParseError) -> JSONValue {
        var parser = JSONByteParser(bytes: buffer, limits: limits)
        return try parser.parseDocument()
    }
}
