import Foundation
import Testing

@testable import ProfileDomain
@testable import ProfileHTTP

@Suite("Wire timestamps are formatted and parsed by hand, exactly")
struct WireTimestampTests {
    @Test(
        "known instants format in both styles",
        arguments: [
            (0.0, "1970-01-01T00:00:00"), (1_704_067_200, "2024-01-01T00:00:00"),
            (1_779_186_645, "2026-05-19T10:30:45"), (951_782_400, "2000-02-29T00:00:00"),
            (-86_400, "1969-12-31T00:00:00"), (1_704_067_200.999, "2024-01-01T00:00:00"),
            (253_402_300_799, "9999-12-31T23:59:59"),
        ])
    func formats(seconds: Double, text: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(WireTimestamp.format(date, style: .zoneless) == text)
        #expect(WireTimestamp.format(date, style: .rfc3339) == text + "Z")
    }

    @Test(
        "parsing accepts Z, offsets, fractions and the zone-less form",
        arguments: [
            ("2024-01-01T00:00:00Z", 1_704_067_200.0), ("2024-01-01T00:00:00", 1_704_067_200),
            ("2024-01-01t00:00:00z", 1_704_067_200), ("2024-01-01 00:00:00Z", 1_704_067_200),
            ("2024-01-01T02:00:00+02:00", 1_704_067_200), ("2023-12-31T19:00:00-05:00", 1_704_067_200),
            ("2024-01-01T00:00:00.5Z", 1_704_067_200.5), ("2024-01-01T00:00:00.123456789123Z", 1_704_067_200.123456789),
        ])
    func parses(text: String, seconds: Double) throws {
        let parsed = try #require(WireTimestamp.parse(text))
        #expect(abs(parsed.timeIntervalSince1970 - seconds) < 1e-6)
    }

    @Test(
        "parsing refuses anything else",
        arguments: [
            "", "2024-01-01", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-32T00:00:00Z",
            "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00+0200",
            "2024-01-01T00:00:00Zjunk", "24-01-01T00:00:00Z", "２０２４-01-01T00:00:00Z", "1704067200",
        ])
    func refuses(text: String) {
        #expect(WireTimestamp.parse(text) == nil)
    }

    @Test("format then parse is the identity on whole seconds across four centuries")
    func roundTrip() throws {
        var generator = SeededGenerator(state: 42)
        for _ in 0..<5_000 {
            let seconds = Double(Int64.random(in: -2_208_988_800...4_102_444_800, using: &generator))
            let date = Date(timeIntervalSince1970: seconds)
            for style in WireTimestamp.Style.allCases {
                let text = WireTimestamp.format(date, style: style)
                let timestamp = try #require(WireTimestamp(parsing: text))
                #expect(timestamp.date == date)
                #expect(timestamp.style == style)
            }
        }
    }

    @Test("decoding keeps the style it read; an offset re-encodes as Z; garbage is a DecodingError")
    func codable() throws {
        let zoneless = try JSONComparison.decode(WireTimestamp.self, from: "\"2026-05-19T10:30:45\"")
        #expect(String(decoding: try JSONComparison.encode(zoneless), as: UTF8.self) == "\"2026-05-19T10:30:45\"")
        let offset = try JSONComparison.decode(WireTimestamp.self, from: "\"2026-05-19T12:30:45+02:00\"")
        #expect(offset.description == "2026-05-19T10:30:45Z")
        #expect(throws: DecodingError.self) { try JSONComparison.decode(WireTimestamp.self, from: "\"yesterday\"") }
        #expect(throws: DecodingError.self) { try JSONComparison.decode(WireTimestamp.self, from: "17") }
    }
}
