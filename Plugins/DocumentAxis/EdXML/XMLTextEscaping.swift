/// Escapes text for XML 1.0 element content.
enum XMLTextEscaping {
    /// `text` with `& < > " '` as entity references and carriage returns as `&#13;` (a parser would
    /// otherwise turn them into line feeds). Refuses characters XML 1.0 cannot carry at all.
    static func escaped(_ text: String, path: String) throws(EdXMLError) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                guard scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF else {
                    throw .unrepresentableCharacter(path: path, scalar: scalar.value)
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
