/// What an uploaded image is, as read from its bytes: format, pixel size and byte count.
public struct ImageInfo: Sendable, Hashable {
    /// The real format, from the magic bytes.
    public var format: ImageFormat
    /// The width in pixels, from the header.
    public var width: Int
    /// The height in pixels, from the header.
    public var height: Int
    /// The size of the upload in bytes.
    public var byteCount: Int

    /// Creates an image description.
    public init(format: ImageFormat, width: Int, height: Int, byteCount: Int) {
        self.format = format
        self.width = width
        self.height = height
        self.byteCount = byteCount
    }
}
