import Foundation
import LienthongJSON
import LienthongPluginAPI

/// Fills text and value templates from a `TemplateInput`.
public struct TemplateRenderer: Sendable {
    /// The current element of a `$each`.
    enum Item: Sendable {
        case json(JSONValue)
        case xml(XMLElementNode)
    }

    public let input: TemplateInput
    private var item: Item?

    public init(input: TemplateInput) { self.input = input }

    // MARK: - Text

    /// `template` as text, each value passed through `escape` for where the text goes. An absent
    /// optional value is empty; objects and arrays cannot be written into text.
    public func text(
        _ template: TextTemplate, escape: (String) throws(TemplateFillError) -> String = { $0 }
    ) throws(TemplateFillError) -> String {
        var result = ""
        for segment in template.segments {
            switch segment {
            case .literal(let literal): result += literal
            case .placeholder(let placeholder):
                guard let value = try value(of: placeholder) else { continue }
                let text = try Self.scalarText(value, placeholder: placeholder)
                do throws(TemplateFillError) { result += try escape(text) } catch {
                    throw TemplateFillError(placeholder: placeholder.description, reason: error.reason)
                }
            }
        }
        return result
    }

    /// The placeholder's text, or nil when it is optional and absent (so that e.g. a query
    /// parameter can be left out rather than sent empty).
    public func optionalText(of placeholder: Placeholder) throws(TemplateFillError) -> String? {
        guard let value = try value(of: placeholder) else { return nil }
        return try Self.scalarText(value, placeholder: placeholder)
    }

    static func scalarText(_ value: JSONValue, placeholder: Placeholder) throws(TemplateFillError) -> String {
        switch value {
        case .string(let text): return text
        case .number(let number): return number.literal
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .array, .object:
            throw TemplateFillError(placeholder: placeholder.description, reason: "is \(value.typeName), which cannot be written as text")
        }
    }

    // MARK: - Values

    /// `template` as JSON; nil when the whole template is an absent optional placeholder.
    public func json(_ template: ValueTemplate) throws(TemplateFillError) -> JSONValue? {
        switch template {
        case .literal(let value):
            return value
        case .text(let text):
            if let slot = text.soleSlot { return try value(of: slot) }
            return .string(try self.text(text))
        case .object(let members):
            var result: [(key: String, value: JSONValue)] = []
            for member in members {
                if let value = try json(member.value) { result.append((member.key, value)) }
            }
            return .object(JSONObject(result))
        case .array(let items):
            var result: [JSONValue] = []
            for item in items {
                if let value = try json(item) { result.append(value) }
            }
            return .array(result)
        case .with(let source, let itemTemplate):
            guard let item = try items(of: source, single: true)?.first else { return nil }
            var inner = self
            inner.item = item
            return try inner.json(itemTemplate)
        case .each(let source, let itemTemplate):
            guard let items = try items(of: source) else { return nil }
            var result: [JSONValue] = []
            for item in items {
                var inner = self
                inner.item = item
                if let value = try inner.json(itemTemplate) { result.append(value) }
            }
            return .array(result)
        }
    }

    /// The placeholder's value after its conversion; nil when optional and absent (or null).
    public func value(of placeholder: Placeholder) throws(TemplateFillError) -> JSONValue? {
        let raw = try rawValue(of: placeholder)
        guard let raw, !(placeholder.optional && raw.isNull) else {
            if placeholder.optional { return nil }
            throw TemplateFillError(placeholder: placeholder.description, reason: "has no value")
        }
        guard let conversion = placeholder.conversion else { return raw }
        return try Self.convert(raw, to: conversion, placeholder: placeholder)
    }

    private func rawValue(of placeholder: Placeholder) throws(TemplateFillError) -> JSONValue? {
        switch placeholder.source {
        case .pointer(let pointer):
            switch input.document {
            case .json(let document): return pointer.resolve(in: document)
            case .xml: throw wrongDocument(placeholder, "the document is XML; use {xml:…}")
            }
        case .xml(let path):
            switch input.document {
            case .xml(let root): return path.element(fromRoot: root).map { .string(Self.text(of: $0)) }
            case .json: throw wrongDocument(placeholder, "the document is JSON; use a JSON Pointer")
            }
        case .itemPointer(let pointer):
            switch item {
            case .json(let value): return pointer.resolve(in: value)
            case .xml(let element): return pointer.isRoot ? .string(Self.text(of: element)) : nil
            case nil: throw wrongDocument(placeholder, "{@…} is only meaningful inside $each or $with")
            }
        case .itemXML(let path):
            guard case .xml(let element) = item else { throw wrongDocument(placeholder, "the $each items are not XML elements") }
            return path.element(below: element).map { .string(Self.text(of: $0)) }
        case .envelope(let field):
            return input.envelope[field].map(JSONValue.string)
        case .secret(let name):
            return input.secrets[name].map(JSONValue.string)
        }
    }

    /// The elements `$each` maps, or (`single`) the one value `$with` maps; nil when absent.
    private func items(of placeholder: Placeholder, single: Bool = false) throws(TemplateFillError) -> [Item]? {
        let found: [Item]?
        switch (placeholder.source, input.document, item) {
        case (.xml(let path), .xml(let root), _):
            found = single ? path.element(fromRoot: root).map { [Item.xml($0)] } : path.elements(fromRoot: root).map { $0.map(Item.xml) }
        case (.itemXML(let path), _, .xml(let element)?):
            found = single ? path.element(below: element).map { [Item.xml($0)] } : path.elements(below: element).map { $0.map(Item.xml) }
        default:
            guard let value = try rawValue(of: placeholder), !value.isNull else {
                found = nil
                break
            }
            if single {
                found = [.json(value)]
                break
            }
            guard case .array(let elements) = value else {
                throw TemplateFillError(placeholder: placeholder.description, reason: "$each needs an array, found \(value.typeName)")
            }
            found = elements.map(Item.json)
        }
        guard let found else {
            if placeholder.optional { return nil }
            throw TemplateFillError(placeholder: placeholder.description, reason: "has no value")
        }
        return found
    }

    private func wrongDocument(_ placeholder: Placeholder, _ reason: String) -> TemplateFillError {
        TemplateFillError(placeholder: placeholder.description, reason: reason)
    }

    /// An element's own text, without the indentation around it.
    static func text(of element: XMLElementNode) -> String {
        element.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func convert(_ value: JSONValue, to conversion: Placeholder.Conversion, placeholder: Placeholder) throws(TemplateFillError) -> JSONValue {
        func fail() -> TemplateFillError {
            TemplateFillError(placeholder: placeholder.description, reason: "\(value.serialized().prefix(60)) is not a valid \(conversion.rawValue)")
        }
        switch conversion {
        case .string:
            return .string(try scalarText(value, placeholder: placeholder))
        case .number, .integer:
            let number: JSONNumber
            switch value {
            case .number(let given): number = given
            case .string(let text):
                guard let parsed = JSONNumber(validating: text.trimmingCharacters(in: .whitespaces)) else { throw fail() }
                number = parsed
            default: throw fail()
            }
            if conversion == .integer && !number.isInteger { throw fail() }
            return .number(number)
        case .boolean:
            switch value {
            case .bool: return value
            case .string(let text):
                switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                case "true", "1": return .bool(true)
                case "false", "0": return .bool(false)
                default: throw fail()
                }
            default: throw fail()
            }
        }
    }
}
