import Foundation
import Testing

@testable import LienthongSchema

/// Differential test: our parser against Python's `json` module, made strict (strict UTF-8,
/// no BOM, no NaN/Infinity, no duplicate keys, no lone surrogates). Both must accept and refuse
/// the same documents, and agree on the structure of what they accept.
@Suite("JSONParser cross-checked against Python's json module")
struct JSONCrossCheckTests {
    /// Reads hex-encoded documents, one per line; answers `OK <canonical JSON>` or `ERR <why>`.
    private static let pythonOracle = #"""
        import sys, json, decimal
        def reject_constant(name):
            raise ValueError("non-finite " + name)
        def pairs(items):
            keys = [k for k, _ in items]
            if len(set(keys)) != len(keys):
                raise ValueError("duplicate key")
            return dict(items)
        def emit(v):
            if v is None: return "null"
            if v is True: return "true"
            if v is False: return "false"
            if isinstance(v, decimal.Decimal): return str(v)
            if isinstance(v, str):
                v.encode("utf-8")  # raises on lone surrogates
                return json.dumps(v)
            if isinstance(v, list): return "[" + ",".join(map(emit, v)) + "]"
            return "{" + ",".join(emit(k) + ":" + emit(x) for k, x in v.items()) + "}"
        for line in sys.stdin:
            data = bytes.fromhex(line.strip())
            try:
                text = data.decode("utf-8")
                if text.startswith("\ufeff"):
                    raise ValueError("byte order mark")
                value = json.loads(text, parse_float=decimal.Decimal, parse_int=decimal.Decimal,
                                   parse_constant=reject_constant, object_pairs_hook=pairs)
                print("OK " + emit(value))
            except Exception as error:
                print("ERR " + type(error).__name__)
        """#

    @Test func agreesWithPythonOnGeneratedAndMutatedDocuments() throws {
        var generator = SplitMix64(seed: 8259)
        var documents: [[UInt8]] = []
        for _ in 0..<400 {
            let document = Array(DocumentGenerator.value(depth: 0, using: &generator).utf8)
            documents.append(document)
            for _ in 0..<4 { documents.append(DocumentGenerator.mutate(document, using: &generator)) }
        }
        documents += Self.edgeCases

        let hexLines = documents.map { $0.map { String(format: "%02x", $0) }.joined() }
        let answers = try PythonOracle.run(Self.pythonOracle, lines: hexLines)
        try #require(answers.count == documents.count, "python answered \(answers.count) of \(documents.count)")

        var accepted = 0, refused = 0
        for (document, answer) in zip(documents, answers) {
            let ours = Result { () throws(JSONParseError) in try JSONParser.parse(document) }
            let shown = String(decoding: document, as: UTF8.self)
            switch (ours, answer.hasPrefix("OK ")) {
            case (.success(let value), true):
                let pythonValue = try JSONParser.parse(String(answer.dropFirst(3)))
                #expect(value == pythonValue, "structure differs for \(shown)")
                accepted += 1
            case (.failure, false):
                refused += 1
            case (.success, false):
                Issue.record("we accept what Python refuses (\(answer)): \(shown) \(document)")
            case (.failure(let error), true):
                Issue.record("we refuse what Python accepts: \(shown) \(document): \(error)")
            }
        }
        // Both outcomes must really be exercised for the comparison to mean anything.
        #expect(accepted > 300)
        #expect(refused > 300)
    }

    private static let edgeCases: [[UInt8]] = [
        "[1e400, -1e-400, 0.000000000000000000000000001, 123456789012345678901234567890]",
        #"{"\ud83d\ude00": "\u00e9", "e\u0301": 1, "\u00e9": 2}"#, #""\ud800""#, #""\udc00\ud800""#,
        "[NaN]", "[-Infinity]", #"{"a":1,"a":1}"#, "[\"\t\"]", " [ ] ", "\u{FEFF}[]", "[1,]", "01", "-0", "[-]",
    ].map { Array($0.utf8) } + [[0xEF, 0xBB, 0xBF, 0x5B, 0x5D], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22]]
}

/// Random JSON text with varied whitespace, escapes, Unicode and number spellings.
enum DocumentGenerator {
    static func value(depth: Int, using generator: inout SplitMix64) -> String {
        let choice = generator.next() % (depth > 5 ? 4 : 7)
        switch choice {
        case 0: return ["null", "true", "false"][Int(generator.next() % 3)]
        case 1, 2: return number(using: &generator)
        case 3: return string(using: &generator)
        case 4, 5:
            let count = Int(generator.next() % 5)
            let elements = (0..<count).map { _ in space(&generator) + value(depth: depth + 1, using: &generator) + space(&generator) }
            return "[" + elements.joined(separator: ",") + space(&generator) + "]"
        default:
            let count = Int(generator.next() % 5)
            let members = (0..<count).map { index in
                space(&generator) + string(using: &generator, suffix: "\(index)") + space(&generator) + ":"
                    + space(&generator) + value(depth: depth + 1, using: &generator)
            }
            return "{" + members.joined(separator: ",") + space(&generator) + "}"
        }
    }

    static func number(using generator: inout SplitMix64) -> String {
        var text = generator.next() % 3 == 0 ? "-" : ""
        switch generator.next() % 4 {
        case 0: text += "0"
        case 1: text += String(generator.next() % 1000)
        case 2: text += String(generator.next())
        default: text += String(generator.next()) + String(generator.next())
        }
        if generator.next() % 2 == 0 { text += "." + String(generator.next() % 100000) }
        if generator.next() % 3 == 0 {
            text += ["e", "E"][Int(generator.next() % 2)] + ["", "+", "-"][Int(generator.next() % 3)]
            text += String(generator.next() % 400)
        }
        return text
    }

    static func string(using generator: inout SplitMix64, suffix: String = "") -> String {
        let pieces = [
            "a", "Hà", "Nội", " ", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e9", "\\u4E2D", "\\ud83d\\ude00", "😀",
            "\\u0000", "~", "/", "ễ",
        ]
        let count = Int(generator.next() % 6)
        return "\"" + (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined() + suffix + "\""
    }

    static func space(_ generator: inout SplitMix64) -> String {
        ["", "", " ", "\n  ", "\t", "\r\n"][Int(generator.next() % 6)]
    }

    /// Inserts, deletes or replaces a byte with one that often breaks or bends the grammar.
    static func mutate(_ document: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        let interesting: [UInt8] = Array(",:[]{}\"\\0-+.eE/ \n1aNtu".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC0, 0xC3, 0xED, 0xF4, 0xFF]
        var result = document
        let position = result.isEmpty ? 0 : Int(generator.next() % UInt64(result.count))
        let byte = interesting[Int(generator.next() % UInt64(interesting.count))]
        switch generator.next() % 3 {
        case 0: result.insert(byte, at: position)
        case 1 where !result.isEmpty: result.remove(at: position)
        default:
            if result.isEmpty { result.append(byte) } else { result[position] = byte }
        }
        return result
    }
}

/// Runs a Python script that answers each input line with one output line.
enum PythonOracle {
    static func run(_ script: String, lines: [String]) throws -> [Substring] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let request = Data((lines.joined(separator: "\n") + "\n").utf8)
        // Write from another thread so that a full output pipe cannot deadlock both processes.
        let writer = Thread {
            input.fileHandleForWriting.write(request)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let reply = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 exited with \(process.terminationStatus)")
        return String(decoding: reply, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { $0 }
    }
}
