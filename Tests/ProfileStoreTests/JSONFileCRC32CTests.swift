import Testing

@testable import ProfileStore

@Suite("JSONFileCRC32C: the eight-bytes-a-step update equals the byte-at-a-time checksum")
struct JSONFileCRC32CTests {
    @Test("the check value of the CRC-32C catalogue, whole and in pieces")
    func checkValue() {
        let digits = Array("123456789".utf8)
        #expect(JSONFileCRC32C.checksum(digits) == 0xE306_9283)
        for split in 0...digits.count {
            let crc = digits.withUnsafeBufferPointer { bytes in
                let first = JSONFileCRC32C.update(
                    JSONFileCRC32C.initialRunningValue, with: UnsafeBufferPointer(rebasing: bytes[..<split]))
                return JSONFileCRC32C.update(first, with: UnsafeBufferPointer(rebasing: bytes[split...]))
            }
            #expect(crc ^ JSONFileCRC32C.initialRunningValue == 0xE306_9283, "split at \(split)")
        }
    }

    /// 3,000 seeded inputs of 0-300 bytes, each fed in up to four pieces of random lengths (so
    /// every alignment and every tail length of the eight-byte loop occurs), against the table
    /// walk that journal lines use.
    @Test("on 3,000 generated inputs cut at random points it equals the byte-at-a-time checksum")
    func agreesWithByteAtATime() {
        let seed = UInt64.random(in: 0...UInt64.max)
        var generator = SeededGenerator(state: seed)
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            let cuts = (0..<3).map { _ in Int.random(in: 0...bytes.count, using: &generator) }.sorted()
            let bounds = [0] + cuts + [bytes.count]
            let crc = bytes.withUnsafeBufferPointer { buffer in
                zip(bounds, bounds.dropFirst()).reduce(JSONFileCRC32C.initialRunningValue) { crc, piece in
                    JSONFileCRC32C.update(crc, with: UnsafeBufferPointer(rebasing: buffer[piece.0..<piece.1]))
                }
            }
            #expect(crc ^ JSONFileCRC32C.initialRunningValue == JSONFileCRC32C.checksum(bytes), "seed \(seed)")
        }
    }

    /// 3,000 seeded inputs of 0-3,000 bytes cut once at a random point: the checksum of the
    /// whole from the checksums of the two pieces, as the snapshot scan's two threads combine them.
    @Test("on 3,000 generated inputs, combining the checksums of two pieces equals the checksum of the whole")
    func combineAgreesWithTheWhole() {
        let seed = UInt64.random(in: 0...UInt64.max)
        var generator = SeededGenerator(state: seed)
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...3_000, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            let cut = Int.random(in: 0...bytes.count, using: &generator)
            let combined = JSONFileCRC32C.combine(
                JSONFileCRC32C.checksum(bytes[..<cut]), JSONFileCRC32C.checksum(bytes[cut...]),
                secondCount: bytes.count - cut)
            #expect(combined == JSONFileCRC32C.checksum(bytes), "seed \(seed), cut \(cut) of \(bytes.count)")
        }
    }

    @Test("inputs around the three-stream threshold, cut at random points, equal the byte-at-a-time checksum")
    func interleavedStreamsAgree() {
        let seed: UInt64 = 0xC0C0_3333
        var generator = SeededGenerator(state: seed)
        let threshold = JSONFileCRC32C.interleavingThreshold
        for round in 0..<60 {
            let count =
                round < 20
                ? threshold - 10 + round : Int.random(in: threshold...(threshold * 12), using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let cut = Int.random(in: 0...count, using: &generator)
            let running = bytes.withUnsafeBufferPointer { buffer in
                let first = JSONFileCRC32C.update(
                    JSONFileCRC32C.initialRunningValue, with: UnsafeBufferPointer(rebasing: buffer[..<cut]))
                return JSONFileCRC32C.update(first, with: UnsafeBufferPointer(rebasing: buffer[cut...]))
            }
            #expect(
                running ^ JSONFileCRC32C.initialRunningValue == JSONFileCRC32C.checksum(bytes),
                "seed \(seed), \(count) bytes cut at \(cut)")
        }
    }
}
