/// A dictionary split into a fixed number of independent shards, so that a copy-on-write copy
/// costs one shard, not the whole table.
///
/// A background snapshot takes an O(1) copy of ``StoreState``; the first write afterwards used to
/// copy each index whole (about 0.2 s at 100,000 users, while every writer waited on the
/// store's lock). Here the copy of the outer array is ``shardCount`` references, and a write
/// copies only the shard it touches (1/256 of the entries), so the pause is a few microseconds
/// at 100,000 users and grows with the shard size, not the store.
///
/// A key's shard comes from the high bits of its hash (the shard's own `Dictionary` starts
/// from the low bits), so keys spread over all shards. Reads, writes and `count` behave as
/// `Dictionary`'s; iteration order is unspecified (every caller that needs an order sorts).
struct ShardedDictionary<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// Enough shards that one holds about 400 entries at 100,000 users; few enough that an empty
    /// state's outer arrays stay small (empty shards share Swift's empty-dictionary singleton).
    static var shardCount: Int { 256 }

    private var shards: [[Key: Value]]
    /// Maintained on every change, so that `count` stays O(1).
    private(set) var count = 0

    /// An empty dictionary.
    init() {
        shards = Array(repeating: [:], count: Self.shardCount)
    }

    /// The shard that holds `key`.
    private static func shard(of key: Key) -> Int {
        Int(truncatingIfNeeded: UInt(bitPattern: key.hashValue) >> (UInt.bitWidth - 8))
    }

    /// Whether it holds no entry.
    var isEmpty: Bool { count == 0 }

    /// The value for `key`, or `nil`; setting `nil` removes the entry.
    subscript(key: Key) -> Value? {
        get { shards[Self.shard(of: key)][key] }
        set {
            let shard = Self.shard(of: key)
            let before = shards[shard].count
            shards[shard][key] = newValue
            count += shards[shard].count - before
        }
    }

    /// The value for `key`, or `defaultValue()` when there is none; mutated in place (an edge
    /// set of a user with many followers is not copied to add one).
    subscript(key: Key, default defaultValue: @autoclosure () -> Value) -> Value {
        get { shards[Self.shard(of: key)][key] ?? defaultValue() }
        _modify {
            let shard = Self.shard(of: key)
            let before = shards[shard].count
            defer { count += shards[shard].count - before }
            yield &shards[shard][key, default: defaultValue()]
        }
    }

    /// Sets the value for `key` and returns the one it replaced, or `nil` when there was none:
    /// an insertion and a look-up for one hash of the key.
    @discardableResult
    mutating func updateValue(_ value: Value, forKey key: Key) -> Value? {
        let previous = shards[Self.shard(of: key)].updateValue(value, forKey: key)
        if previous == nil { count += 1 }
        return previous
    }

    /// Removes the entry for `key` and returns its value, or `nil` when there was none.
    @discardableResult
    mutating func removeValue(forKey key: Key) -> Value? {
        let removed = shards[Self.shard(of: key)].removeValue(forKey: key)
        if removed != nil { count -= 1 }
        return removed
    }

    /// Makes room for `total` entries spread evenly, so that filling a large state (a snapshot
    /// being opened) does not regrow every shard several times.
    mutating func reserveCapacity(_ total: Int) {
        // A small state keeps its shards empty (they share one empty storage) until used.
        guard total >= Self.shardCount * 8 else { return }
        let perShard = total / Self.shardCount + total / Self.shardCount / 8 + 1
        for shard in shards.indices { shards[shard].reserveCapacity(perShard) }
    }

    /// Inserts an entry for each position `0..<count` whose `key` is not `nil`, with `value`'s
    /// value; returns `false` when a key was already there or repeats among them, and the
    /// dictionary then holds part of them (only a caller that drops it on `false` may ask).
    ///
    /// The entries go in shard by shard, each shard grown once: inserted one at a time in
    /// position order, every insertion landed in another of the ``shardCount`` tables and
    /// missed the cache. `key` must give the same answer each time it is asked (twice per
    /// position); `value` is asked once per entry.
    mutating func insertNew(count elementCount: Int, key: (Int) -> Key?, value: (Int) -> Value) -> Bool {
        let absent = UInt16.max
        var shardOf = [UInt16](repeating: absent, count: elementCount)
        var counts = [Int](repeating: 0, count: Self.shardCount)
        for position in 0..<elementCount {
            guard let key = key(position) else { continue }
            let shard = Self.shard(of: key)
            shardOf[position] = UInt16(shard)
            counts[shard] += 1
        }
        // The entries grouped by shard, in position order within each (a counting sort), built
        // in place and moved out once each, so that no entry is copied.
        var next = [Int](repeating: 0, count: Self.shardCount)
        var total = 0
        for shard in 0..<Self.shardCount {
            next[shard] = total
            total += counts[shard]
        }
        let entries = UnsafeMutablePointer<(Key, Value)>.allocate(capacity: max(1, total))
        defer { entries.deallocate() }
        for position in 0..<elementCount where shardOf[position] != absent {
            guard let key = key(position) else { preconditionFailure("insertNew: key(\(position)) changed") }
            let shard = Int(shardOf[position])
            (entries + next[shard]).initialize(to: (key, value(position)))
            next[shard] += 1
        }
        var fresh = true
        var start = 0
        for shard in 0..<Self.shardCount where counts[shard] > 0 {
            // Taken out of the array, so that the table is uniquely referenced while it fills.
            var table = shards[shard]
            shards[shard] = [:]
            let before = table.count
            table.reserveCapacity(before + counts[shard])
            for offset in start..<(start + counts[shard]) {
                let (key, value) = (entries + offset).move()
                if table.updateValue(value, forKey: key) != nil { fresh = false }
            }
            count += table.count - before
            shards[shard] = table
            start += counts[shard]
        }
        return fresh
    }

    /// Every key, in no particular order.
    var keys: [Key] {
        var keys: [Key] = []
        keys.reserveCapacity(count)
        for shard in shards { keys.append(contentsOf: shard.keys) }
        return keys
    }

    /// Every value, in no particular order.
    var values: [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        for shard in shards { values.append(contentsOf: shard.values) }
        return values
    }
}

extension ShardedDictionary: Equatable where Value: Equatable {
    /// Equal when they hold the same entries: a key lives in the same shard in both.
    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.count == rhs.count && lhs.shards == rhs.shards
    }
}
