import ProfileDomain

extension ValidationPolicy {
    /// Whether `raw` is a link to `platform` that ``checkSocialLink(_:platform:path:errors:)`` would
    /// accept and return unchanged: already trimmed, within the length limit, `https`, lowercase
    /// scheme and host, one of the platform's hosts, a path beyond `/`. One pass over the bytes;
    /// `false` means "ask the full check", not "invalid".
    func isCanonicalSocialLink(_ raw: String, platform: SocialPlatform) -> Bool {
        let maximumLength = socialLinks.maximumLength
        return raw.utf8.withContiguousStorageIfAvailable { bytes in
            // The platform's hosts are matched in place of the general host scan: they are
            // canonical hosts, so a URL on one of them passes that scan anyway.
            guard bytes.count <= maximumLength, SafeURL.hasCanonicalScheme(bytes),
                let hostEnd = platform.canonicalHostEnd(bytes),
                let layout = SafeURL.scanCanonicalPath(bytes, from: hostEnd)
            else { return false }
            return layout.pathLength > 1
        } ?? false
    }

    /// Whether `raw` is an image URL that ``checkImageURL(_:path:errors:)`` would accept and return
    /// unchanged (trimmed, within the length limit, canonical, with an allowed extension). One pass
    /// over the bytes; `false` means "ask the full check", not "invalid".
    func isCanonicalImageURL(_ raw: String) -> Bool {
        let maximumLength = imageURLMaximumLength
        let extensions = imageURLExtensions
        return raw.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count <= maximumLength, let layout = SafeURL.scanCanonical(bytes) else { return false }
            return SafeURL.extensionMatches(bytes, layout, extensions)
        } ?? false
    }

    /// A social link for `platform`, normalised: a full URL on one of the platform's hosts
    /// (`http` upgraded to `https` when the policy allows `http`), or a bare handle turned into the
    /// canonical URL when the policy accepts handles. `nil` with the reason in `errors` otherwise.
    func checkSocialLink(
        _ raw: String,
        platform: SocialPlatform,
        path makePath: @autoclosure () -> String,
        errors: inout [FieldError]
    ) -> String? {
        let link = Whitespace.trimmed(raw)
        var path: String { makePath() }
        guard !link.isEmpty else {
            errors.append(
                FieldError(
                    field: path, code: .invalidURL,
                    message: "\(path) is empty; send a link, or null to remove it"))
            return nil
        }
        if link.utf8.count > socialLinks.maximumLength {
            errors.append(
                Messages.tooLong(path, count: link.utf8.count, limit: socialLinks.maximumLength, unit: "characters"))
            return nil
        }
        let looksLikeURL = link.utf8.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") }
        if !looksLikeURL {
            guard socialLinks.acceptsBareHandles else {
                errors.append(
                    FieldError(
                        field: path, code: .invalidURL,
                        message: "\(path) must be a full https:// link to your \(platform.rawValue) profile"))
                return nil
            }
            guard let url = platform.canonicalURL(forHandle: link) else {
                let rule = platform.handleRule
                errors.append(
                    FieldError(
                        field: path, code: .invalidCharacters,
                        message: "\(path) is not a \(platform.rawValue) handle: a handle is \(rule.length.lowerBound) "
                            + "to \(rule.length.upperBound) of A-Z, a-z, 0-9 and \(rule.extraCharacters)"))
                return nil
            }
            return url
        }
        switch SafeURL.parse(link, allowsHTTP: socialLinks.allowsHTTP, hosts: platform.hosts) {
        case .failure(let failure):
            let field = path  // built once for the field and its message
            errors.append(FieldError(field: field, code: failure.code, message: Messages.joined(field, failure.reason)))
            return nil
        case .success(let url):
            guard url.hostMatches else {
                errors.append(
                    FieldError(
                        field: path, code: .forbiddenHost,
                        message:
                            "\(path) must point at \(Messages.list(platform.hosts)); \(url.unmatchedHost) is not one of "
                            + "them"))
                return nil
            }
            guard url.pathLength > 1 else {
                errors.append(
                    FieldError(
                        field: path, code: .invalidURL,
                        message: "\(path) must link to a \(platform.rawValue) profile, not to the home page"))
                return nil
            }
            if url.isHTTP { return "https" + url.normalized.dropFirst(4) }
            return url.normalized
        }
    }

    /// An image URL (avatar, profile picture), normalised: `https`, a public host, a path ending
    /// in one of ``imageURLExtensions`` (case-insensitive, query and fragment ignored), at most
    /// ``imageURLMaximumLength`` characters. `nil` with the reason in `errors` otherwise.
    func checkImageURL(_ link: String, path makePath: @autoclosure () -> String, errors: inout [FieldError]) -> String?
    {
        var path: String { makePath() }
        guard !link.isEmpty else {
            errors.append(FieldError(field: path, code: .invalidURL, message: "\(path) is empty; send an https:// URL"))
            return nil
        }
        if link.utf8.count > imageURLMaximumLength {
            errors.append(
                Messages.tooLong(path, count: link.utf8.count, limit: imageURLMaximumLength, unit: "characters"))
            return nil
        }
        switch SafeURL.parse(link, allowsHTTP: false, extensions: imageURLExtensions) {
        case .failure(let failure):
            errors.append(FieldError(field: path, code: failure.code, message: "\(path) \(failure.reason)"))
            return nil
        case .success(let url):
            guard url.extensionMatches else {
                errors.append(
                    FieldError(
                        field: path, code: .unsupportedType,
                        message: "\(path) must end in "
                            + Messages.list(imageURLExtensions.map { "." + $0 }) + " (the path, not the query)"))
                return nil
            }
            return url.normalized
        }
    }
}
