/// A 256-bit summary of a set of reserved names by (length, first byte, last byte): a name whose
/// bit is clear is certainly not in the set, so the usual username skips the hashed `Set` look-up.
///
/// Built from the UTF-8 bytes with wrapping arithmetic and a mask, so no input can trap. A set
/// holding any non-ASCII name sets every bit (the filter then answers "maybe" for everything),
/// because `String` equality is by canonical equivalence and bytes alone could then miss a match.
struct ReservedNameFilter: Sendable, Hashable {
    private var word0: UInt64 = 0
    private var word1: UInt64 = 0
    private var word2: UInt64 = 0
    private var word3: UInt64 = 0

    init(_ names: Set<String>) {
        for name in names {
            let bytes = name.utf8
            if bytes.contains(where: { $0 >= 0x80 }) {
                word0 = .max
                word1 = .max
                word2 = .max
                word3 = .max
                return
            }
            insert(Self.slot(count: bytes.count, first: bytes.first ?? 0, last: bytes.last ?? 0))
        }
    }

    /// Whether a name with these bytes may be in the set; `false` is certain.
    func mayContain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let slot = Self.slot(count: bytes.count, first: bytes.first ?? 0, last: bytes.last ?? 0)
        let bit: UInt64 = 1 << UInt64(slot & 63)
        switch slot >> 6 {
        case 0: return word0 & bit != 0
        case 1: return word1 & bit != 0
        case 2: return word2 & bit != 0
        default: return word3 & bit != 0
        }
    }

    private mutating func insert(_ slot: Int) {
        let bit: UInt64 = 1 << UInt64(slot & 63)
        switch slot >> 6 {
        case 0: word0 |= bit
        case 1: word1 |= bit
        case 2: word2 |= bit
        default: word3 |= bit
        }
    }

    /// A slot in `0..<256`.
    private static func slot(count: Int, first: UInt8, last: UInt8) -> Int {
        (count &* 37 &+ Int(first) &* 5 &+ Int(last) &* 3) & 255
    }
}
