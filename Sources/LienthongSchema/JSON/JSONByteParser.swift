/// The parsing loop over one contiguous document: a byte-level scanner with an explicit stack
/// of open arrays and objects instead of recursion.
struct JSONByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONParser.Limits
    var position = 0
    /// Decoded bytes of the current string when it has escapes; reused across strings.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONParser.Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// An open array or object, and where its contents start on the shared stacks.
    private enum OpenContainer {
        case array(firstElement: Int)
        case object(firstMember: Int)
    }

    /// An object member whose key is read and whose value is being parsed.
    private struct PendingKey {
        let key: String
        let offset: Int
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        try checkDocumentStart()
        // Open containers, innermost last. The contents of all open arrays (and of all open
        // objects) share one stack; a container takes its slice when it closes, so each array
        // or object is allocated once at its final size instead of growing element by element.
        var open: [OpenContainer] = []
        var elements: [JSONValue] = []
        var members: [(key: String, value: JSONValue)] = []
        var keyOffsets: [Int] = []
        var pendingKeys: [PendingKey] = []

        parsing: while true {
            skipWhitespace()
            guard position < bytes.count else {
                throw error(.unexpectedEndOfInput(expected: "a JSON value"), at: position)
            }
            var value: JSONValue
            switch bytes[position] {
            case UInt8(ascii: "["):
                try checkDepth(open.count)
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    value = .array([])
                } else {
                    open.append(.array(firstElement: elements.count))
                    continue parsing
                }
            case UInt8(ascii: "{"):
                try checkDepth(open.count)
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    value = .object(JSONObject())
                } else {
                    open.append(.object(firstMember: members.count))
                    pendingKeys.append(try parseMemberKey())
                    continue parsing
                }
            default:
                value = try parseScalar()
            }

            // Give the finished value to its container; close every container that ends here.
            while let container = open.last {
                switch container {
                case .array(let first):
                    elements.append(value)
                    guard try consumeSeparator(closing: UInt8(ascii: "]"), after: "array element") else {
                        continue parsing
                    }
                    open.removeLast()
                    value = .array(Array(elements[first...]))
                    elements.removeSubrange(first...)
                case .object(let first):
                    let pending = pendingKeys.removeLast()
                    members.append((pending.key, value))
                    keyOffsets.append(pending.offset)
                    guard try consumeSeparator(closing: UInt8(ascii: "}"), after: "object member") else {
                        pendingKeys.append(try parseMemberKey())
                        continue parsing
                    }
                    open.removeLast()
                    do {
                        value = .object(try JSONObject(uniqueMembers: members[first...]))
                    } catch {
                        let duplicate = first + error.position
                        throw self.error(.duplicateKey(members[duplicate].key), at: keyOffsets[duplicate])
                    }
                    members.removeSubrange(first...)
                    keyOffsets.removeSubrange(first...)
                }
            }

            skipWhitespace()
            guard position == bytes.count else {
                throw error(.trailingContent(found: describeCharacter(at: position)), at: position)
            }
            return value
        }
    }

    private func checkDocumentStart() throws(JSONParseError) {
        if bytes.count > limits.maxDocumentBytes {
            throw error(.documentTooLarge(size: bytes.count, limit: limits.maxDocumentBytes), at: limits.maxDocumentBytes)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw error(.byteOrderMark, at: 0)
        }
        var index = 0
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
        if index == bytes.count { throw error(.emptyDocument, at: index) }
    }

    private func checkDepth(_ openCount: Int) throws(JSONParseError) {
        if openCount >= limits.maxDepth {
            throw error(.nestingTooDeep(limit: limits.maxDepth), at: position)
        }
    }

    /// After an element: consumes `,` (returns false: more follow) or the closing bracket
    /// (returns true: the container ends).
    private mutating func consumeSeparator(closing: UInt8, after element: StaticString) throws(JSONParseError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else {
            throw error(.unexpectedEndOfInput(expected: Self.separators(closing, element)), at: position)
        }
        let byte = bytes[position]
        if byte == closing {
            position += 1
            return true
        }
        guard byte == UInt8(ascii: ",") else {
            throw unexpected(at: position, expected: Self.separators(closing, element))
        }
        let commaOffset = position
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == closing {
            throw error(.trailingComma(before: Character(Unicode.Scalar(closing))), at: commaOffset)
        }
        return false
    }

    /// "',' or ']' after array element": built only when reporting an error.
    private static func separators(_ closing: UInt8, _ element: StaticString) -> String {
        "',' or '\(Character(Unicode.Scalar(closing)))' after \(element)"
    }

    /// Reads `"key" :` and leaves the position at the member's value.
    private mutating func parseMemberKey() throws(JSONParseError) -> PendingKey {
        skipWhitespace()
        let offset = position
        guard position < bytes.count else {
            throw error(.unexpectedEndOfInput(expected: "a double-quoted object key"), at: position)
        }
        guard bytes[position] == UInt8(ascii: "\"") else {
            if bytes[position] == UInt8(ascii: "'") { throw error(.singleQuotedString, at: position) }
            throw unexpected(at: position, expected: "a double-quoted object key")
        }
        let key = try parseString()
        skipWhitespace()
        guard position < bytes.count else {
            throw error(.unexpectedEndOfInput(expected: "':' after object key"), at: position)
        }
        guard bytes[position] == UInt8(ascii: ":") else {
            throw unexpected(at: position, expected: "':' after object key")
        }
        position += 1
        return PendingKey(key: key, offset: offset)
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\t")
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    // MARK: Errors

    func error(_ reason: JSONParseError.Reason, at offset: Int) -> JSONParseError {
        JSONParseError(reason, at: offset, in: bytes)
    }

    func unexpected(at offset: Int, expected: String) -> JSONParseError {
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "/") {
            return error(.commentsNotAllowed, at: offset)
        }
        if offset < bytes.count, bytes[offset] >= 0x80,
            case .failure(let failure) = Result(catching: { () throws(UTF8Validation.Failure) in
                try UTF8Validation.decodeSequence(bytes, at: offset)
            })
        {
            return error(.invalidUTF8(failure.problem, byte: failure.byte), at: offset)
        }
        return error(.unexpectedCharacter(found: describeCharacter(at: offset), expected: expected), at: offset)
    }

    /// `'x'`, `'é' (U+00E9)`, `U+0001`, `byte 0xFF` or `end of input`, for messages.
    func describeCharacter(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        switch byte {
        case 0x20...0x7E:
            return "'\(Character(Unicode.Scalar(byte)))'"
        case 0..<0x20, 0x7F:
            return unicodeName(UInt32(byte))
        default:
            if let decoded = try? UTF8Validation.decodeSequence(bytes, at: offset),
                let scalar = Unicode.Scalar(decoded.scalar)
            {
                return "'\(Character(scalar))' (\(unicodeName(decoded.scalar)))"
            }
            let digits = String(byte, radix: 16, uppercase: true)
            return "byte 0x\(digits)"
        }
    }
}
