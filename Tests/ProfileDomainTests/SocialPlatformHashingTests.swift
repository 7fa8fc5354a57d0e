import Testing

@testable import ProfileDomain

@Suite("SocialPlatform: hashing by case agrees with equality and with its raw value")
struct SocialPlatformHashingTests {
    static let pairs = SocialPlatform.allCases.flatMap { lhs in SocialPlatform.allCases.map { (lhs, $0) } }

    @Test("two platforms are equal exactly when their raw values are, and equal ones hash alike", arguments: pairs)
    func equalityAndHash(lhs: SocialPlatform, rhs: SocialPlatform) {
        #expect((lhs == rhs) == (lhs.rawValue == rhs.rawValue))
        if lhs == rhs {
            #expect(lhs.hashValue == rhs.hashValue)
            var left = Hasher()
            var right = Hasher()
            lhs.hash(into: &left)
            rhs.hash(into: &right)
            #expect(left.finalize() == right.finalize())
        }
    }

    @Test("hashValue, a Hasher and the seeded hash a dictionary probes with agree", arguments: SocialPlatform.allCases)
    func hashingPathsAgree(platform: SocialPlatform) {
        var hasher = Hasher()
        hasher.combine(platform)
        #expect(platform.hashValue == hasher.finalize())
        let seed = 0x5EED
        #expect(platform._rawHashValue(seed: seed) == platform.order._rawHashValue(seed: seed))
        #expect(Set(SocialPlatform.allCases.map(\.hashValue)).count == SocialPlatform.allCases.count)
    }

    @Test("a platform-keyed dictionary holds what a raw-value-keyed one holds, over generated edits")
    func dictionaryAgreesWithRawValueKeys() {
        let seed: UInt64 = 0x5EED_0019
        var generator = SeededGenerator(state: seed)
        for round in 0..<500 {
            var byPlatform: [SocialPlatform: Int] = [:]
            var byRawValue: [String: Int] = [:]
            for step in 0..<Int.random(in: 1...24, using: &generator) {
                let platform = SocialPlatform.allCases.randomElement(using: &generator) ?? .instagram
                if Bool.random(using: &generator) {
                    byPlatform[platform] = step
                    byRawValue[platform.rawValue] = step
                } else {
                    #expect(
                        byPlatform.removeValue(forKey: platform) == byRawValue.removeValue(forKey: platform.rawValue),
                        "seed \(seed), round \(round), step \(step)")
                }
            }
            #expect(byPlatform.count == byRawValue.count, "seed \(seed), round \(round)")
            for platform in SocialPlatform.allCases {
                #expect(byPlatform[platform] == byRawValue[platform.rawValue], "seed \(seed), round \(round)")
            }
            #expect(Set(byPlatform.keys.map(\.rawValue)) == Set(byRawValue.keys), "seed \(seed), round \(round)")
        }
    }
}
