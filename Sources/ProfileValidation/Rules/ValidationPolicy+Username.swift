import ProfileDomain

extension ValidationPolicy {
    /// Parses and checks a username for `POST /account/username/change` and creation: trimmed, then
    /// 1 of ``usernameLength`` ASCII characters of `[A-Za-z0-9_]`, not reserved (by canonical key).
    ///
    /// Errors are reported at `field`. Look-alike letters (full-width `ｊｏｈｎ`, Cyrillic `јohn`)
    /// are `invalid_characters`, never mapped to ASCII. A leading `@` is refused here (it is
    /// look-up syntax; see ``validateUsernameLookup(_:field:)``). Uniqueness is the store's check.
    public func validateUsername(_ string: String, field: String = "username") throws(ValidationReport) -> Username {
        var errors: [FieldError] = []
        guard let handle = checkUsername(string, path: field, errors: &errors), let username = Username(handle) else {
            throw ValidationReport(errors: errors)
        }
        return username
    }

    /// Parses a username typed in a look-up (`GET /profile/u/{username}`, a mention): one leading
    /// `@` is dropped, then it must be a well-formed ``ProfileDomain/Username``. Length and reserved names are not
    /// checked: a look-up of a name nobody may hold simply finds nobody.
    public func validateUsernameLookup(
        _ string: String, field: String = "username"
    ) throws(ValidationReport)
        -> Username
    {
        let trimmed = Whitespace.trimmed(string)
        if let username = Username(lookup: trimmed) { return username }
        var errors: [FieldError] = []
        let handle = trimmed.utf8.first == UInt8(ascii: "@") ? String(trimmed.dropFirst()) : trimmed
        if handle.isEmpty {
            errors.append(Messages.required(field, "; send a username such as @john_doe"))
        } else if handle.utf8.count > Username.maximumLength {
            errors.append(
                Messages.tooLong(field, count: handle.utf8.count, limit: Username.maximumLength, unit: "characters"))
        } else {
            errors.append(charsetError(handle, path: field))
        }
        throw ValidationReport(errors: errors)
    }

    /// The trimmed handle in `raw`, a valid ``Username`` raw value, or `nil` with the reasons in
    /// `errors`.
    func checkUsername(_ raw: String, path: String, errors: inout [FieldError]) -> String? {
        if isCanonicalUsername(raw) { return raw }
        let trimmed = Whitespace.trimmed(raw)
        let bytes = trimmed.utf8
        guard !bytes.isEmpty else {
            errors.append(Messages.required(path, "; it cannot be empty"))
            return nil
        }
        let before = errors.count
        let isWellFormed = bytes.allSatisfy(Self.isUsernameByte)
        if !isWellFormed {
            errors.append(charsetError(trimmed, path: path))
        }
        // A huge value is measured in bytes so that refusing it costs no Unicode segmentation.
        let length =
            isWellFormed || bytes.count / 4 > usernameLength.upperBound || Self.isOneCharacterPerByte(bytes)
            ? bytes.count : trimmed.count
        if length > usernameLength.upperBound {
            errors.append(Messages.tooLong(path, count: length, limit: usernameLength.upperBound, unit: "characters"))
        } else if length < usernameLength.lowerBound {
            errors.append(Messages.tooShort(path, count: length, limit: usernameLength.lowerBound, unit: "characters"))
        }
        let hasUppercase = isWellFormed && bytes.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        let key = hasUppercase ? Username.canonicalKey(for: trimmed) : trimmed
        if isWellFormed && reservedUsernames.contains(key) {
            errors.append(
                FieldError(field: path, code: .reserved, message: "\(path) \(trimmed) is reserved; choose another name")
            )
        }
        guard errors.count == before else { return nil }
        return trimmed
    }

    /// Whether `raw` is a username ``checkUsername(_:path:errors:)`` would accept as it is: lowercase
    /// `[a-z0-9_]` (so trimmed and its own canonical key) within ``usernameLength``, not reserved.
    /// `false` means "ask the full check", not "invalid". Internal for `FastPathDifferentialTests`.
    func isCanonicalUsername(_ raw: String) -> Bool {
        let length = usernameLength
        return raw.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= 1, length.contains(bytes.count) else { return false }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "_"):
                    continue
                default:
                    return false
                }
            }
            // Most names are ruled out by the filter; only a possible match pays for hashing.
            return !reservedFilter.mayContain(bytes) || !reservedUsernames.contains(raw)
        } ?? false
    }

    /// Whether every byte of `bytes` is a character of its own: ASCII without `\r` (UAX #29 joins
    /// no two ASCII scalars but `\r\n`), so that a refused name's length costs no segmentation.
    /// Internal for `FastPathDifferentialTests`.
    static func isOneCharacterPerByte(_ bytes: String.UTF8View) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    private func charsetError(_ value: String, path: String) -> FieldError {
        if value.utf8.first == UInt8(ascii: "@") {
            return FieldError(
                field: path, code: .invalidCharacters,
                message: "\(path) may not start with @; the @ belongs to mentions and look-ups, so send the name "
                    + "without it")
        }
        if let (position, scalar) = Self.firstNonUsernameScalar(in: value) {
            // Written once into one buffer (interpolation appended each piece on its own).
            var message = MessageWriter(capacity: path.utf8.count + 160)
            if TextChecker.forbiddenReason(scalar, allowsNewline: false, isFirst: true, isLast: true) != nil {
                message.write(path)
                message.write(" holds ")
                message.write(codePointOf: scalar)
                message.write(", an invisible or control character, at character ")
                message.write(position)
                message.write("; a username may only hold A-Z, a-z, 0-9 and _")
                return FieldError(field: path, code: .forbiddenCharacters, message: message.text)
            }
            message.write(path)
            message.write(" may only hold A-Z, a-z, 0-9 and _; ")
            message.write(codePointOf: scalar)
            message.write(" at character ")
            message.write(position)
            message.write(" is not one of them")
            if !scalar.isASCII { message.write(" (look-alike letters from other alphabets are not accepted)") }
            return FieldError(field: path, code: .invalidCharacters, message: message.text)
        }
        return FieldError(
            field: path, code: .invalidCharacters, message: "\(path) may only hold A-Z, a-z, 0-9 and _")
    }

    /// The first scalar of `value` a username may not hold and the position (from 1) of its
    /// character. Up to the first ASCII byte that is not a username byte every byte is an ASCII
    /// letter, digit or `_`, one character each, and UAX #29 never joins an ASCII byte to what
    /// precedes it, so the position is the byte's; a non-ASCII byte (which a combining mark may
    /// join to the letter before it) takes the character walk. Internal for `FastPathDifferentialTests`.
    static func firstNonUsernameScalar(in value: String) -> (position: Int, scalar: Unicode.Scalar)? {
        var position = 0
        for byte in value.utf8 {
            guard !isUsernameByte(byte) else {
                position += 1
                continue
            }
            if byte < 0x80 { return (position + 1, Unicode.Scalar(byte)) }
            break
        }
        return firstNonUsernameScalarByCharacters(in: value)
    }

    /// ``firstNonUsernameScalar(in:)`` by `Character`: the reference its byte walk is tested against.
    static func firstNonUsernameScalarByCharacters(in value: String) -> (position: Int, scalar: Unicode.Scalar)? {
        var position = 0
        for character in value {
            position += 1
            if let scalar = character.unicodeScalars.first(where: { !isUsernameScalar($0) }) {
                return (position, scalar)
            }
        }
        return nil
    }

    private static func isUsernameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isUsernameByte(UInt8(scalar.value))
    }

    static func isUsernameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
