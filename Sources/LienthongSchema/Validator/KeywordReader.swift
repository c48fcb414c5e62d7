/// Reads keyword values of one schema object with their expected types, turning a wrong value
/// into a `SchemaCompileError` located at the keyword (`/properties/age/minimum`).
struct KeywordReader {
    let key: LocationKey
    let object: JSONObject
    let documentURI: String?

    func invalid(_ keyword: String, expected: String, found: String) -> SchemaCompileError {
        SchemaCompileError(
            location: key.appending(keyword).pointer, documentURI: documentURI,
            reason: .invalidKeywordValue(keyword: keyword, expected: expected, found: found))
    }

    private func invalid(_ keyword: String, expected: String, value: JSONValue) -> SchemaCompileError {
        invalid(keyword, expected: expected, found: value.typeName)
    }

    func string(_ keyword: String) throws(SchemaCompileError) -> String? {
        guard let value = object[keyword] else { return nil }
        guard case .string(let text) = value else { throw invalid(keyword, expected: "a string", value: value) }
        return text
    }

    func boolean(_ keyword: String) throws(SchemaCompileError) -> Bool? {
        guard let value = object[keyword] else { return nil }
        guard case .bool(let flag) = value else { throw invalid(keyword, expected: "a boolean", value: value) }
        return flag
    }

    func number(_ keyword: String) throws(SchemaCompileError) -> JSONNumber? {
        guard let value = object[keyword] else { return nil }
        guard case .number(let number) = value else { throw invalid(keyword, expected: "a number", value: value) }
        return number
    }

    /// A non-negative integer (`2.0` counts). Values beyond `Int.max` clamp to it: no instance
    /// can have that many characters, items or properties anyway.
    func count(_ keyword: String) throws(SchemaCompileError) -> Int? {
        guard let value = object[keyword] else { return nil }
        guard case .number(let number) = value, number.isInteger, number >= JSONNumber(0) else {
            let found = if case .number(let number) = value { number.description } else { value.typeName }
            throw invalid(keyword, expected: "a non-negative integer", found: found)
        }
        return number.intValue ?? Int.max
    }

    func array(_ keyword: String) throws(SchemaCompileError) -> [JSONValue]? {
        guard let value = object[keyword] else { return nil }
        guard case .array(let items) = value else { throw invalid(keyword, expected: "an array", value: value) }
        return items
    }

    func stringArray(_ keyword: String) throws(SchemaCompileError) -> [String]? {
        guard let items = try array(keyword) else { return nil }
        return try strings(items, keyword: keyword)
    }

    private func strings(_ items: [JSONValue], keyword: String) throws(SchemaCompileError) -> [String] {
        var names: [String] = []
        names.reserveCapacity(items.count)
        for item in items {
            guard case .string(let name) = item else {
                throw invalid(keyword, expected: "an array of strings", found: "an array holding \(item.typeName)")
            }
            names.append(name)
        }
        return names
    }

    /// An object whose values are arrays of strings (`dependentRequired`).
    func stringArrayMap(_ keyword: String) throws(SchemaCompileError) -> [(key: String, value: [String])]? {
        guard let value = object[keyword] else { return nil }
        guard case .object(let members) = value else {
            throw invalid(keyword, expected: "an object of string arrays", value: value)
        }
        var result: [(key: String, value: [String])] = []
        for member in members {
            guard case .array(let items) = member.value else {
                throw invalid(keyword, expected: "an object of string arrays", found: "a member holding \(member.value.typeName)")
            }
            result.append((member.key, try strings(items, keyword: keyword)))
        }
        return result
    }

    /// `type`: one type name or a non-empty array of them.
    func typeSet(_ keyword: String) throws(SchemaCompileError) -> JSONTypeSet? {
        guard let value = object[keyword] else { return nil }
        let expected = "a type name or a non-empty array of type names (null, boolean, object, array, number, string, integer)"
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let items) where !items.isEmpty: names = items
        default: throw invalid(keyword, expected: expected, value: value)
        }
        var types: JSONTypeSet = []
        for name in names {
            guard case .string(let text) = name, let type = JSONTypeSet(typeName: text) else {
                throw invalid(keyword, expected: expected, found: MessageText.json(name))
            }
            types.insert(type)
        }
        return types
    }

    /// Compiles `pattern`; a syntax error is located at `tokens` below this schema.
    func regex(_ pattern: String, at tokens: [String]) throws(SchemaCompileError) -> ECMARegex {
        do {
            return try ECMARegex(pattern)
        } catch {
            var location = key
            for token in tokens { location = location.appending(token) }
            throw SchemaCompileError(
                location: location.pointer, documentURI: documentURI, reason: .invalidRegularExpression(error))
        }
    }
}
