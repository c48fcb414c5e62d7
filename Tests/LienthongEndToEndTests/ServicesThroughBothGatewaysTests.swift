import Foundation
import LienthongTestSupport
import Testing

extension ExchangeProcessesTests {
    @Test("each of the six services answers through both gateways, signed by the ministry and checkable with lienthong verify")
    func sixServices() async throws {
        let exchange = try EndToEndExchange.shared()
        let citizen = try await sampleCitizen(exchange)

        let lookup = try await exchange.call("population.citizen.lookup/v1", ["SoDinhDanh": citizen])
        expectSignedAnswer(lookup, "population.citizen.lookup/v1", exchange)
        let record = try #require(lookup.json)
        #expect(record["SoDinhDanh"] as? String == citizen)
        try expectVerifiableEvidence(lookup, "population.citizen.lookup/v1", exchange)

        let name = try #require(record["HoVaTen"] as? String)
        let birth = try #require(record["NgayThangNamSinh"] as? String)
        let verify = try await exchange.call(
            "population.citizen.verify/v1", ["SoDinhDanh": citizen, "HoVaTen": name, "NgayThangNamSinh": birth])
        expectSignedAnswer(verify, "population.citizen.verify/v1", exchange)
        #expect(verify.json?["TonTai"] as? Bool == true, "\(verify.summary)")

        // The land registry is the https mock: the adapter trusts its CA through caFile.
        let land = try exchange.mock("land")
        #expect(land.baseURL.hasPrefix("https://"))
        let parcels = try #require(try await land.samples()["parcels"] as? [[String: Any]])
        let parcel = try #require(parcels.first)
        let landAnswer = try await exchange.call(
            "land.parcel.lookup/v1",
            ["MaXa": try #require(parcel["maXa"]), "SoHieuToBanDo": try #require(parcel["soTo"]),
             "SoThuTuThua": try #require(parcel["soThua"])])
        expectSignedAnswer(landAnswer, "land.parcel.lookup/v1", exchange)
        #expect(landAnswer.json?["MaXa"] as? String == parcel["maXa"] as? String)
        #expect(try await land.stats()["parcel.lookup"] ?? 0 >= 1)

        let enterprises = try await exchange.mock("business").samples()["enterprises"] as? [String]
        let enterprise = try #require(enterprises?.first)
        let business = try await exchange.call("business.enterprise.lookup/v1", ["ENTERPRISE_GDT_CODE": enterprise])
        expectSignedAnswer(business, "business.enterprise.lookup/v1", exchange)
        #expect(business.json?["ENTERPRISE_GDT_CODE"] as? String == enterprise)

        // Nghệ An's report, already on the axis: a re-delivery keeps its DocId.
        let document = try Self.schemaExample("document/edoc.send.request.v1.json")
        let sent = try await exchange.call("document.edoc.send/v1", document)
        expectSignedAnswer(sent, "document.edoc.send/v1", exchange)
        #expect(sent.json?["status"] as? String == "OK", "\(sent.summary)")
        #expect(sent.json?["DocId"] as? String == "0193a5f0-0000-7000-8000-000000000001")

        // Nghệ An, the sender, takes its report back (status 13).
        var status = try Self.schemaExample("document/status.update.request.v1.json")
        status["From"] = ["OrganId": DevelopmentPKI.province, "OrganName": "Ủy ban nhân dân tỉnh Nghệ An"]
        status["StatusCode"] = "13"
        status["Description"] = "Thu hồi văn bản để chỉnh sửa."
        let updated = try await exchange.call("document.status.update/v1", status)
        expectSignedAnswer(updated, "document.status.update/v1", exchange)
        #expect(updated.json?["status"] as? String == "OK", "\(updated.summary)")

        let axis = try await exchange.mock("document-axis").stats()
        #expect(axis["edoc.send"] ?? 0 >= 1 && axis["status.update"] ?? 0 >= 1, "\(axis)")
    }

    /// The client keeps the answer as evidence: `lienthong verify` checks it alone, against the
    /// exchange CA, as signed by the ministry for the province.
    func expectVerifiableEvidence(_ reply: HTTPReply, _ service: String, _ exchange: EndToEndExchange) throws {
        let signature = exchange.directory.appendingPathComponent("evidence-\(UUID().uuidString).jws")
        let payload = exchange.directory.appendingPathComponent("evidence-\(UUID().uuidString).json")
        try Data(try #require(reply[header: "Lienthong-Signature"]).utf8).write(to: signature)
        try reply.body.write(to: payload)
        let result = try LienthongBinary.run([
            "verify", "--trust", exchange.pki.exchangeCA.path, "--signature", signature.path,
            "--from", DevelopmentPKI.ministry, "--to", DevelopmentPKI.province, "--service", service, payload.path,
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")

        // One byte changed in the kept body and the evidence no longer holds.
        var altered = reply.body
        altered[altered.startIndex] = UInt8(ascii: " ")
        try altered.write(to: payload)
        let tampered = try LienthongBinary.run([
            "verify", "--trust", exchange.pki.exchangeCA.path, "--signature", signature.path, payload.path,
        ])
        #expect(tampered.status == 1, "\(tampered.stdout)\(tampered.stderr)")
    }
}
