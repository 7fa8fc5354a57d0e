import Foundation
import Testing

@testable import ProfileStore

private typealias Fixture = StoreFixtures

/// The values each byte is replaced with: the separators, the bytes of JSON structure, a digit
/// and a bit flip (0xFF marks it).
private let replacements: [UInt8] = [
    UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x00, UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "7"), 0xFF,
]

/// `bytes` with the byte at `index` replaced by `value` (0xFF flips its lowest bit instead).
private func replacing(_ bytes: [UInt8], at index: Int, with value: UInt8) -> [UInt8] {
    var damaged = bytes
    damaged[index] = value == 0xFF ? bytes[index] ^ 0x01 : value
    return damaged
}

@Suite("JSONFileProfileStore refuses damage to any byte of a complete record or snapshot")
struct JSONFileDamageTests {
    @Test("every byte of a five-record journal replaced by each of seven values is refused or harmless")
    func everyJournalByte() async throws {
        try await Fixture.withDirectory { directory in
            let fixture = try await JSONFileDamageFixture.make(in: directory, snapshot: false)
            var outcomes: [JSONFileDamageFixture.Outcome: Int] = [:]
            for index in fixture.original.indices {
                for value in replacements {
                    let damaged = replacing(fixture.original, at: index, with: value)
                    guard damaged != fixture.original else { continue }
                    let outcome = try await fixture.check(damaged, in: directory, case: "byte \(index) -> \(value)")
                    outcomes[outcome, default: 0] += 1
                    // One byte changed leaves no unterminated prefix to cut: a record is whole or damaged.
                    #expect(outcome != .cut, "byte \(index) -> \(value)")
                }
            }
            // Only the final line end replaced by a zero byte (a file extended with zeros) opens.
            #expect(outcomes[.intact] == 1, "\(outcomes)")
            #expect((outcomes[.refused] ?? 0) > fixture.original.count * (replacements.count - 1))
        }
    }

    @Test("random damage to several bytes of the journal is refused, harmless or a reported cut of the last record")
    func randomJournalDamage() async throws {
        try await Fixture.withDirectory { directory in
            let fixture = try await JSONFileDamageFixture.make(in: directory, snapshot: false)
            let seed: UInt64 = 0x0D4A_4A6E
            var generator = SeededGenerator(state: seed)
            var refused = 0
            for round in 0..<400 {
                var damaged = fixture.original
                // Half the rounds aim at the last two records and the separators around them.
                let low = round % 2 == 0 ? 0 : fixture.lineStarts[fixture.lineStarts.count - 2]
                for _ in 0..<Int.random(in: 2...6, using: &generator) {
                    let index = Int.random(in: low..<damaged.count, using: &generator)
                    damaged[index] =
                        Bool.random(using: &generator)
                        ? replacements.randomElement(using: &generator) ?? 0
                        : UInt8.random(in: 0...255, using: &generator)
                }
                guard damaged != fixture.original else { continue }
                let outcome = try await fixture.check(damaged, in: directory, case: "seed \(seed) round \(round)")
                if outcome == .refused { refused += 1 }
            }
            #expect(refused > 300, "seed \(seed)")
        }
    }

    @Test("every cut of the final record, with or without zero bytes after it, opens with the earlier records")
    func everyCutOfTheLastRecord() async throws {
        try await Fixture.withDirectory { directory in
            let fixture = try await JSONFileDamageFixture.make(in: directory, snapshot: false)
            let lastStart = try #require(fixture.lineStarts.last)
            for kept in lastStart..<(fixture.original.count - 1) {
                for padding in [0, 3, fixture.original.count - kept] where kept > lastStart || padding > 0 {
                    let cut = Array(fixture.original[..<kept]) + [UInt8](repeating: 0, count: padding)
                    let label = "kept \(kept) padding \(padding)"
                    let outcome = try await fixture.check(cut, in: directory, case: label)
                    #expect(outcome == .cut, "\(label)")
                }
            }
            // Only the line end missing: the whole record stays.
            let outcome = try await fixture.check(
                Array(fixture.original.dropLast()), in: directory, case: "no line end")
            #expect(outcome == .intact)
        }
    }

    @Test("every byte of a snapshot replaced by each of seven values is refused or loads the same state")
    func everySnapshotByte() async throws {
        try await Fixture.withDirectory { directory in
            let fixture = try await JSONFileDamageFixture.make(in: directory, snapshot: true)
            #expect(try Fixture.bytes("journal.jsonl", in: directory).isEmpty)
            var outcomes: [JSONFileDamageFixture.Outcome: Int] = [:]
            for index in fixture.original.indices {
                for value in replacements {
                    let damaged = replacing(fixture.original, at: index, with: value)
                    guard damaged != fixture.original else { continue }
                    outcomes[
                        try await fixture.check(damaged, in: directory, case: "byte \(index) -> \(value)"), default: 0] +=
                        1
                }
            }
            #expect(outcomes[.cut] == nil)
            #expect((outcomes[.refused] ?? 0) > fixture.original.count * (replacements.count - 2), "\(outcomes)")
        }
    }
}
