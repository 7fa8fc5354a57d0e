import Testing

@testable import ProfileStore

@Suite("SHA256")
struct SHA256Tests {
    /// FIPS 180-4 / NIST CSRC example vectors.
    static let vectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ]

    @Test("the digest of each FIPS 180-4 example message matches the standard", arguments: vectors)
    func standardVectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(of: message.utf8) == digest)
    }

    @Test("the digest of one million 'a' matches the standard")
    func oneMillionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(
            SHA256.hexDigest(of: message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        )
    }

    @Test("feeding bytes in pieces gives the digest of feeding them at once, across every padding boundary")
    func incrementalEqualsOneShot() {
        for length in 0...130 {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let whole = SHA256.digest(of: message)
            for split in [0, 1, length / 2, max(0, length - 1), length] where split <= length {
                var hash = SHA256()
                hash.update(with: message[..<split])
                hash.update(with: message[split...])
                #expect(hash.finalize() == whole, "length \(length) split at \(split)")
            }
        }
    }

    @Test("a digest is 32 bytes and its hex form 64 lowercase digits")
    func digestShape() {
        let digest = SHA256.digest(of: "profile".utf8)
        #expect(digest.count == 32)
        let hex = SHA256.hex(digest)
        #expect(hex.utf8.count == 64)
        #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
    }
}
