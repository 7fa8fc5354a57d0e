#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An uploaded file a user owns, as a store records it; the bytes live in a media store.
public struct MediaReference: Sendable, Hashable, Codable {
    /// The content-addressed key of the bytes, e.g. `sha256-<hex>.png`.
    public var key: String
    /// The detected media type, e.g. `image/png`.
    public var contentType: String
    /// The size in bytes.
    public var byteCount: Int
    /// What the file is for, e.g. `avatar`.
    public var purpose: String
    /// When it was uploaded.
    public var createdAt: Date

    /// Creates a reference.
    public init(key: String, contentType: String, byteCount: Int, purpose: String, createdAt: Date) {
        self.key = key
        self.contentType = contentType
        self.byteCount = byteCount
        self.purpose = purpose
        self.createdAt = createdAt
    }
}
