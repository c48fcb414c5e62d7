import Foundation
import LienthongJSON
import LienthongPluginAPI
import Testing
@testable import LienthongDeclarative

@Suite("Declarative adapters: SOAP over HTTP (XML both ways)")
struct SOAPAdapterTests {
    static let manifest = """
        id: test-soap
        version: 2.0.0
        summary: SOAP test system
        secrets:
          password: {env: TEST_TOKEN}
        upstream:
          baseURL: BASE_URL
        services:
          test.thing.lookup/v1:
            requestSchema: schemas/thing.request.json
            responseSchema: schemas/thing.response.json
            idempotent: true
            retries: 1
            request:
              method: POST
              path: /Service.svc
              headers:
                SOAPAction: '"urn:test/Lookup"'
              body:
                xml: |
                  <?xml version="1.0" encoding="utf-8"?>
                  <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="urn:test">
                    <soap:Header><t:Auth pass="{secret:password}"/></soap:Header>
                    <soap:Body><t:Lookup><t:Name>{/name}</t:Name><t:Id>{messageId}</t:Id></t:Lookup></soap:Body>
                  </soap:Envelope>
            response:
              format: xml
              notFoundWhen: {value: "{xml:Envelope/Body/LookupResponse/Found|boolean}", equals: false}
              body:
                name: "{xml:Envelope/Body/LookupResponse/Result/Name}"
                count: "{xml:Envelope/Body/LookupResponse/Result/Count|integer}"
                tags:
                  $each: "{xml:Envelope/Body/LookupResponse/Result/Tags/Tag}"
                  $map: "{@}"
            errors:
              rejected: [400]
              message: "{xml:Envelope/Body/Fault/faultstring?}"
        """

    static func answer(found: Bool) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
          <LookupResponse xmlns="urn:test"><Found>\(found)</Found>
            <Result><Name>Trần &amp; Con</Name><Count> 3 </Count><Tags><Tag>a</Tag><Tag><![CDATA[<b>]]></Tag></Tags></Result>
          </LookupResponse>
        </s:Body></s:Envelope>
        """
    }

    static let fault = """
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
          <faultcode>s:Client</faultcode><faultstring>Tên không hợp lệ</faultstring></s:Fault></s:Body></s:Envelope>
        """

    @Test("the XML body carries escaped values and the XML answer is mapped by element paths")
    func lookup() async throws {
        try await UpstreamStub.run(respond: { _, _ in .init(status: 200, contentType: "text/xml", body: Self.answer(found: true)) }) { baseURL, stub in
            try await PluginHarness.with(manifest: Self.manifest, baseURL: baseURL) { harness in
                let result = await harness.call(["name": "<Nguyễn> & \"Co\""])
                #expect(result == .success(["name": "Trần & Con", "count": 3, "tags": ["a", "<b>"]]))
                let received = try #require(stub.received.first)
                #expect(received.method == "POST")
                #expect(received.path == "/Service.svc")
                #expect(received.header("SOAPAction") == "\"urn:test/Lookup\"")
                #expect(received.header("Content-Type") == "text/xml; charset=utf-8")
                #expect(received.body.contains("<t:Name>&lt;Nguyễn&gt; &amp; &quot;Co&quot;</t:Name>"))
                #expect(received.body.contains("<t:Auth pass=\"tok-123\"/>"))
                // What was sent is well-formed XML.
                #expect(throws: Never.self) {
                    try XMLElementTreeReader.parse(Array(received.body.utf8), limits: AnswerMapper.xmlLimits)
                }
            }
        }
    }

    @Test("a Found=false answer is not found; a SOAP fault with 400 is rejected with its faultstring; 500 is a failure")
    func problems() async throws {
        try await UpstreamStub.run(respond: { request, _ in
            if request.body.contains(">absent<") { return .init(status: 200, contentType: "text/xml", body: Self.answer(found: false)) }
            if request.body.contains(">bad<") { return .init(status: 400, contentType: "text/xml", body: Self.fault) }
            if request.body.contains(">doctype<") {
                return .init(status: 200, contentType: "text/xml", body: "<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>")
            }
            return .init(status: 500, contentType: "text/xml", body: Self.fault)
        }) { baseURL, stub in
            try await PluginHarness.with(manifest: Self.manifest, baseURL: baseURL) { harness in
                #expect(await harness.call(["name": "absent"]) == .failure(.notFound(
                    "test-soap has no record for the request ({xml:Envelope/Body/LookupResponse/Found|boolean} is false)")))
                #expect(await harness.call(["name": "bad"]) == .failure(.rejected("test-soap answered HTTP 400: Tên không hợp lệ")))
                #expect(await harness.call(["name": "doctype"]) == .failure(.badUpstreamResponse(
                    "test-soap answered something that is not usable XML: the XML document declares a DTD (<!DOCTYPE); DTDs and entities are refused")))
                let before = stub.received.count
                #expect(await harness.call(["name": "down"]) == .failure(.unavailable("test-soap answered HTTP 500")))
                // 500 is not a "try again" status: one attempt even though the POST may be retried.
                #expect(stub.received.count == before + 1)
            }
        }
    }
}
