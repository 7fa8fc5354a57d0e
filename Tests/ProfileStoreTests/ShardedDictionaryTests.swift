import Testing

@testable import ProfileStore

@Suite("ShardedDictionary behaves as a Dictionary and a copy shares what a write does not touch")
struct ShardedDictionaryTests {
    /// Applies the same seeded operations (set, remove, in-place update through the default
    /// subscript, copy then diverge) to a `ShardedDictionary` and a `Dictionary` and requires the
    /// same answers after each: 8,000 operations over keys that collide in shards and in buckets.
    @Test("on 8,000 generated operations it answers as Dictionary does, copies included")
    func agreesWithDictionary() {
        let seed = UInt64.random(in: 0...UInt64.max)
        var generator = SeededGenerator(state: seed)
        var sharded = ShardedDictionary<String, Set<Int>>()
        var reference: [String: Set<Int>] = [:]
        var copies: [(ShardedDictionary<String, Set<Int>>, [String: Set<Int>])] = []
        for step in 0..<8_000 {
            let key = "k\(Int.random(in: 0..<2_000, using: &generator))"
            let value = Int.random(in: 0..<8, using: &generator)
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<4:
                sharded[key] = [value]
                reference[key] = [value]
            case 4..<6:
                #expect(sharded.removeValue(forKey: key) == reference.removeValue(forKey: key), "seed \(seed)")
            case 6..<9:
                sharded[key, default: []].insert(value)
                reference[key, default: []].insert(value)
            default:
                if step % 7 == 0 { copies.append((sharded, reference)) }
                if step % 11 == 0 { sharded.reserveCapacity(Int.random(in: 0..<5_000, using: &generator)) }
            }
            #expect(sharded[key] == reference[key], "seed \(seed), step \(step)")
            #expect(sharded.count == reference.count, "seed \(seed), step \(step)")
        }
        #expect(Set(sharded.keys) == Set(reference.keys), "seed \(seed)")
        #expect(sharded.keys.count == sharded.count, "seed \(seed)")
        #expect(sharded.values.count == reference.values.count, "seed \(seed)")
        for (copy, expected) in copies {
            #expect(copy.count == expected.count, "seed \(seed): a copy changed after the original did")
            #expect(copy.keys.allSatisfy { copy[$0] == expected[$0] }, "seed \(seed)")
        }
    }

    @Test("equal contents are equal whatever the order of writes and the capacity")
    func equalityIgnoresHistory() {
        var forward = ShardedDictionary<Int, Int>()
        var backward = ShardedDictionary<Int, Int>()
        backward.reserveCapacity(100_000)
        for key in 0..<5_000 { forward[key] = key * 2 }
        for key in (0..<5_000).reversed() { backward[key] = key * 2 }
        #expect(forward == backward)
        backward[4_999] = nil
        #expect(forward != backward)
        #expect(backward.count == 4_999)
        #expect(ShardedDictionary<Int, Int>().isEmpty)
        #expect(ShardedDictionary<Int, Int>()[1, default: 7] == 7)
    }

    /// `insertNew(count:key:value:)` (the snapshot scan's bulk insertion, shard by shard) against
    /// one `updateValue` at a time: the same contents, and `false` exactly when a key was there
    /// already or repeats, on 150 generated batches (some keys absent, some into a non-empty
    /// dictionary, heap-allocated keys and values so that a lost or doubled reference shows).
    @Test("bulk insertion gives what inserting one at a time gives, and reports every clash")
    func bulkInsertionAgreesWithUpdateValue() {
        let seed: UInt64 = 0xB0_1C_1A5E
        var generator = SeededGenerator(state: seed)
        for round in 0..<150 {
            var bulk = ShardedDictionary<String, [Int]>()
            var reference = ShardedDictionary<String, [Int]>()
            for _ in 0..<Int.random(in: 0..<40, using: &generator) {
                let key = "an existing key long enough for the heap \(Int.random(in: 0..<5_000, using: &generator))"
                bulk[key] = [0]
                reference[key] = [0]
            }
            let count = Int.random(in: 0..<2_000, using: &generator)
            let keys: [String?] = (0..<count).map { _ in
                Int.random(in: 0..<10, using: &generator) == 0
                    ? nil
                    : "an existing key long enough for the heap \(Int.random(in: 0..<(round % 2 == 0 ? 5_000 : 1_000_000), using: &generator))"
            }
            var fresh = true
            for (position, key) in keys.enumerated() {
                guard let key else { continue }
                if reference.updateValue([position, position], forKey: key) != nil { fresh = false }
            }
            let inserted = bulk.insertNew(count: count, key: { keys[$0] }, value: { [$0, $0] })
            #expect(inserted == fresh, "seed \(seed), round \(round)")
            #expect(bulk == reference, "seed \(seed), round \(round)")
            #expect(bulk.count == reference.count, "seed \(seed), round \(round)")
        }
    }
}
