import Testing
@testable import LienthongCrypto

@Suite("Base64url")
struct Base64URLTests {
    @Test("RFC 4648 vectors encode without padding and decode back", arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ])
    func vectors(_ plain: String, _ encoded: String) throws {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
        #expect(try Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test("the URL-safe alphabet is used")
    func urlAlphabet() throws {
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(try Base64URL.decode("-_-_") == [0xFB, 0xFF, 0xBF])
    }

    @Test("every byte value round-trips")
    func allBytes() throws {
        let bytes = (0...255).map(UInt8.init)
        #expect(try Base64URL.decode(Base64URL.encode(bytes)) == bytes)
    }

    @Test("padding, foreign characters, impossible lengths and non-canonical endings are refused", arguments: [
        ("Zg==", "padding"), ("Zm9v YmFy", "' '"), ("Zm+v", "'+'"), ("Zm/v", "'/'"), ("Z", "length 1"),
        ("Zh", "unused bits"), ("Zm9", "unused bits"), ("Zm9v\n", "byte 0xa"),
    ])
    func refused(_ text: String, _ reasonFragment: String) {
        expectError(Base64URLError.self) { try Base64URL.decode(text) } matches: { $0.reason.contains(reasonFragment) }
    }
}
