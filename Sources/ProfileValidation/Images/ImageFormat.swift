/// An image format the library recognises by its magic bytes.
public enum ImageFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// JPEG (`FF D8 FF`).
    case jpeg
    /// PNG (`89 50 4E 47 0D 0A 1A 0A`).
    case png
    /// GIF87a or GIF89a.
    case gif
    /// WebP in a RIFF container (`VP8 `, `VP8L` or `VP8X`).
    case webp
    /// Windows bitmap (`BM`).
    case bmp

    /// The media type, e.g. `image/png`.
    public var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .bmp: "image/bmp"
        }
    }

    /// The file extension a stored file gets, without the dot, e.g. `jpg`.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .gif: "gif"
        case .webp: "webp"
        case .bmp: "bmp"
        }
    }
}
