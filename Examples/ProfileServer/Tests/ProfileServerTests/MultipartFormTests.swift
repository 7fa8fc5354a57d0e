import Foundation
import Testing

@testable import ProfileServer

/// The multipart reader against the forms it was given, on generated forms.
@Suite("Multipart forms")
struct MultipartFormTests {
    static let seed: UInt64 = 0xF0_2026

    static func randomText(_ random: inout SeededGenerator) -> String {
        let pieces = ["a", "Z", "9", " ", "é", "日本", "🇰🇪", "\"", ";", "=", "\r\n", "--", "x\ty", "\\"]
        return (0..<Int(random.next() % 12)).map { _ in pieces.randomElement(using: &random) ?? "a" }.joined()
    }

    @Test("Generated forms come back field for field and byte for byte (2,000 forms)")
    func roundTrip() throws {
        var random = SeededGenerator(seed: Self.seed)
        let deadline = ContinuousClock.now + .seconds(60)
        for index in 0..<2_000 where ContinuousClock.now < deadline {
            let fields = (0..<Int(random.next() % 4)).map { number in
                ("field_\(number)_\(random.next() % 1000)", Self.randomText(&random))
            }
            let bytes = (0..<Int(random.next() % 300)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let withFile = random.next() % 4 != 0 || fields.isEmpty
            let form = Samples.form(fields: fields, file: withFile ? ("avatar", "a.png", "image/png", bytes) : nil)
            let boundary = ProfileRouteAdapter.boundary(in: form.contentType)
            let parsed = try MultipartForm(form.body, boundary: boundary)
            #expect(parsed.fields.map(\.name) == fields.map(\.0), "case \(index), seed \(Self.seed)")
            #expect(parsed.fields.map(\.value) == fields.map(\.1), "case \(index), seed \(Self.seed)")
            #expect(parsed.files.map(\.bytes) == (withFile ? [bytes] : []), "case \(index), seed \(Self.seed)")
        }
    }

    @Test(
        "The boundary is read wherever it stands, quoted or not; none is nil",
        arguments: [
            ("multipart/form-data; boundary=abc", "abc"),
            ("multipart/form-data; charset=utf-8; boundary=\"a b\"", "a b"),
            ("multipart/form-data; BOUNDARY=x1", "x1"),
            ("multipart/form-data", nil),
            ("multipart/form-data; boundary=", nil),
        ] as [(String, String?)])
    func boundary(_ contentType: String, _ expected: String?) {
        #expect(ProfileRouteAdapter.boundary(in: contentType) == expected)
    }

    @Test("A part without a name, a field sent twice and a body that is no form are 400")
    func malformed() throws {
        let noName = Array("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n".utf8)
        #expect(throws: (any Error).self) { try MultipartForm(noName, boundary: "b") }
        let twice = Samples.form(fields: [("a", "1"), ("a", "2")], file: nil)
        let form = try MultipartForm(twice.body, boundary: ProfileRouteAdapter.boundary(in: twice.contentType))
        #expect(throws: (any Error).self) { try form.fieldsAsJSONObject() }
        #expect(throws: (any Error).self) { try MultipartForm(Array("junk".utf8), boundary: "b") }
        #expect(throws: (any Error).self) { try MultipartForm([], boundary: nil) }
    }
}
