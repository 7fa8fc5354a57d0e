/// Removes what an uploaded image says about its owner (location, camera, dates, names, comments,
/// editing history) and keeps what displays it: the pixels' encoded bytes unchanged, the
/// orientation (rewritten as a minimal EXIF block holding only it) and the colour profile.
///
/// One reader per format walks the structure the way ``ImageHeader`` does (bounded by the bytes
/// and by ``ImageHeader/maximumParts``, every length checked before it is used, nothing allocated
/// for a length a file claims) and copies what it keeps:
///
/// | format | kept | dropped |
/// |---|---|---|
/// | JPEG | frame, tables, scans, restart markers; JFIF (APP0) without its thumbnail; ICC (APP2 `ICC_PROFILE`); Adobe (APP14, it decides the colour transform); the orientation | EXIF (incl. GPS, thumbnails), XMP, IPTC/APP13, MPF, every other APPn, comments, bytes after EOI |
/// | PNG | critical chunks, `tRNS`, colour (`iCCP`, `sRGB`, `gAMA`, `cHRM`, `cICP`, `mDCV`, `cLLI`, `sBIT`), `bKGD`, `hIST`, `pHYs`, `sPLT`, APNG (`acTL`, `fcTL`, `fdAT`); the orientation | `tEXt`, `zTXt`, `iTXt` (XMP), `tIME`, `eXIf`, every other ancillary chunk, bytes after IEND |
/// | WebP | `VP8X` (flags fixed), `ICCP`, `ANIM`, `ANMF`, `ALPH`, `VP8 `, `VP8L`; the orientation | `EXIF`, `XMP `, every other chunk; the RIFF size is rewritten |
/// | GIF | header, colour tables, frames, graphic control and plain text extensions, the `NETSCAPE2.0`/`ANIMEXTS1.0` loop and `ICCRGBG1012` profile extensions | comment extensions, every other application extension (XMP), bytes after the trailer |
/// | BMP | everything (a bitmap has no metadata fields) | nothing |
enum ImageMetadataStripper {
    /// `bytes`, already read as `format` by ``ImageHeader/read(_:)`` (the upload path validates
    /// first), without their metadata. Safe on any bytes: a structure that does not hold up is a
    /// ``ImageHeader/Failure`` like the validator's, never an out-of-bounds read.
    static func strip(_ bytes: [UInt8], as format: ImageFormat) -> Result<[UInt8], ImageHeader.Failure> {
        switch format {
        case .jpeg: JPEGMetadataStripper.strip(bytes)
        case .png: PNGMetadataStripper.strip(bytes)
        case .webp: WebPMetadataStripper.strip(bytes)
        case .gif: GIFMetadataStripper.strip(bytes)
        case .bmp: .success(bytes)
        }
    }
}
