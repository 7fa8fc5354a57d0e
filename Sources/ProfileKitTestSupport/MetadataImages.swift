/// Small image files (JPEG, PNG, WebP, GIF) that carry the metadata an upload must lose (a GPS
/// block, a camera name, XMP, IPTC, comments, text chunks, a timestamp, bytes after the end) next
/// to what it must keep (the orientation and an ICC profile), built byte by byte so that no binary
/// fixture is needed. Every secret is an ASCII string that starts with ``secret``; every kept
/// profile holds ``keptProfile``. The pixel data is structurally complete, not meant to decode.
public enum MetadataImages {
    /// The prefix of every string a stripped file must not contain.
    public static let secret = "SECRET-"
    /// The bytes every colour profile of these files holds.
    public static let keptProfile = "KEPT-ICC-PROFILE"

    /// Which metadata a generated file carries, and its orientation (1 to 8).
    public struct Contents: Sendable, Hashable {
        /// The EXIF orientation; 1 is upright.
        public var orientation: Int
        /// An EXIF block with a camera name and a GPS IFD (with the orientation).
        public var exif: Bool
        /// An ICC profile.
        public var profile: Bool
        /// XMP, comments, text chunks, IPTC and timestamps, each where the format puts them.
        public var text: Bool
        /// Bytes after the image's end.
        public var trailer: Bool
        /// Bytes of extra metadata payload, to vary segment and chunk sizes.
        public var padding: Int

        /// Everything: orientation 6 (turned a quarter clockwise), GPS, a profile, text, a trailer.
        public static let everything = Contents(
            orientation: 6, exif: true, profile: true, text: true, trailer: true, padding: 0)

        /// A file's contents.
        public init(orientation: Int, exif: Bool, profile: Bool, text: Bool, trailer: Bool, padding: Int) {
            self.orientation = orientation
            self.exif = exif
            self.profile = profile
            self.text = text
            self.trailer = trailer
            self.padding = padding
        }

        /// Random contents from `generator`.
        public static func random(using generator: inout some RandomNumberGenerator) -> Contents {
            Contents(
                orientation: Int.random(in: 1...8, using: &generator), exif: Bool.random(using: &generator),
                profile: Bool.random(using: &generator), text: Bool.random(using: &generator),
                trailer: Bool.random(using: &generator), padding: Int.random(in: 0...300, using: &generator))
        }
    }

    /// The EXIF block of these files as a little-endian TIFF: IFD0 with a camera name, the
    /// orientation and a GPS IFD pointer (0x8825); the GPS IFD with a latitude reference and a
    /// processing method that holds a secret.
    public static func exifTIFF(orientation: Int) -> [UInt8] {
        let camera = Array("\(secret)CAMERA".utf8) + [0]
        let gpsText = Array("\(secret)GPS-51.5N".utf8)
        let gpsDirectory = 8 + 2 + 3 * 12 + 4 + camera.count
        let gpsData = gpsDirectory + 2 + 2 * 12 + 4
        var tiff: [UInt8] = Array("II".utf8) + le16(42) + le32(8) + le16(3)
        tiff += le16(0x010F) + le16(2) + le32(camera.count) + le32(gpsDirectory - camera.count)
        tiff += le16(0x0112) + le16(3) + le32(1) + le16(orientation) + le16(0)
        tiff += le16(0x8825) + le16(4) + le32(1) + le32(gpsDirectory) + le32(0) + camera
        tiff += le16(2) + le16(0x0001) + le16(2) + le32(2) + Array("N".utf8) + [0, 0, 0]
        tiff += le16(0x001B) + le16(7) + le32(gpsText.count) + le32(gpsData) + le32(0) + gpsText
        return tiff
    }

    /// The minimal EXIF (big-endian TIFF) a stripped file holds for `orientation`: IFD0 with the
    /// orientation alone. An independent statement of the expected bytes, for the tests.
    public static func orientationOnlyTIFF(_ orientation: Int) -> [UInt8] {
        Array("MM".utf8) + [
            0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, UInt8(orientation), 0, 0, 0, 0, 0, 0,
        ]
    }

    static func filler(_ name: String, _ count: Int) -> [UInt8] {
        Array("\(secret)\(name)".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: count)
    }

    static func profileBytes(_ count: Int) -> [UInt8] {
        Array(keptProfile.utf8) + [UInt8](repeating: 0x5A, count: count)
    }

    static func be16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func be32(_ v: Int) -> [UInt8] { be16(v >> 16) + be16(v) }
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    static func le24(_ v: Int) -> [UInt8] { le16(v) + [UInt8(v >> 16 & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { le16(v) + le16(v >> 16) }
}
