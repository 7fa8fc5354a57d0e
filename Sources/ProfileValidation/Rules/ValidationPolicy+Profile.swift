import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ValidationPolicy {
    /// Validates and normalises a profile patch against the stored profile (`nil` on create),
    /// reporting every failure at once.
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
    public func validate(_ patch: ProfilePatch, against existing: Profile?) throws(ValidationReport) -> ProfilePatch {
        var errors: [FieldError] = []
        let result = checkProfile(patch, existing: existing, now: nil, errors: &errors)
        guard errors.isEmpty else { throw ValidationReport(errors: renamed(errors)) }
        return result
    }

    /// Validates a profile patch as ``validate(_:against:)-(ProfilePatch,_)`` does, measuring the
    /// username-change cooldown against `now`.
    public func validate(
        _ patch: ProfilePatch, against existing: Profile?, at now: Date
    ) throws(ValidationReport)
        -> ProfilePatch
    {
        var errors: [FieldError] = []
        let result = checkProfile(patch, existing: existing, now: now, errors: &errors)
        guard errors.isEmpty else { throw ValidationReport(errors: renamed(errors)) }
        return result
    }

    /// Errors with their paths (and the field name that starts their message) renamed by
    /// ``wireNames``.
    func renamed(_ errors: [FieldError]) -> [FieldError] {
        guard !wireNames.isEmpty else { return errors }
        return errors.map { error in
            var error = error
            let path = wirePath(error.field)
            guard path != error.field else { return error }
            if error.message.hasPrefix(error.field) {
                error.message = path + error.message.dropFirst(error.field.count)
            }
            error.field = path
            return error
        }
    }

    func checkProfile(
        _ patch: ProfilePatch, existing: Profile?, now: Date?, errors: inout [FieldError]
    )
        -> ProfilePatch
    {
        let required = requiredMask
        let isCreate: Bool
        if case .none = existing { isCreate = true } else { isCreate = false }
        // The input is the result until a check changes a value (each check returns `nil` for "as
        // it came"): a valid, already normalised patch, the usual request, comes back unchanged
        // without a field compared or rewritten.
        var result = patch

        if gate(.username, present: patch.username.isPresent, isCreate: isCreate, errors: &errors) {
            if let checked = checkUsernameField(
                patch.username, existing: existing, required: required.contains(.username), now: now,
                errors: &errors)
            {
                result.username = checked
            }
        }
        // Spelled out field by field: key paths and a table would cost more than the checks.
        if gate(.displayName, present: patch.displayName.isPresent, isCreate: isCreate, errors: &errors) {
            if let checked = checkText(
                patch.displayName, path: "displayName", rule: displayName,
                required: required.contains(.displayName), errors: &errors)
            {
                result.displayName = checked
            }
        }
        if gate(.firstName, present: patch.firstName.isPresent, isCreate: isCreate, errors: &errors) {
            if let checked = checkText(
                patch.firstName, path: "firstName", rule: firstName, required: required.contains(.firstName),
                errors: &errors)
            {
                result.firstName = checked
            }
        }
        if gate(.middleName, present: patch.middleName.isPresent, isCreate: isCreate, errors: &errors) {
            if let checked = checkText(
                patch.middleName, path: "middleName", rule: middleName, required: required.contains(.middleName),
                errors: &errors)
            {
                result.middleName = checked
            }
        }
        if gate(.lastName, present: patch.lastName.isPresent, isCreate: isCreate, errors: &errors) {
            if let checked = checkText(
                patch.lastName, path: "lastName", rule: lastName, required: required.contains(.lastName),
                errors: &errors)
            {
                result.lastName = checked
            }
        }
        if gate(.bio, present: patch.bio.isPresent, isCreate: isCreate, errors: &errors) {
            if let checked = checkText(
                patch.bio, path: "bio", rule: bio, required: required.contains(.bio), errors: &errors)
            {
                result.bio = checked
            }
        }
        if gate(.niches, present: patch.niches.isPresent, isCreate: isCreate, errors: &errors) {
            if let checked = checkNiches(patch.niches, required: required.contains(.niches), errors: &errors) {
                result.niches = checked
            }
        }
        if gate(.location, present: patch.location.isPresent, isCreate: isCreate, errors: &errors) {
            if let checked = checkLocation(
                patch.location, existing: existing?.location, required: required.contains(.location),
                errors: &errors)
            {
                result.location = checked
            }
        }
        if gate(.socialLinks, present: patch.socialLinks.isPresent, isCreate: isCreate, errors: &errors) {
            if let checked = checkSocialLinks(
                patch.socialLinks, existing: existing?.socialLinks ?? [:],
                required: required.contains(.socialLinks), errors: &errors)
            {
                result.socialLinks = checked
            }
        }
        if gate(.avatar, present: patch.avatar.isPresent, isCreate: isCreate, errors: &errors) {
            if let checked = checkAvatar(patch.avatar, required: required.contains(.avatar), errors: &errors) {
                result.avatar = checked
            }
        }
        if gate(.pictureURLs, present: patch.pictureURLs.isPresent, isCreate: isCreate, errors: &errors) {
            if let checked = checkPictureURLs(
                patch.pictureURLs, required: required.contains(.pictureURLs), errors: &errors)
            {
                result.pictureURLs = checked
            }
        }
        return result
    }

    /// Whether `field` should be checked: present and updatable. Records `not_updatable_here` for
    /// a present field the policy does not accept and `required` for a required field absent on
    /// create. A method rather than a closure so that the policy is not copied into a context.
    private func gate(_ field: ProfileField, present: Bool, isCreate: Bool, errors: inout [FieldError]) -> Bool {
        if present && !updatableMask.contains(field) {
            errors.append(Messages.notUpdatable(field.rawValue, notUpdatableHint(for: field)))
            return false
        }
        if !present && isCreate && requiredMask.contains(field) {
            errors.append(Messages.required(field.rawValue, " to create a profile"))
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

    /// The checked and normalised text, or `nil` when the field stays as it came (absent, `null`, a
    /// value already in its stored form, or a value with errors, which are then in `errors`).
    func checkText(
        _ field: PatchField<String>,
        path: @autoclosure () -> String,
        rule: TextRule,
        required: Bool,
        errors: inout [FieldError]
    ) -> PatchField<String>? {
        switch field {
        case .absent:
            return nil
        case .null:
            if required { errors.append(Messages.required(path(), "; it cannot be null")) }
            return nil
        case .value(let raw):
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
    }

    private func checkUsernameField(
        _ field: PatchField<String>,
        existing: Profile?,
        required: Bool,
        now: Date?,
        errors: inout [FieldError]
    ) -> PatchField<String>? {
        let path = ProfileField.username.rawValue
        switch field {
        case .absent:
            return nil
        case .null:
            if required { errors.append(Messages.required(path, "; it cannot be null")) }
            return nil
        case .value(let raw):
            guard let username = checkUsername(raw, path: path, errors: &errors) else { return nil }
            // The cooldown first: most policies have none, and binding `existing` copies a profile.
            if let cooldown = usernameChangeCooldown, let existing, let changedAt = existing.usernameChangedAt,
                existing.username?.rawValue != username
            {
                checkCooldown(cooldown, changedAt: changedAt, now: now ?? Date(), path: path, errors: &errors)
            }
            return username == raw ? nil : .value(username)
        }
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
        _ field: PatchField<LocationPatch>,
        existing: Location?,
        required: Bool,
        errors: inout [FieldError]
    ) -> PatchField<LocationPatch>? {
        switch field {
        case .absent:
            return nil
        case .null:
            if required { errors.append(Messages.required("location", "; it cannot be null")) }
            return nil
        case .value(let patch):
            let city = checkText(
                patch.city, path: "location.city", rule: locationPart, required: false, errors: &errors)
            let state = checkText(
                patch.state, path: "location.state", rule: locationPart, required: false, errors: &errors)
            let country = checkText(
                patch.country, path: "location.country", rule: locationPart, required: false, errors: &errors)
            // The text form is the whole `location` string on the wire, so its path is `location`.
            let text = checkText(patch.text, path: "location", rule: locationText, required: false, errors: &errors)
            var updated: LocationPatch?
            if city != nil || state != nil || country != nil || text != nil {
                updated = LocationPatch(
                    city: city ?? patch.city, state: state ?? patch.state, country: country ?? patch.country,
                    text: text ?? patch.text)
            }
            if required, case .none = (updated ?? patch).merged(over: existing) {
                errors.append(Messages.required("location", "; it cannot be empty"))
            }
            return updated.map { .value($0) }
        }
    }

    private func checkSocialLinks(
        _ field: PatchField<[String: PatchField<String>]>,
        existing: [SocialPlatform: String],
        required: Bool,
        errors: inout [FieldError]
    ) -> PatchField<[String: PatchField<String>]>? {
        let root = ProfileField.socialLinks.rawValue
        switch field {
        case .absent:
            return nil
        case .null:
            if required { errors.append(Messages.required(root, "; it cannot be null")) }
            return nil
        case .value(let links):
            var result = links
            var isChanged = false
            let firstError = errors.count
            var remaining = existing.count
            for (key, link) in links {
                guard let platform = SocialPlatform(key: key) else {
                    let shown = Messages.displayKey(key)
                    errors.append(
                        FieldError(
                            field: "\(root).\(shown)", code: .unknownField,
                            message: "\(root).\(shown) is not a supported platform; use "
                                + Messages.list(SocialPlatform.allCases.map(\.rawValue))))
                    continue
                }
                switch link {
                case .absent:
                    continue
                case .null:
                    if existing[platform] != nil { remaining -= 1 }
                case .value(let raw):
                    if existing[platform] == nil { remaining += 1 }
                    if isCanonicalSocialLink(raw, platform: platform) { continue }
                    if let url = checkSocialLink(raw, platform: platform, path: "\(root).\(key)", errors: &errors),
                        url != raw
                    {
                        result[key] = .value(url)
                        isChanged = true
                    }
                }
            }
            if errors.count - firstError > 1 {
                errors[firstError...].sort { $0.field < $1.field }
            }
            if required && remaining <= 0 {
                errors.append(Messages.required(root, "; keep at least one link"))
            }
            return isChanged ? .value(result) : nil
        }
    }

    private func checkAvatar(
        _ field: PatchField<String>, required: Bool, errors: inout [FieldError]
    ) -> PatchField<String>? {
        let path = ProfileField.avatar.rawValue
        switch field {
        case .absent:
            return nil
        case .null:
            if required { errors.append(Messages.required(path, "; it cannot be null")) }
            return nil
        case .value(let raw):
            if isCanonicalImageURL(raw) { return nil }
            let link = Whitespace.trimmed(raw)
            if link.isEmpty {
                if required { errors.append(Messages.required(path, "; it cannot be empty")) }
                return required ? nil : .null
            }
            guard let url = checkImageURL(link, path: path, errors: &errors) else { return nil }
            return url == raw ? nil : .value(url)
        }
    }

    private func checkPictureURLs(
        _ field: PatchField<[String]>, required: Bool, errors: inout [FieldError]
    )
        -> PatchField<[String]>?
    {
        let root = ProfileField.pictureURLs.rawValue
        switch field {
        case .absent:
            return nil
        case .null:
            if required { errors.append(Messages.required(root, "; it cannot be null")) }
            return nil
        case .value(let urls):
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
}
