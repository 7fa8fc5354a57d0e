import ProfileDomain

extension CreatorWire {
    /// The body of `POST /api/v1/profiles/upload-media`: `{success, url, contentType, size}`.
    ///
    /// `url` is where the media store serves the bytes (the value a client then sends as
    /// `avatar`); `size` is in bytes.
    public struct UploadMediaResponse: Sendable, Hashable, Codable {
        /// Always `true`.
        public let success: Bool
        /// The public URL of the upload.
        public let url: String
        /// The detected media type, e.g. `image/png`.
        public let contentType: String
        /// The size in bytes.
        public let size: Int

        /// Creates a body.
        init(url: String, contentType: String, size: Int) {
            self.success = true
            self.url = url
            self.contentType = contentType
            self.size = size
        }

        /// The body for a stored upload served at `url`.
        public init(url: String, media: MediaReference) {
            self.init(url: url, contentType: media.contentType, size: media.byteCount)
        }
    }
}
