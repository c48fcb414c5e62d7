import LienthongJSON

/// Which placeholders a template may use, by where it stands in the manifest. Checked at load, so
/// that a manifest naming a secret in a response or an XML path in a JSON request is refused
/// before it serves anything.
struct PlaceholderRules: Sendable {
    enum Place: Sendable {
        /// The URL path: values from the request and the envelope; no secrets in URLs that get logged.
        case requestPath
        /// Query, headers, XML and form bodies: request values, envelope, secrets.
        case requestText
        /// A JSON request body (may use `$each`).
        case requestJSON
        /// The answer's mapping, from a JSON or an XML answer; no secrets.
        case response(ResponseMapping.Format)
    }

    let place: Place
    let secrets: Set<String>
    /// The service's request schema, against which request-side pointers are checked.
    var requestSchema: JSONValue?

    /// Why `placeholder` may not stand here, or nil when it may.
    func refusal(of placeholder: Placeholder, insideEach: Bool) -> String? {
        switch placeholder.source {
        case .envelope:
            return nil
        case .secret(let name):
            // A failed conversion names the value in its message; a secret's must never be shown.
            if placeholder.conversion != nil { return "a secret takes no conversion" }
            switch place {
            case .requestText, .requestJSON:
                return secrets.contains(name) ? nil : "secret \"\(name)\" is not declared under secrets"
            case .requestPath:
                return "secrets may not stand in the URL path (it is logged); put them in a header or the query"
            case .response:
                return "secrets may not stand in the answer's mapping"
            }
        case .pointer(let pointer):
            switch place {
            case .response(.xml): return "the answer is XML: use {xml:Element/Path}, not a JSON Pointer"
            case .response(.json): return nil
            case .requestPath, .requestText, .requestJSON:
                return requestSchema.flatMap { SchemaPointerCheck.refusal(of: pointer, in: $0) }
            }
        case .xml:
            if case .response(.xml) = place { return nil }
            return "{xml:…} reads an XML answer; here the input is JSON (use a JSON Pointer such as {/field})"
        case .itemPointer(let pointer):
            guard insideEach else { return "{@…} is only meaningful inside $each or $with" }
            if case .response(.xml) = place, !pointer.isRoot { return "the $each items are XML elements: use {@xml:Child} or {@}" }
            return nil
        case .itemXML:
            guard insideEach else { return "{@xml:…} is only meaningful inside $each or $with" }
            if case .response(.xml) = place { return nil }
            return "{@xml:…} reads XML elements; here the items are JSON"
        }
    }
}
