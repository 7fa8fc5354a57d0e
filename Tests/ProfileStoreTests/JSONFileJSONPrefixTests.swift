import Foundation
import Testing

@testable import ProfileStore

/// A random JSON value, as compact text: objects, arrays, strings with escapes, numbers and
/// literals, nested up to `depth`.
private func randomJSON(depth: Int, using generator: inout SeededGenerator) -> String {
    let kind = depth == 0 ? Int.random(in: 2..<7, using: &generator) : Int.random(in: 0..<7, using: &generator)
    switch kind {
    case 0:
        let members = (0..<Int.random(in: 0...3, using: &generator)).map { index in
            "\"k\(index)\":" + randomJSON(depth: depth - 1, using: &generator)
        }
        return "{" + members.joined(separator: ",") + "}"
    case 1:
        let elements = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
            randomJSON(depth: depth - 1, using: &generator)
        }
        return "[" + elements.joined(separator: ",") + "]"
    case 2:
        let pieces = ["a", "é", "\\n", "\\\"", "\\\\", "\\u00e9", "\\/", "x y", "\\t"]
        return "\""
            + (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined() + "\""
    case 3:
        return ["0", "-1", "12", "3.25", "-0.5e3", "1E+2", "7e-1", "10"].randomElement(using: &generator) ?? "0"
    case 4: return "true"
    case 5: return "false"
    default: return "null"
    }
}

@Suite("JSONFileJSONPrefix agrees with JSONSerialization on generated documents")
struct JSONFileJSONPrefixTests {
    /// Whether Foundation's parser accepts `bytes` as one JSON document.
    private func referenceAccepts(_ bytes: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
    }

    @Test("valid documents are complete, and every proper prefix of an object or array is incomplete")
    func validDocumentsAndPrefixes() {
        let seed: UInt64 = 0x1F50_0001
        var generator = SeededGenerator(state: seed)
        for round in 0..<1_500 {
            let text = "{\"m\":" + randomJSON(depth: 4, using: &generator) + "}"
            let bytes = Array(text.utf8)
            #expect(referenceAccepts(bytes), "seed \(seed) round \(round): the generator made \(text)")
            guard JSONFileJSONPrefix.scan(bytes[...], from: 0) == .complete(end: bytes.count) else {
                Issue.record("seed \(seed) round \(round): \(text) is not complete")
                continue
            }
            for end in 0..<bytes.count where JSONFileJSONPrefix.scan(bytes[..<end], from: 0) != .incomplete {
                Issue.record(
                    "seed \(seed) round \(round): the prefix \(String(decoding: bytes[..<end], as: UTF8.self))")
            }
        }
    }

    @Test("damaged documents are complete exactly when Foundation's parser accepts them")
    func damagedDocuments() {
        let seed: UInt64 = 0x1F50_0002
        var generator = SeededGenerator(state: seed)
        // Printable ASCII without the space: the scan refuses whitespace outside strings and does
        // not check UTF-8, where it means to differ from a general parser.
        let alphabet = Array("{}[]\",:0123456789-+.eEtrufalsn\\/abxu".utf8)
        var accepted = 0
        for round in 0..<6_000 {
            var bytes = Array(("{\"m\":" + randomJSON(depth: 3, using: &generator) + "}").utf8)
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = alphabet.randomElement(using: &generator) ?? 0
                case 1: bytes.remove(at: index)
                default: bytes.insert(alphabet.randomElement(using: &generator) ?? 0, at: index)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            // The scan does not check UTF-8 (the checksum covers it), and Foundation accepts a
            // trailing comma, which RFC 8259 and the encoder do not: those cases say nothing.
            let trailingComma = zip(bytes, bytes.dropFirst()).contains {
                $0 == UInt8(ascii: ",") && ($1 == UInt8(ascii: "}") || $1 == UInt8(ascii: "]"))
            }
            guard String(validating: bytes, as: UTF8.self) != nil, !trailingComma else { continue }
            let reference = referenceAccepts(bytes)
            let scanned = JSONFileJSONPrefix.scan(bytes[...], from: 0)
            let complete = scanned == .complete(end: bytes.count)
            // A top-level number has no end of its own, so the scan waits for one: incomplete.
            let bareNumber = bytes.first.map { $0 == UInt8(ascii: "-") || (48...57).contains($0) } ?? false
            if reference != complete, !(reference && bareNumber && scanned == .incomplete) {
                Issue.record(
                    "seed \(seed) round \(round): \(String(decoding: bytes, as: UTF8.self)) reference \(reference), scan \(scanned)"
                )
            }
            if reference { accepted += 1 }
        }
        #expect(accepted > 300, "seed \(seed): only \(accepted) damaged documents stayed valid")
    }
}
