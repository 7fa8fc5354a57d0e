import ProfileDomain
import ProfileKitTestSupport
import Testing

@testable import ProfileValidation

/// Error messages written into one buffer (`MessageWriter`) against the string interpolation they
/// replaced, on generated pieces: the wording clients see must not move by a byte.
@Suite("Messages written into one buffer read as the interpolation they replaced")
struct MessageWriterDifferentialTests {
    static let seed: UInt64 = 0x5EED_3E55_A6E5
    static let cases = 4_000

    static let pieces = [
        "", "a", "bio", "socialLinks.instagram", "niche[3]", " ", "é", "e\u{301}", "😀", "\u{202E}", "\u{0}", "\n",
        "; the limit is ", "ｊ", "日本", "\\", "\"",
    ]
    static let numbers = [0, 1, 9, 10, 99, 100, 500, 501, 65_535, -1, -10, Int.max, Int.min, Int.max - 1, Int.min + 1]

    static func text(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
    }

    static func number(_ random: inout SeededGenerator) -> Int {
        Bool.random(using: &random)
            ? numbers.randomElement(using: &random) ?? 0 : Int.random(in: Int.min...Int.max, using: &random)
    }

    @Test("texts, numbers and code points written in any order read as their interpolation")
    func writerMatchesInterpolation() {
        var random = SeededGenerator(seed: Self.seed)
        for index in 0..<Self.cases {
            var writer = MessageWriter(capacity: Int.random(in: 0...40, using: &random))
            var reference = ""
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                switch Int.random(in: 0..<3, using: &random) {
                case 0:
                    let text = Self.text(&random)
                    writer.write(text)
                    reference += "\(text)"
                case 1:
                    let number = Self.number(&random)
                    writer.write(number)
                    reference += "\(number)"
                default:
                    let scalar = Unicode.Scalar(UInt32.random(in: 0...0xD7FF, using: &random)) ?? "a"
                    writer.write(codePointOf: scalar)
                    reference += Messages.codePoint(scalar)
                }
            }
            #expect(writer.text == reference, "seed \(Self.seed) case \(index)")
        }
    }

    @Test("length, required and not-updatable messages read as the interpolated sentences")
    func messagesMatchInterpolation() {
        var random = SeededGenerator(seed: Self.seed &+ 1)
        for index in 0..<Self.cases {
            let path = Self.text(&random)
            let unit = Self.text(&random)
            let detail = Self.text(&random)
            let count = Self.number(&random)
            let limit = Self.number(&random)
            let context = "seed \(Self.seed + 1) case \(index)"
            #expect(
                Messages.tooLong(path, count: count, limit: limit, unit: unit)
                    == FieldError(
                        field: path, code: .tooLong, message: "\(path) is \(count) \(unit); the limit is \(limit)",
                        limit: limit), "\(context)")
            #expect(
                Messages.tooShort(path, count: count, limit: limit, unit: unit)
                    == FieldError(
                        field: path, code: .tooShort, message: "\(path) is \(count) \(unit); the minimum is \(limit)",
                        limit: limit), "\(context)")
            #expect(
                Messages.required(path, detail)
                    == FieldError(field: path, code: .required, message: "\(path) is required" + detail), "\(context)")
            #expect(
                Messages.notUpdatable(path, detail)
                    == FieldError(
                        field: path, code: .notUpdatableHere,
                        message: "\(path) cannot be changed by this request; \(detail)"), "\(context)")
            #expect(Messages.joined(path, detail) == "\(path) \(detail)", "\(context)")
            #expect(Messages.member(detail, of: path) == "\(path).\(detail)", "\(context)")
        }
    }

    @Test("a username's character error reads as the interpolated sentence, for any refused character")
    func usernameCharsetMessage() {
        var random = SeededGenerator(seed: Self.seed &+ 2)
        let pieces = [
            "a", "Z", "0", "_", "john", ".", "-", " ", "\t", "\u{0}", "é", "e\u{301}", "\u{200B}", "\u{202E}", "а",
            "ｊ", "👩\u{200D}💻",
        ]
        var reached = 0
        for index in 0..<Self.cases {
            let value =
                "j"
                + (0..<Int.random(in: 1...6, using: &random)).map { _ in
                    pieces.randomElement(using: &random) ?? ""
                }.joined() + "z"
            let path = ["username", "newUsername", "user.name"].randomElement(using: &random) ?? "username"
            guard let (position, scalar) = ValidationPolicy.firstNonUsernameScalar(in: value) else { continue }
            var errors: [FieldError] = []
            _ = ValidationPolicy.creator.checkUsername(value, path: path, errors: &errors)
            let charset = errors.first { $0.code == .invalidCharacters || $0.code == .forbiddenCharacters }
            let code = Messages.codePoint(scalar)
            let reference: String
            if TextChecker.forbiddenReason(scalar, allowsNewline: false, isFirst: true, isLast: true) != nil {
                reference =
                    "\(path) holds \(code), an invisible or control character, at character \(position); a username "
                    + "may only hold A-Z, a-z, 0-9 and _"
            } else {
                let lookAlike = scalar.isASCII ? "" : " (look-alike letters from other alphabets are not accepted)"
                reference =
                    "\(path) may only hold A-Z, a-z, 0-9 and _; \(code) at character \(position) is not one of "
                    + "them\(lookAlike)"
            }
            // A value that trims to another value is worded on the trimmed text; compare those only.
            guard Whitespace.trimmed(value) == value else { continue }
            reached += 1
            #expect(charset?.message == reference, "seed \(Self.seed + 2) case \(index): \(value.debugDescription)")
        }
        #expect(reached > Self.cases / 2, "the generator must reach the charset error (seed \(Self.seed + 2))")
    }
}
