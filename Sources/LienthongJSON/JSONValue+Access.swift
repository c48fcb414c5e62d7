extension JSONValue {
    /// The member `key` of an object; nil when absent or when this is not an object.
    public subscript(key key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The element at `index` of an array; nil when out of range or when this is not an array.
    public subscript(index index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    public var asString: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var asBool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var asNumber: JSONNumber? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var asArray: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var asObject: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The JSON Schema type of the value, for messages: `"null"`, `"boolean"`, `"integer"`
    /// (a number whose value is an integer, including `1.0` and `1e2`), `"number"` (any other
    /// number), `"string"`, `"array"` or `"object"`.
    ///
    /// For the `type` keyword use `hasSchemaType(_:)`: a value of type `"integer"` also has
    /// type `"number"`.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let number): return number.isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Whether the value is an instance of the JSON Schema primitive type `name`:
    /// `"number"` matches every number, `"integer"` numbers with an integer value.
    /// Unknown names match nothing.
    public func hasSchemaType(_ name: String) -> Bool {
        switch (self, name) {
        case (.null, "null"), (.bool, "boolean"), (.number, "number"), (.string, "string"),
            (.array, "array"), (.object, "object"):
            return true
        case (.number(let number), "integer"):
            return number.isInteger
        default:
            return false
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// The compact JSON text of the value.
    public var description: String { serialized() }
}
