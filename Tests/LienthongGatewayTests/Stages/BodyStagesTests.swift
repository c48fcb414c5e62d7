import LienthongCrypto
import LienthongSchema
import Testing
@testable import LienthongGateway

@Suite("Body stages: size, media type, encoding, JSON")
struct BodyStagesTests {
    @Test("bodies above the limit are refused with 413")
    func sizeLimit() throws {
        let limit = BodySizeLimit(maxBytes: 10)
        try limit.check(Array(repeating: 0, count: 10))
        #expect(throws: Problem.self) { try limit.check(Array(repeating: 0, count: 11)) }
        do { try limit.check(Array(repeating: 0, count: 11)) } catch { #expect(error.status == 413) }
    }

    @Test("only application/json is accepted, with parameters")
    func mediaType() throws {
        let check = MediaTypeCheck()
        try check.check("application/json")
        try check.check("Application/JSON; charset=utf-8")
        for bad in ["text/plain", "application/jsonx", nil] {
            do {
                try check.check(bad)
                Issue.record("accepted \(bad ?? "nil")")
            } catch { #expect(error.status == 415 && error.name == "unsupported-media-type") }
        }
    }

    @Test("gzip bodies are decompressed, bombs refused with 413, unknown encodings with 415")
    func decoding() throws {
        let decoding = BodyDecoding(maxDecompressedBytes: 1000)
        let payload = Array(#"{"SoDinhDanh":"040085012345"}"#.utf8)
        #expect(try decoding.decode(try Compressor.compress(payload), contentEncoding: "gzip") == payload)
        #expect(try decoding.decode(payload, contentEncoding: nil) == payload)

        let bomb = try Compressor.compress([UInt8](repeating: 0x20, count: 100_000))
        do {
            _ = try decoding.decode(bomb, contentEncoding: "gzip")
            Issue.record("a bomb was decompressed")
        } catch { #expect(error.status == 413) }
        do {
            _ = try decoding.decode(payload, contentEncoding: "br")
            Issue.record("brotli was accepted")
        } catch { #expect(error.status == 415) }
        do {
            _ = try decoding.decode(payload, contentEncoding: "gzip")
            Issue.record("a body that is not gzip was accepted")
        } catch { #expect(error.status == 400) }
    }

    @Test("compression happens above the threshold only, and round-trips")
    func compression() throws {
        let compression = PayloadCompression(thresholdBytes: 64)
        let small = Array(repeating: UInt8(ascii: "a"), count: 64)
        #expect(try compression.encode(small).contentEncoding == nil)
        let large = Array(repeating: UInt8(ascii: "a"), count: 4096)
        let encoded = try compression.encode(large)
        #expect(encoded.contentEncoding == "gzip")
        #expect(encoded.body.count < large.count)
        #expect(try BodyDecoding(maxDecompressedBytes: 10_000).decode(encoded.body, contentEncoding: "gzip") == large)
    }

    @Test("bad JSON is refused with 400 and the parser's reason")
    func badJSON() {
        do {
            _ = try JSONBodyParser(maxBytes: 1000).parse(Array(#"{"a": 1,}"#.utf8))
            Issue.record("a trailing comma was accepted")
        } catch {
            #expect(error.status == 400)
            #expect(error.name == "bad-json")
            #expect(!error.detail.isEmpty)
        }
    }

    @Test("a schema violation is a 422 listing each error's JSON Pointers")
    func schemaViolation() throws {
        let validation = SchemaValidation(catalog: try SchemaCatalog.load())
        let valid = try JSONParser.parse(TestServices.validLookupRequest)
        try validation.validateRequest(valid, for: TestServices.lookup)
        let invalid = try JSONParser.parse(#"{"SoDinhDanh":"04008501234","SoCMND":"1"}"#)
        do {
            try validation.validateRequest(invalid, for: TestServices.lookup)
            Issue.record("an invalid request passed")
        } catch {
            #expect(error.status == 422)
            let locations = Set(error.errors.map(\.instanceLocation))
            #expect(locations.contains("/SoDinhDanh"))
            #expect(locations.contains("/SoCMND") || locations.contains(""))
            let document = error.json
            #expect(document.asObject?["errors"]?.asArray?.first?.asObject?["keywordLocation"] != nil)
        }
        do {
            try validation.validateResponse(.object(JSONObject()), for: TestServices.lookup)
            Issue.record("an empty response passed")
        } catch { #expect(error.status == 502) }
        do {
            try validation.validateRequest(valid, for: TestServices.service("nothing.here.at/v1"))
            Issue.record("a service without schemas passed")
        } catch { #expect(error.status == 404) }
    }
}
