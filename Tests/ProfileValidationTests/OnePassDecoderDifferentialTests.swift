import Foundation
import ProfileDomain
import ProfileKitTestSupport
import Testing

@testable import ProfileHTTP
@testable import ProfileValidation

/// The one-pass decoder against the two-step path it replaces (the syntax scanner, then
/// Foundation's `JSONDecoder` and each type's `init(from:)`), on generated bodies: valid ones,
/// valid ones with a value of another type, hostile Unicode, duplicate and equivalent keys, deep
/// nesting, extreme numbers, byte flips and cuts of the specs' samples. Both must give the same
/// verdict, the same decoded value and the same error (code, status, message, field errors).
///
/// `PROFILEKIT_ONEPASS_BODIES` sets the bodies per type (default 6,000; each type stops after
/// 20 s), `PROFILEKIT_ONEPASS_SEED` the seed.
@Suite("One-pass decoder: the same answer as the two-step path on generated bodies")
struct OnePassDecoderDifferentialTests {
    static let seed: UInt64 =
        ProcessInfo.processInfo.environment["PROFILEKIT_ONEPASS_SEED"].flatMap { UInt64($0) } ?? 0x0E_9A55
    static let bodiesPerType =
        ProcessInfo.processInfo.environment["PROFILEKIT_ONEPASS_BODIES"].flatMap { Int($0) } ?? 6_000

    /// One body type: its name, a valid sample, its keys, and both paths for it.
    struct BodyType: Sendable, CustomTestStringConvertible {
        var name: String
        var sample: String
        var keys: [String]
        /// Objects whose members `init(from:)` reads in Foundation's dictionary order, so that
        /// when two of their members have the wrong type either may be the one reported.
        var unorderedObjects: [String] = []
        var compare: @Sendable (RequestBodyDecoder, [UInt8]) -> (oneStep: Outcome, twoStep: Outcome)
        /// The public `decode(_:from:)` called as a caller outside the package calls it (knowing
        /// only `Decodable`), and the one-pass reader.
        var dispatch: @Sendable (RequestBodyDecoder, [UInt8]) -> (viaDecode: Outcome, oneStep: Outcome)

        var testDescription: String { name }

        static func of<T: Decodable & JSONBodyDecodable & Hashable & Sendable>(
            _ type: T.Type, _ name: String, sample: String, keys: [String], unorderedObjects: [String] = []
        ) -> BodyType {
            BodyType(
                name: name, sample: sample, keys: keys, unorderedObjects: unorderedObjects,
                compare: { decoder, body in
                    (
                        Outcome { () throws(ProfileError) in try decoder.readInOnePass(T.self, from: body) },
                        Outcome { () throws(ProfileError) in try decoder.decodeWithFoundation(T.self, from: body) }
                    )
                },
                dispatch: { decoder, body in
                    (
                        Outcome { () throws(ProfileError) in try decodeAsDecodable(T.self, with: decoder, from: body) },
                        Outcome { () throws(ProfileError) in try decoder.readInOnePass(T.self, from: body) }
                    )
                })
        }

        /// `decode(_:from:)` where only `Decodable` is known, so that the call reaches the public
        /// overload (the run-time check for the one-pass reader), not the package one.
        static func decodeAsDecodable<T: Decodable>(
            _ type: T.Type, with decoder: RequestBodyDecoder, from body: [UInt8]
        ) throws(ProfileError) -> T {
            try decoder.decode(type, from: body)
        }
    }

    /// A decoded value (as its description, the types being `Hashable` but of different kinds)
    /// or the error.
    enum Outcome: Equatable {
        case value(AnyHashable)
        case error(ProfileError)

        init<T: Hashable>(_ body: () throws(ProfileError) -> T) {
            do {
                self = .value(AnyHashable(try body()))
            } catch {
                self = .error(error)
            }
        }
    }

    static let nestedKeys = [
        "city", "state", "country", "text", "instagram", "tiktok", "youtube", "twitch", "twitter", "linkedin",
        "myspace", "voice_preference", "default_scenario", "theme",
    ]
    static let awkwardKeys = [
        "id", "email", "userName", "createdAt", "unknown", "", #"user\u006eame"#, #"b\u0069o"#, "caf\u{E9}",
        "cafe\u{301}", "\u{212A}", "K", #"\u212A"#, #"\ud83d\ude00"#, "\u{1F600}", "a\\nb",
    ]

    static let types: [BodyType] = [
        .of(
            CreatorWire.ProfileRequest.self, "creator",
            sample: #"""
                {"username": "john_doe", "displayName": "John Doe", "bio": "Content creator and influencer",
                 "niche": ["fitness", "lifestyle"], "location": {"city": "New York", "state": "NY", "country": "USA"},
                 "socialLinks": {"instagram": "https://instagram.com/johndoe", "tiktok": "https://tiktok.com/@johndoe"},
                 "avatar": "https://cdn.example.com/avatar.jpg"}
                """#,
            keys: ["username", "displayName", "bio", "niche", "location", "socialLinks", "avatar"]),
        .of(
            SocialWire.UpdateRequest.self, "social",
            sample: #"""
                {"firstName": "John", "lastName": "Doe", "middleName": null, "bio": "Hi",
                 "location": "New York, NY", "profilePictureUrls": ["https://cdn.example.com/a.jpg"]}
                """#,
            keys: ["firstName", "lastName", "middleName", "bio", "location", "profilePictureUrls"]),
        .of(
            SocialWire.UsernameChangeRequest.self, "social username change", sample: #"{"newUsername": "john_doe"}"#,
            keys: ["newUsername"]),
        .of(
            SuspensionRequest.self, "suspension", sample: #"{"until": "2026-06-01T00:00:00Z"}"#, keys: ["until"]),
        .of(
            MobileWire.ProfileRequest.self, "mobile",
            sample: #"""
                {"display_name": "Jo", "preferences": {"voice_preference": "alloy", "default_scenario": "default",
                 "theme": "dark", "list": [1, 2, {"a": null}]}}
                """#,
            keys: ["display_name", "preferences"], unorderedObjects: ["preferences"]),
        .of(
            DjangoWire.UpdateRequest.self, "django",
            sample:
                #"{"first_name": "John", "last_name": "", "number_phone": "+15551234567", "email": "j@example.com"}"#,
            keys: ["first_name", "last_name", "number_phone", "email"]),
        .of(
            ProfilePatch.self, "ProfilePatch",
            sample: #"""
                {"username": "john_doe", "firstName": "John", "niche": ["a"], "location": "Paris",
                 "socialLinks": {"instagram": "https://instagram.com/j", "myspace": null}, "profilePictureUrls": []}
                """#,
            keys: [
                "username", "displayName", "firstName", "middleName", "lastName", "bio", "niche", "location",
                "socialLinks", "avatar", "profilePictureUrls",
            ],
            unorderedObjects: ["socialLinks"]),
        .of(
            JSONValue.self, "JSONValue", sample: #"{"a": [1, -0.5e3, true, null, "x\u00e9"], "b": {}}"#,
            keys: ["a", "b"]),
    ]

    @Test("the one-pass decoder answers every generated body as the two-step path does", arguments: types)
    func sameAnswers(type: BodyType) {
        // Each type draws its own sequence from the one seed (FNV-1a of its name mixed in).
        let salt = type.name.utf8.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
        var random = SeededGenerator(seed: Self.seed ^ salt)
        var generator = BodyGenerator(keys: type.keys + Self.nestedKeys + Self.awkwardKeys, sample: type.sample)
        // A small depth limit, so that generated nesting reaches it often.
        let decoder = RequestBodyDecoder(maximumBytes: 1 << 16, maximumDepth: 6)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(20)
        var compared = 0
        var accepted = 0
        var mismatches = 0
        // At least 1,000 bodies whatever the load (a count bound), then more until the deadline.
        while compared < Self.bodiesPerType, compared < 1_000 || clock.now < deadline {
            let body = generator.body(&random)
            let (oneStep, twoStep) = type.compare(decoder, body)
            compared += 1
            if case .value = twoStep { accepted += 1 }
            guard oneStep != twoStep, !Self.isHashOrderTie(oneStep, twoStep, unordered: type.unorderedObjects) else {
                continue
            }
            mismatches += 1
            if mismatches <= 3 {
                Issue.record(
                    """
                    \(type.name), seed \(Self.seed), body \(compared): \(String(decoding: body, as: UTF8.self).debugDescription)
                    one pass: \(oneStep)
                    two steps: \(twoStep)
                    """)
            }
        }
        print("one-pass differential, \(type.name): \(compared) bodies, \(accepted) accepted, \(mismatches) differ")
        #expect(mismatches == 0, "\(mismatches) of \(compared) bodies differ (seed \(Self.seed))")
        // The generator must reach both verdicts often enough to compare values as well as errors.
        #expect(accepted > compared / 20 && accepted < compared - compared / 20, "\(accepted) of \(compared) accepted")
    }

    @Test("the public decode, finding the one-pass reader at run time, answers as the reader does", arguments: types)
    func publicDecodeSameAnswers(type: BodyType) {
        var random = SeededGenerator(seed: Self.seed ^ 0xD15_BA7C)
        var generator = BodyGenerator(keys: type.keys + Self.nestedKeys + Self.awkwardKeys, sample: type.sample)
        let decoder = RequestBodyDecoder(maximumBytes: 1 << 16, maximumDepth: 6)
        var accepted = 0
        var mismatches = 0
        for number in 1...1_000 {
            let body = generator.body(&random)
            let (viaDecode, oneStep) = type.dispatch(decoder, body)
            if case .value = oneStep { accepted += 1 }
            guard viaDecode != oneStep else { continue }
            mismatches += 1
            if mismatches <= 3 {
                Issue.record("\(type.name), seed \(Self.seed), body \(number): \(viaDecode) but \(oneStep)")
            }
        }
        #expect(mismatches == 0, "\(mismatches) of 1,000 bodies differ (seed \(Self.seed))")
        #expect(accepted > 50, "\(accepted) of 1,000 accepted")
    }

    /// The deepest values of ``outgrowingInlineStorage()``: valid ones and one of each problem.
    static let innermost = [
        #"{"a": 1, "a": 2}"#, #"{"caf\u00e9": 1, "cafe\u0301": 2}"#, "[1, 2]", "tru", "{}", "-0",
        #"{"x": [true, null]}"#,
    ]

    /// Bodies deeper than the reader's path storage on its stack frame (8 levels) and objects with
    /// more keys than its key storage (32), so that both move to the heap mid-body, with the
    /// problem (a duplicate key, a wrong-typed or too deep value, a cut) at the deepest level.
    @Test("bodies outgrowing the reader's inline path and key storage get the two-step path's answers")
    func outgrowingInlineStorage() {
        var random = SeededGenerator(seed: Self.seed ^ 0x5_7AC4)
        let decoder = RequestBodyDecoder(maximumBytes: 1 << 20, maximumDepth: 40)
        var compared = 0
        var accepted = 0
        var mismatches = 0
        for _ in 0..<400 {
            let levels = Int.random(in: 1...44, using: &random)
            let keysPerLevel = Int.random(in: 0...20, using: &random)
            var body = ""
            var closers: [String] = []
            for level in 0..<levels {
                body += "{"
                for sibling in 0..<keysPerLevel { body += #""s\#(sibling)": \#(sibling), "# }
                body += #""level\#(level)": "#
                closers.append("}")
                if random.next() % 3 == 0 {
                    body += "["
                    closers.append("]")
                }
            }
            body += Self.innermost[Int(random.next() % UInt64(Self.innermost.count))] + closers.reversed().joined()
            let bytes = Array(body.utf8)
            let oneStep = Outcome { () throws(ProfileError) in try decoder.readInOnePass(JSONValue.self, from: bytes) }
            let twoStep = Outcome { () throws(ProfileError) in
                try decoder.decodeWithFoundation(JSONValue.self, from: bytes)
            }
            compared += 1
            if case .value = twoStep { accepted += 1 }
            guard oneStep != twoStep else { continue }
            mismatches += 1
            if mismatches <= 3 {
                Issue.record("seed \(Self.seed): \(body)\none pass: \(oneStep)\ntwo steps: \(twoStep)")
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(compared) bodies differ (seed \(Self.seed))")
        #expect(accepted > compared / 10 && accepted < compared - compared / 10, "\(accepted) of \(compared) accepted")
    }

    /// Whether two errors differ only in which of two wrong-typed members of an object read in
    /// dictionary order was reported.
    static func isHashOrderTie(_ first: Outcome, _ second: Outcome, unordered: [String]) -> Bool {
        guard case .error(let one) = first, case .error(let two) = second,
            let oneField = one.fieldErrors.first, let twoField = two.fieldErrors.first,
            oneField.code == .wrongType, twoField.code == .wrongType
        else { return false }
        return unordered.contains { object in
            oneField.field.hasPrefix(object + ".") && twoField.field.hasPrefix(object + ".")
        }
    }

    @Test("of two wrong-typed named preferences, the first in the body is reported")
    func hashOrderedTie() throws {
        let body = Array(#"{"preferences": {"voice_preference": 1, "default_scenario": 2}}"#.utf8)
        let error = try #require(throws: ProfileError.self) {
            try RequestBodyDecoder().decode(MobileWire.ProfileRequest.self, from: body)
        }
        #expect(error.fieldErrors.map(\.field) == ["preferences.voice_preference"])
        #expect(error.fieldErrors.first?.message == "preferences.voice_preference must be a string")
    }

    @Test("a body that is not contiguous in memory is read the same way")
    func nonContiguousBody() throws {
        let sample = Self.types[0].sample
        let bytes = Array(sample.utf8)
        let chained = bytes.prefix(10).lazy.map { $0 } + bytes.dropFirst(10)
        let decoder = RequestBodyDecoder()
        let fromChain = try decoder.decode(CreatorWire.ProfileRequest.self, from: chained)
        let fromArray = try decoder.decode(CreatorWire.ProfileRequest.self, from: bytes)
        #expect(fromChain == fromArray)
        #expect(fromArray.profile == SpecSamplePatches.creator())
    }
}

/// Generated request bodies around one type's keys and sample.
struct BodyGenerator {
    var keys: [String]
    var sample: String

    static let strings = [
        "", "john_doe", "John Doe", "\u{DC}n\u{EF}c\u{F6}d\u{E9}", "e\u{301}", #"\ud83d\ude00"#, #"\u00e9"#,
        #"a\"b\\c\/d\b\f\n\r\t"#, "https://instagram.com/x", "alloy", "\u{1F600}", String(repeating: "x", count: 40),
    ]
    static let numbers = [
        "0", "-0", "1", "1.5", "-2.25", "1e2", "0e1", "-0.0e1", "1E+2", "123456789012345678901234567890",
        "1e400", "-1e400", "1e-400", "4.9e-324", "2.5e-324", String(repeating: "9", count: 301),
        String(repeating: "9", count: 309),
    ]
    /// Bytes that break a body in interesting ways.
    static let hostile: [[UInt8]] = [
        Array(#"\ud800"#.utf8), Array(#"\udc00"#.utf8), Array(#"\ud800\u0041"#.utf8), Array(#"\u12"#.utf8),
        Array(#"\x"#.utf8), [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF],
        [0x00], [0x1F], [0xEF, 0xBB, 0xBF], Array("1e400".utf8), Array("-01".utf8), Array("1.".utf8),
        Array("tru".utf8), Array(",".utf8), Array(":".utf8), Array("}".utf8), Array("]".utf8), Array("\"".utf8),
    ]

    mutating func body(_ random: inout SeededGenerator) -> [UInt8] {
        switch Int.random(in: 0..<10, using: &random) {
        case 0...2: return Array(object(depth: 1, &random).utf8)
        case 3...4: return Array(replacingValue(in: sample, &random).utf8)
        case 5: return nested(&random)
        case 6: return Array(withDuplicate(&random).utf8)
        default: return mutated(Array((Bool.random(using: &random) ? sample : object(depth: 1, &random)).utf8), &random)
        }
    }

    func pick<T>(_ items: [T], _ random: inout SeededGenerator) -> T {
        items[Int.random(in: 0..<items.count, using: &random)]
    }

    func value(depth: Int, _ random: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<(depth > 7 ? 5 : 8), using: &random) {
        case 0, 1: return "\"" + pick(Self.strings, &random) + "\""
        case 2: return pick(Self.numbers, &random)
        case 3: return pick(["true", "false"], &random)
        case 4: return "null"
        case 5, 6:
            let count = Int.random(in: 0...3, using: &random)
            return "[" + (0..<count).map { _ in value(depth: depth + 1, &random) }.joined(separator: ", ") + "]"
        default: return object(depth: depth + 1, &random)
        }
    }

    func object(depth: Int, _ random: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...(depth == 1 ? 6 : 3), using: &random)
        var chosen: [String] = []
        for _ in 0..<count {
            let key = pick(keys, &random)
            // Mostly distinct keys, so that most bodies get past the duplicate check.
            if chosen.contains(key) && Int.random(in: 0..<8, using: &random) != 0 { continue }
            chosen.append(key)
        }
        let members = chosen.map { "\"\($0)\": " + value(depth: depth, &random) }
        return "{" + members.joined(separator: ", ") + "}"
    }

    /// The sample with one of its values replaced by a random value.
    func replacingValue(in sample: String, _ random: inout SeededGenerator) -> String {
        let key = pick(keys, &random)
        guard let range = sample.range(of: "\"\(key)\": ") else { return sample }
        let rest = sample[range.upperBound...]
        // The value ends at the next top-level comma or closing brace: good enough for samples.
        var depth = 0
        var inString = false
        var end = rest.endIndex
        var escaped = false
        for index in rest.indices {
            let character = rest[index]
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
                continue
            }
            if character == "\"" { inString = true }
            if character == "[" || character == "{" { depth += 1 }
            if character == "]" || character == "}" {
                if depth == 0 {
                    end = index
                    break
                }
                depth -= 1
            }
            if character == "," && depth == 0 {
                end = index
                break
            }
        }
        return String(sample[..<range.upperBound]) + value(depth: 2, &random) + String(rest[end...])
    }

    /// The sample with a nested value `depth` levels deep under one of its keys or at the top.
    func nested(_ random: inout SeededGenerator) -> [UInt8] {
        let depth = Int.random(in: 3...9, using: &random)
        let open = (0..<depth).map { _ in Bool.random(using: &random) ? "[" : "{\"\(pick(keys, &random))\": " }
        let close = open.reversed().map { $0 == "[" ? "]" : "}" }
        let inner = open.joined() + value(depth: 8, &random) + close.joined()
        let body = Bool.random(using: &random) ? inner : "{\"\(pick(keys, &random))\": \(inner)}"
        return Array(body.utf8)
    }

    /// A body whose object names a key twice, or in two Unicode forms.
    func withDuplicate(_ random: inout SeededGenerator) -> String {
        let pairs = [("caf\u{E9}", "cafe\u{301}"), ("K", "\u{212A}"), ("bio", #"b\u0069o"#), ("x", "x")]
        let (first, second) = pick(pairs, &random)
        let key = pick(keys, &random)
        return "{\"\(key)\": {\"\(first)\": 1, \"\(second)\": 2}, \"\(first)\": null}"
    }

    /// `bytes` after a few random edits: flips, hostile insertions, deletions, cuts.
    func mutated(_ bytes: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            guard !bytes.isEmpty else { break }
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 1: bytes.insert(contentsOf: pick(Self.hostile, &random), at: position)
            case 2: bytes.remove(at: position)
            case 3: bytes.removeSubrange(position...)
            default: bytes.insert(contentsOf: pick(Self.hostile, &random), at: bytes.count)
            }
        }
        return bytes
    }
}
