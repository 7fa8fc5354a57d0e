import Foundation
import ProfileDomain
import ProfileHTTP
import ProfileKitTestSupport
import ProfileValidation
import Testing

@Suite("JSON edge cases: numbers, Unicode forms of keys, byte-order marks")
struct JSONEdgeCaseTests {
    let decoder = RequestBodyDecoder()
    static let seed: UInt64 = 0x5EED_2026

    /// A random number as JSON writes it: sign, integer part, fraction, exponent of any size.
    static func numberToken(_ random: inout SeededGenerator) -> String {
        var token = Bool.random(using: &random) ? "-" : ""
        let digits = "0123456789"
        func run(_ count: Int) -> String {
            String((0..<count).map { _ in digits.randomElement(using: &random) ?? "0" })
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
            token += "0"
        } else {
            token += String("123456789".randomElement(using: &random) ?? "1")
            token += run(Int.random(in: 0...(Bool.random(using: &random) ? 3 : 330), using: &random))
        }
        if Bool.random(using: &random) {
            token += "." + run(Int.random(in: 1...(Bool.random(using: &random) ? 3 : 40), using: &random))
        }
        if Bool.random(using: &random) {
            token += ["e", "E"].randomElement(using: &random) ?? "e"
            token += ["", "+", "-"].randomElement(using: &random) ?? ""
            let exponent = [
                Int.random(in: 0...20, using: &random), Int.random(in: 280...340, using: &random),
                Int.random(in: 0...100_000, using: &random),
            ]
            token += String(exponent.randomElement(using: &random) ?? 0)
        }
        return token
    }

    @Test("every valid JSON number decodes to the nearest double, or is out_of_range when a double cannot hold it")
    func numbers() throws {
        var random = SeededGenerator(seed: Self.seed)
        var decodedCount = 0
        var refusedCount = 0
        // Bounded by the count alone: the counts of both outcomes are checked below, and a
        // deadline that cut the run short could leave them under their floors on a busy machine.
        for _ in 0..<5_000 {
            let token = Self.numberToken(&random)
            // The reference: the standard library's own parser (correctly rounded strtod).
            let reference = try #require(Double(token), "\(token) is a valid JSON number")
            let mantissa = token.prefix { $0 != "e" && $0 != "E" }
            let fitsDouble = reference.isFinite && (reference != 0 || !mantissa.contains { ("1"..."9").contains($0) })
            let body = Array(#"{"preferences":{"x":\#(token)},"display_name":"Jo"}"#.utf8)
            do {
                let value = try decoder.decode(JSONValue.self, from: body)
                let request = try decoder.decode(MobileWire.ProfileRequest.self, from: body)
                #expect(fitsDouble, "\(token) decoded, yet a double cannot hold it (seed \(Self.seed))")
                #expect(
                    value
                        == .object(["preferences": .object(["x": .number(reference)]), "display_name": .string("Jo")]),
                    "\(token) (seed \(Self.seed))")
                #expect(
                    request.preferences.additional["x"] == .value(.number(reference)), "\(token) (seed \(Self.seed))")
                decodedCount += 1
            } catch {
                #expect(!fitsDouble, "\(token) is refused with \(error.message) (seed \(Self.seed))")
                #expect(error.fieldErrors.map(\.code) == [.outOfRange], "\(token) (seed \(Self.seed))")
                #expect(error.fieldErrors.map(\.field) == ["preferences.x"], "\(token) (seed \(Self.seed))")
                refusedCount += 1
            }
        }
        #expect(decodedCount > 1_000 && refusedCount > 100, "both outcomes are exercised")
    }

    @Test(
        "numbers Foundation's decoder refuses read as JSON defines them",
        arguments: [
            ("0e1", 0.0), ("0E9", 0.0), ("-0.0e1", -0.0), ("-0.0E-9", -0.0), ("-0", -0.0), ("1E22", 1e22),
            ("4.9e-324", Double.leastNonzeroMagnitude), ("1.7976931348623157e308", 1.7976931348623157e308),
        ])
    func foundationQuirks(token: String, value: Double) throws {
        let decoded = try decoder.decode(JSONValue.self, from: Array("[\(token)]".utf8))
        #expect(decoded == .array([.number(value)]))
        if case .array(let items) = decoded, case .number(let number) = items.first {
            #expect(number.sign == value.sign)
        }
    }

    @Test(
        "a number a double cannot hold is out_of_range at its path, never wrong_type",
        arguments: ["1E400", "-1e309", "1e-400", "-2e-324", "0.\(repeated("0", 400))1", repeated("9", 310)])
    func outOfRange(token: String) throws {
        let error = try #require(
            throws: ProfileError.self,
            performing: { try decoder.decode(JSONValue.self, from: Array(#"{"preferences":{"x":\#(token)}}"#.utf8)) })
        #expect(error.status == .badRequest)
        #expect(error.fieldErrors.map(\.code) == [.outOfRange])
        #expect(error.fieldErrors.map(\.field) == ["preferences.x"])
        #expect(error.message.contains("double"))
    }

    @Test("a big integer of up to 300 digits keeps its exact text for integer types")
    func bigIntegers() throws {
        let decoded = try decoder.decode([Int64].self, from: Array("[9223372036854775807]".utf8))
        #expect(decoded == [Int64.max])
        let wide = try decoder.decode(JSONValue.self, from: Array("[\(repeated("9", 300))]".utf8))
        #expect(wide == .array([.number(Double(repeated("9", 300)) ?? 0)]))
    }

    /// Spellings of one key: the same scalars written raw or escaped.
    static let sameScalars: [(String, String)] = [
        (#"é"#, #"\u00e9"#), (#"e\u0301"#, "e\u{301}"), (#"a"#, #"\u0061"#), (#"Å"#, #"\u00C5"#),
    ]

    /// Canonically equivalent spellings with distinct scalars.
    static let equivalentForms: [[String]] = [
        ["\u{E9}", "e\u{301}"], ["\u{C5}", "\u{212B}", "A\u{30A}"], ["\u{1E69}", "s\u{323}\u{307}", "\u{1E63}\u{307}"],
        ["\u{AC00}", "\u{1100}\u{1161}"], ["\u{F4}", "o\u{302}"], ["K", "\u{212A}"],
    ]

    @Test("keys are told apart by their exact scalars; canonically equivalent keys are refused as equivalent_key")
    func equivalentKeys() throws {
        var random = SeededGenerator(seed: Self.seed)
        for round in 0..<2_000 {
            let forms = Self.equivalentForms.randomElement(using: &random) ?? []
            let prefix = ["", "k_", "theme"].randomElement(using: &random) ?? ""
            let pair = forms.shuffled(using: &random).prefix(2).map { prefix + $0 }
            let same = Bool.random(using: &random)
            let keys = same ? [pair[0], pair[0]] : pair
            let body = Array(#"{"preferences":{"\#(keys[0])":1,"other":2,"\#(keys[1])":3}}"#.utf8)
            let error = try #require(
                throws: ProfileError.self,
                performing: { try decoder.decode(MobileWire.ProfileRequest.self, from: body) })
            #expect(
                error.fieldErrors.map(\.code) == [same ? .duplicateKey : .equivalentKey],
                "round \(round), keys \(keys.map { $0.unicodeScalars.map { String($0.value, radix: 16) } }) (seed \(Self.seed))"
            )
            #expect(error.fieldErrors.first?.field.hasPrefix("preferences.") == true)
        }
    }

    @Test("the same scalars escaped or raw are one key: duplicate_key", arguments: sameScalars)
    func escapedDuplicates(raw: String, escaped: String) throws {
        let error = try #require(
            throws: ProfileError.self,
            performing: { try decoder.decode(JSONValue.self, from: Array(#"{"\#(raw)":1,"\#(escaped)":2}"#.utf8)) })
        #expect(error.fieldErrors.map(\.code) == [.duplicateKey])
    }

    @Test("keys that only look alike are distinct keys, and every one reaches the decoded value")
    func distinctKeys() throws {
        let keys = ["e", "\u{E9}", "E", "\u{C9}", "e\u{300}", "K", "k", "\u{FB01}", "fi"]
        let body = "{" + keys.enumerated().map { #""\#($1)":\#($0)"# }.joined(separator: ",") + "}"
        let decoded = try decoder.decode([String: Int].self, from: Array(body.utf8))
        #expect(decoded.count == keys.count)
    }

    @Test("a leading UTF-8 byte-order mark is skipped (RFC 8259 §8.1); anywhere else it is refused")
    func byteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(
            try decoder.decode(JSONValue.self, from: bom + Array(#" {"bio":"x"}"#.utf8))
                == .object(["bio": .string("x")]))
        let patch = try decoder.decode(ProfilePatch.self, from: bom + Array(#"{"bio":"x"}"#.utf8))
        #expect(patch.bio == .value("x"))
        for body in [
            bom, bom + bom + Array("{}".utf8), Array(" ".utf8) + bom + Array("{}".utf8), Array("{}".utf8) + bom,
        ] {
            let error = try #require(
                throws: ProfileError.self, performing: { try decoder.decode(JSONValue.self, from: body) })
            #expect(error.fieldErrors.map(\.code) == [.malformed])
        }
        // Inside a string it is a character like any other (text rules refuse it as invisible).
        let inString = try decoder.decode(JSONValue.self, from: Array(#"{"bio":""#.utf8) + bom + Array(#""}"#.utf8))
        #expect(inString == .object(["bio": .string("\u{FEFF}")]))
    }
}
