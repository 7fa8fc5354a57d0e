import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The name of a stored media file: `sha256-<content digest>-<owner tag>.<extension>`.
///
/// The content digest is the lowercase hex SHA-256 of the bytes, so identical uploads by one owner
/// share one file. The owner tag (32 hex digits, from a SHA-256 of the user id) puts each owner's
/// files in a namespace of their own: two owners uploading identical bytes get two keys, and
/// deleting one owner's media never touches the other's. The grammar is strict (only
/// `[a-z0-9.-]`, one `.`, fixed lengths), so a valid key is always a plain file name: no `/`, no
/// `..`, no NUL, no upper case to collide on case-insensitive file systems.
public struct MediaKey: Sendable, Hashable, CustomStringConvertible {
    /// The key as stored and referenced, e.g. `sha256-ba78...15ad-0f1e...9a8b.png`.
    public let rawValue: String
    /// The 64 lowercase hex digits of the content's SHA-256.
    public let contentDigest: String
    /// The 32 lowercase hex digits that name the owner.
    public let ownerTag: String
    /// The file extension, 1 to 16 characters of `[a-z0-9]`.
    public let fileExtension: String

    private static let prefix = "sha256-"
    private static let digestLength = 64
    private static let ownerTagLength = 32
    private static let extensionLengths = 1...16

    /// Parses a key, or `nil` unless it is exactly `sha256-<64 hex>-<32 hex>.<1-16 of [a-z0-9]>`
    /// in lowercase.
    public init?(_ rawValue: String) {
        let bytes = Array(rawValue.utf8)
        let fixedLength = Self.prefix.utf8.count + Self.digestLength + 1 + Self.ownerTagLength + 1
        guard bytes.count > fixedLength, bytes.count <= fixedLength + Self.extensionLengths.upperBound,
            bytes.starts(with: Self.prefix.utf8)
        else { return nil }
        var index = Self.prefix.utf8.count
        let digest = bytes[index..<index + Self.digestLength]
        index += Self.digestLength
        guard digest.allSatisfy(Self.isHexDigit), bytes[index] == UInt8(ascii: "-") else { return nil }
        index += 1
        let owner = bytes[index..<index + Self.ownerTagLength]
        index += Self.ownerTagLength
        guard owner.allSatisfy(Self.isHexDigit), bytes[index] == UInt8(ascii: ".") else { return nil }
        index += 1
        let fileExtension = bytes[index...]
        guard fileExtension.allSatisfy(Self.isExtensionCharacter) else { return nil }
        self.rawValue = rawValue
        self.contentDigest = String(decoding: digest, as: UTF8.self)
        self.ownerTag = String(decoding: owner, as: UTF8.self)
        self.fileExtension = String(decoding: fileExtension, as: UTF8.self)
    }

    /// The key of `content` uploaded by `owner` with `fileExtension`.
    ///
    /// One leading `.` of the extension is dropped and ASCII letters are lowercased (`.PNG` is
    /// `png`); anything else outside `[a-z0-9]`, or a length outside 1 to 16, is
    /// ``MediaStoreError/invalidFileExtension(_:)``.
    public init(content: some Sequence<UInt8>, fileExtension: String, owner: UserID) throws(MediaStoreError) {
        let normalized = try Self.normalizedExtension(fileExtension)
        self.contentDigest = SHA256.hexDigest(of: content)
        self.ownerTag = Self.ownerTag(for: owner)
        self.fileExtension = normalized
        self.rawValue = "\(Self.prefix)\(contentDigest)-\(ownerTag).\(normalized)"
    }

    /// The tag that namespaces `owner`'s keys: the first 128 bits of a SHA-256 of its id, in hex.
    ///
    /// The id is hashed rather than embedded so that any well-formed ``ProfileDomain/UserID`` (which may hold
    /// `/` or `.`) yields a safe file name, and a key does not reveal who owns it.
    public static func ownerTag(for owner: UserID) -> String {
        String(SHA256.hexDigest(of: "profilekit-media-owner:\(owner.rawValue)".utf8).prefix(ownerTagLength))
    }

    /// Parses a key a caller passed in, or fails with ``MediaStoreError/invalidKey(_:)``.
    static func parsing(_ rawValue: String) throws(MediaStoreError) -> MediaKey {
        guard let key = MediaKey(rawValue) else { throw .invalidKey(rawValue) }
        return key
    }

    /// The reference a put of `byteCount` bytes under this key returns.
    func reference(contentType: String, byteCount: Int, purpose: String, createdAt: Date) -> MediaReference {
        MediaReference(
            key: rawValue, contentType: contentType, byteCount: byteCount, purpose: purpose, createdAt: createdAt)
    }

    /// Whether the key belongs to `owner`.
    public func isOwned(by owner: UserID) -> Bool { ownerTag == Self.ownerTag(for: owner) }

    /// The raw key.
    public var description: String { rawValue }

    private static func normalizedExtension(_ fileExtension: String) throws(MediaStoreError) -> String {
        let trimmed =
            fileExtension.utf8.first == UInt8(ascii: ".") ? fileExtension.utf8.dropFirst() : fileExtension.utf8[...]
        let lowered = trimmed.map { byte in
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
        }
        guard extensionLengths.contains(lowered.count), lowered.allSatisfy(isExtensionCharacter) else {
            throw .invalidFileExtension(fileExtension)
        }
        return String(decoding: lowered, as: UTF8.self)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    private static func isExtensionCharacter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }
}
