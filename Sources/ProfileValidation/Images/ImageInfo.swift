/// What an uploaded image is, as read from its bytes: format, pixel size and byte count.
public struct ImageInfo: Sendable, Hashable {
    /// The real format, from the magic bytes.
    public let format: ImageFormat
    /// The width in pixels, from the header.
    public let width: Int
    /// The height in pixels, from the header.
    public let height: Int
    /// The size of the upload in bytes.
    public let byteCount: Int

    /// Creates an image description.
    package init(format: ImageFormat, width: Int, height: Int, byteCount: Int) {
        self.format = format
        self.width = width
        self.height = height
        self.byteCount = byteCount
    }
}
