/// What an uploaded image must be: its real type (by magic bytes), its size and its pixel
/// dimensions as read from the header.
public struct ImageUploadRule: Sendable, Hashable {
    /// The formats accepted.
    public var formats: Set<ImageFormat>
    /// The most bytes an upload may have.
    public var maximumBytes: Int
    /// The longest side, in pixels.
    public var maximumDimension: Int
    /// The most pixels (width x height): the decompression-bomb cap.
    public var maximumPixels: Int

    /// Creates a rule: 5 MiB, 8,192 pixels a side and 40 megapixels unless told otherwise.
    public init(
        formats: Set<ImageFormat> = [.jpeg, .png, .gif, .webp],
        maximumBytes: Int = 5 * 1024 * 1024,
        maximumDimension: Int = 8192,
        maximumPixels: Int = 40_000_000
    ) {
        self.formats = formats
        self.maximumBytes = maximumBytes
        self.maximumDimension = maximumDimension
        self.maximumPixels = maximumPixels
    }
}
