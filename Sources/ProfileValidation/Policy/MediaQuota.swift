import ProfileDomain

/// How much uploaded media one user may hold at once: a file count and a byte budget over every
/// file the user's record references, attached (the avatar) and pending (uploaded, not yet used).
///
/// The service checks it inside the atomic step that adds a file, after the files the step
/// replaces are dropped, so a replacing upload never counts twice. A record already over the
/// quota (a policy lowered later) is not refused any other change; only a new file is.
public struct MediaQuota: Sendable, Hashable {
    /// The most files one user may hold; 0 refuses every upload.
    public var maximumFiles: Int
    /// The most bytes all of one user's files may add up to.
    public var maximumBytes: Int

    /// Creates a quota: 2 files and 10 MiB unless told otherwise, room for an attached avatar and
    /// one pending replacement at the default 5 MiB image cap.
    public init(maximumFiles: Int = 2, maximumBytes: Int = 10 * 1024 * 1024) {
        self.maximumFiles = maximumFiles
        self.maximumBytes = maximumBytes
    }

    /// Throws unless `media`, a user's files after a step, fits the quota.
    ///
    /// - Throws: 413 `payload_too_large` with a `media` field error of code `too_large` whose
    ///   `limit` is the file count or the byte budget exceeded, and a message naming both the
    ///   total and the limit.
    public func check(_ media: [MediaReference]) throws(ProfileError) {
        if media.count > maximumFiles {
            throw Self.exceeded(
                "this upload would make \(media.count) files; the limit is \(maximumFiles) per user. "
                    + "Remove your avatar or reuse an upload first",
                limit: maximumFiles)
        }
        let bytes = media.reduce(0) { $0 + $1.byteCount }
        if bytes > maximumBytes {
            throw Self.exceeded(
                "this upload would make your files \(bytes) bytes in total; the limit is \(maximumBytes) per user",
                limit: maximumBytes)
        }
    }

    private static func exceeded(_ message: String, limit: Int) -> ProfileError {
        ProfileError(
            code: .payloadTooLarge, message: message,
            fieldErrors: [FieldError(field: "media", code: .tooLarge, message: message, limit: limit)])
    }
}
