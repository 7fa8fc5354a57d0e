import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ValidationPolicy {
    /// Validates and normalises a profile patch against the stored profile (`nil` on create),
    /// reporting every failure at once, and returns it parsed: the ``ProfileDomain/ValidatedProfilePatch``
    /// that ``ProfileDomain/Profile/applying(_:at:)`` merges without failing.
    ///
    /// - On create, every field in ``requiredOnCreate`` must be present with a value.
    /// - On any request, `null` or an empty value for a required field is `required`.
    /// - A present field outside ``updatableFields`` is `not_updatable_here`.
    /// - Values are trimmed; text is checked per ``TextRule``; usernames per
    ///   ``validateUsername(_:field:)``; links and image URLs by the library's own URL parser; bare
    ///   handles become canonical URLs where ``SocialLinkPolicy/acceptsBareHandles``; niches are
    ///   lowercased. An empty optional value becomes `null` where its rule allows empty.
    /// - Rules over the merged result: required fields must survive the merge; location and social
    ///   links merge key by key before the check. Stored values the patch does not touch are not
    ///   re-checked, so tightening a policy never locks a user out of editing other fields.
    /// - The username-change cooldown is measured against the current time; see
    ///   ``validate(_:against:at:)-(ProfilePatch,_,_)`` to pass a clock's time.
    public func validate(
        _ patch: ProfilePatch, against existing: Profile?
    ) throws(ValidationReport)
        -> ValidatedProfilePatch
    {
        try validateProfile(patch, against: existing, now: nil)
    }

    /// Validates a profile patch as ``validate(_:against:)-(ProfilePatch,_)`` does, measuring the
    /// username-change cooldown against `now`.
    public func validate(
        _ patch: ProfilePatch, against existing: Profile?, at now: Date
    ) throws(ValidationReport)
        -> ValidatedProfilePatch
    {
        try validateProfile(patch, against: existing, now: now)
    }

    private func validateProfile(
        _ patch: ProfilePatch, against existing: Profile?, now: Date?
    ) throws(ValidationReport)
        -> ValidatedProfilePatch
    {
        var errors: [FieldError] = []
        let result = checkProfile(patch, existing: existing, now: now, errors: &errors)
        guard errors.isEmpty else { throw ValidationReport(errors: errors) }
        return result
    }

    /// The checked patch; meaningful only when no error was added to `errors`.
    func checkProfile(
        _ patch: ProfilePatch, existing: Profile?, now: Date?, errors: inout [FieldError]
    )
        -> ValidatedProfilePatch
    {
        // One look at the stored profile, before the closures: each read through the optional (and
        // each pattern on it) copied the whole profile. No links stored is `nil`, not an empty
        // dictionary literal built on every call.
        let isCreate: Bool
        let existingLocation: Location?
        let existingLinks: [SocialPlatform: String]?
        switch existing {
        case .none:
            isCreate = true
            existingLocation = nil
            existingLinks = nil
        case .some(let profile):
            isCreate = false
            existingLocation = profile.location
            existingLinks = profile.socialLinks
        }
        // Each check returns `nil` for "as it came": a valid, already normalised value, the usual
        // request, is kept without being compared or rewritten.
        let username = checkField(.username, patch.username, isCreate: isCreate, errors: &errors) {
            raw, _, errors in
            checkUsernameField(raw, existing: existing, now: now, errors: &errors)
        }
        // Spelled out field by field: key paths and a table would cost more than the checks.
        let displayName = checkTextField(.displayName, rule: displayName, patch.displayName, isCreate, &errors)
        let firstName = checkTextField(.firstName, rule: firstName, patch.firstName, isCreate, &errors)
        let middleName = checkTextField(.middleName, rule: middleName, patch.middleName, isCreate, &errors)
        let lastName = checkTextField(.lastName, rule: lastName, patch.lastName, isCreate, &errors)
        let bio = checkTextField(.bio, rule: bio, patch.bio, isCreate, &errors)
        let niches = checkField(.niches, patch.niches, isCreate: isCreate, errors: &errors) { raw, required, errors in
            checkNiches(raw, required: required, errors: &errors) ?? .value(raw)
        }
        let location = checkField(.location, patch.location, isCreate: isCreate, errors: &errors) {
            raw, required, errors in
            checkLocation(raw, existing: existingLocation, required: required, errors: &errors) ?? .value(raw)
        }
        let socialLinks = checkField(.socialLinks, patch.socialLinks, isCreate: isCreate, errors: &errors) {
            raw, required, errors in
            checkSocialLinks(raw, existing: existingLinks, required: required, errors: &errors)
        }
        let avatar = checkField(.avatar, patch.avatar, isCreate: isCreate, errors: &errors) { raw, required, errors in
            checkAvatar(raw, required: required, errors: &errors) ?? .value(raw)
        }
        let pictureURLs = checkField(.pictureURLs, patch.pictureURLs, isCreate: isCreate, errors: &errors) {
            raw, required, errors in
            checkPictureURLs(raw, required: required, errors: &errors) ?? .value(raw)
        }
        return ValidatedProfilePatch(
            username: username, displayName: displayName, firstName: firstName, middleName: middleName,
            lastName: lastName, bio: bio, niches: niches, location: location, socialLinks: socialLinks,
            avatar: avatar, pictureURLs: pictureURLs)
    }

    /// Checks one field of the patch where ``gate(_:present:isCreate:errors:)`` lets it through:
    /// `null` is a `required` error on a required field and otherwise kept; a value goes to `check`,
    /// which parses it. A field the gate stops comes back absent (its error is in `errors`).
    private func checkField<Value, Checked>(
        _ field: ProfileField,
        _ value: PatchField<Value>,
        isCreate: Bool,
        errors: inout [FieldError],
        _ check: (_ value: Value, _ required: Bool, _ errors: inout [FieldError]) -> PatchField<Checked>
    ) -> PatchField<Checked> {
        guard gate(field, present: value.isPresent, isCreate: isCreate, errors: &errors) else { return .absent }
        switch value {
        case .absent:
            return .absent
        case .null:
            if requiredMask.contains(field) {
                errors.append(Messages.required(wirePath(field.rawValue), "; it cannot be null"))
            }
            return .null
        case .value(let raw):
            return check(raw, requiredMask.contains(field), &errors)
        }
    }

    /// ``checkField(_:_:isCreate:errors:_:)`` for a text field, reported under its wire name.
    private func checkTextField(
        _ field: ProfileField,
        rule: TextRule,
        _ value: PatchField<String>,
        _ isCreate: Bool,
        _ errors: inout [FieldError]
    ) -> PatchField<String> {
        checkField(field, value, isCreate: isCreate, errors: &errors) { raw, required, errors in
            checkText(raw, path: wirePath(field.rawValue), rule: rule, required: required, errors: &errors)
                ?? .value(raw)
        }
    }

    /// Whether `field` should be checked: present and updatable. Records `not_updatable_here` for
    /// a present field the policy does not accept and `required` for a required field absent on
    /// create. A method rather than a closure so that the policy is not copied into a context.
    private func gate(_ field: ProfileField, present: Bool, isCreate: Bool, errors: inout [FieldError]) -> Bool {
        if present && !updatableMask.contains(field) {
            errors.append(Messages.notUpdatable(wirePath(field.rawValue), notUpdatableHint(for: field)))
            return false
        }
        if !present && isCreate && requiredMask.contains(field) {
            errors.append(Messages.required(wirePath(field.rawValue), " to create a profile"))
            return false
        }
        return present
    }

    private func notUpdatableHint(for field: ProfileField) -> String {
        switch field {
        case .username: "change it with POST /api/v1/account/username/change"
        case .avatar: "upload a new avatar file instead"
        default: "the \(name) request does not accept it"
        }
    }

    /// The checked and normalised text, `.null` for an empty value its rule lets clear, or `nil` when
    /// the field stays as it came (already in its stored form, or with errors, which are then in
    /// `errors`).
    func checkText(
        _ raw: String,
        path: @autoclosure () -> String,
        rule: TextRule,
        required: Bool,
        errors: inout [FieldError]
    ) -> PatchField<String>? {
        // The usual value passes as it is: no outcome to wrap, no comparison with the input.
        if TextChecker.isAcceptedASCII(raw, rule: rule) { return nil }
        switch TextChecker.check(raw, rule: rule, path: path(), errors: &errors) {
        case .value(let value):
            return value == raw ? nil : .value(value)
        case .invalid:
            return nil
        case .empty:
            if required {
                errors.append(Messages.required(path(), "; it cannot be empty"))
            } else if rule.allowsEmpty {
                return .null
            } else {
                errors.append(
                    Messages.tooShort(path(), count: 0, limit: max(1, rule.minimumLength), unit: "characters"))
            }
            return nil
        }
    }

    /// ``checkText(_:path:rule:required:errors:)`` for an optional part of a location: absent and
    /// `null` stay as they came.
    private func checkLocationPart(
        _ field: PatchField<String>, path: String, rule: TextRule, errors: inout [FieldError]
    ) -> PatchField<String>? {
        guard case .value(let raw) = field else { return nil }
        return checkText(raw, path: path, rule: rule, required: false, errors: &errors)
    }

    private func checkUsernameField(
        _ raw: String,
        existing: Profile?,
        now: Date?,
        errors: inout [FieldError]
    ) -> PatchField<Username> {
        let path = wirePath(ProfileField.username.rawValue)
        guard let username = checkUsername(raw, path: path, errors: &errors) else { return .absent }
        // The cooldown first: most policies have none, and binding `existing` copies a profile.
        if let cooldown = usernameChangeCooldown, let existing, let changedAt = existing.usernameChangedAt,
            existing.username?.rawValue != username
        {
            checkCooldown(cooldown, changedAt: changedAt, now: now ?? Date(), path: path, errors: &errors)
        }
        return .value(Username(checked: username))
    }

    private func checkCooldown(
        _ cooldown: Duration,
        changedAt: Date,
        now: Date,
        path: String,
        errors: inout [FieldError]
    ) {
        let cooldownSeconds = Double(cooldown.components.seconds)
        let elapsed = now.timeIntervalSince(changedAt)
        guard elapsed < cooldownSeconds else { return }
        let day = 86_400.0
        let remainingDays = Int(((cooldownSeconds - elapsed) / day).rounded(.up))
        let cooldownDays = Int((cooldownSeconds / day).rounded(.up))
        errors.append(
            FieldError(
                field: path, code: .tooSoon,
                message: "\(path) was changed \(Int(max(0, elapsed) / day)) days ago; it can change once every "
                    + "\(cooldownDays) days, so again in \(remainingDays) days",
                limit: Int(cooldownSeconds)))
    }

    private func checkLocation(
        _ patch: LocationPatch,
        existing: Location?,
        required: Bool,
        errors: inout [FieldError]
    ) -> PatchField<LocationPatch>? {
        let city = checkLocationPart(patch.city, path: wirePath("location.city"), rule: locationPart, errors: &errors)
        let state = checkLocationPart(
            patch.state, path: wirePath("location.state"), rule: locationPart, errors: &errors)
        let country = checkLocationPart(
            patch.country, path: wirePath("location.country"), rule: locationPart, errors: &errors)
        // The text form is the whole `location` string on the wire, so its path is `location`.
        let text = checkLocationPart(patch.text, path: wirePath("location"), rule: locationText, errors: &errors)
        var updated: LocationPatch?
        if city != nil || state != nil || country != nil || text != nil {
            updated = LocationPatch(
                city: city ?? patch.city, state: state ?? patch.state, country: country ?? patch.country,
                text: text ?? patch.text)
        }
        if required, case .none = (updated ?? patch).merged(over: existing) {
            errors.append(Messages.required(wirePath("location"), "; it cannot be empty"))
        }
        return updated.map { .value($0) }
    }

    private func checkSocialLinks(
        _ links: [String: PatchField<String>],
        existing: [SocialPlatform: String]?,
        required: Bool,
        errors: inout [FieldError]
    ) -> PatchField<[SocialPlatform: PatchField<String>]> {
        let root = wirePath(ProfileField.socialLinks.rawValue)
        // `init(minimumCapacity:)`, not `[:]` and `reserveCapacity`: neither is inlinable, and
        // `reserveCapacity` also goes through the unspecialised resize (~0.5k instructions more).
        var result = [SocialPlatform: PatchField<String>](minimumCapacity: links.count)
        let firstError = errors.count
        var remaining = existing?.count ?? 0
        for (key, link) in links {
            guard let platform = SocialPlatform(key: key) else {
                errors.append(.unknownPlatform(key, under: root))
                continue
            }
            switch link {
            case .absent:
                continue
            case .null:
                if existing?[platform] != nil { remaining -= 1 }
                result[platform] = .null
            case .value(let raw):
                if existing?[platform] == nil { remaining += 1 }
                if isCanonicalSocialLink(raw, platform: platform) {
                    result[platform] = link
                } else if let url = checkSocialLink(
                    raw, platform: platform, path: Messages.member(key, of: root), errors: &errors)
                {
                    result[platform] = .value(url)
                }
            }
        }
        if errors.count - firstError > 1 {
            errors[firstError...].sort { $0.field < $1.field }
        }
        if required && remaining <= 0 {
            errors.append(Messages.required(root, "; keep at least one link"))
        }
        return .value(result)
    }

    private func checkAvatar(
        _ raw: String, required: Bool, errors: inout [FieldError]
    ) -> PatchField<String>? {
        let path = wirePath(ProfileField.avatar.rawValue)
        if isCanonicalImageURL(raw) { return nil }
        let link = Whitespace.trimmed(raw)
        if link.isEmpty {
            if required { errors.append(Messages.required(path, "; it cannot be empty")) }
            return required ? nil : .null
        }
        guard let url = checkImageURL(link, path: path, errors: &errors) else { return nil }
        return url == raw ? nil : .value(url)
    }

    private func checkPictureURLs(
        _ urls: [String], required: Bool, errors: inout [FieldError]
    )
        -> PatchField<[String]>?
    {
        let root = wirePath(ProfileField.pictureURLs.rawValue)
        if urls.isEmpty && required { errors.append(Messages.required(root, "; it needs at least one URL")) }
        if urls.count > maximumPictureURLs {
            errors.append(Messages.tooLong(root, count: urls.count, limit: maximumPictureURLs, unit: "items"))
        }
        var result = urls
        var isChanged = false
        for (index, raw) in urls.enumerated() {
            let checked =
                isCanonicalImageURL(raw)
                ? raw : checkImageURL(Whitespace.trimmed(raw), path: "\(root)[\(index)]", errors: &errors)
            guard let url = checked else { continue }
            if let earlier = result[..<index].firstIndex(of: url) {
                let path = "\(root)[\(index)]"
                errors.append(
                    FieldError(
                        field: path, code: .duplicate,
                        message: "\(path) repeats \(root)[\(earlier)]; each picture may appear once"))
            }
            if url != urls[index] {
                result[index] = url
                isChanged = true
            }
        }
        return isChanged ? .value(result) : nil
    }
}
