import ProfileDomain

extension ValidationPolicy {
    /// Validates and normalises an account patch (email, phone), reporting every failure at once.
    ///
    /// - Email: trimmed, at most ``emailMaximumLength`` characters, a pragmatic RFC 5321 shape
    ///   (see `checkEmail(_:path:errors:)`), domain lowercased; `null` or empty is `required` when
    ///   ``requiresEmail``, else it removes the email.
    /// - Phone: per ``phoneFormat``, separators stripped; `null` or empty removes it.
    /// - Uniqueness of the email is the store's check. `existing` is accepted for symmetry with the
    ///   profile rules; an unchanged value is validated like any other.
    public func validate(_ patch: AccountPatch, against existing: Account?) throws(ValidationReport) -> AccountPatch {
        var errors: [FieldError] = []
        let result = checkAccount(patch, errors: &errors)
        guard errors.isEmpty else { throw ValidationReport(errors: errors) }
        return result
    }

    func checkAccount(_ patch: AccountPatch, errors: inout [FieldError]) -> AccountPatch {
        var result = patch
        switch patch.email {
        case .absent:
            break
        case .null:
            if requiresEmail { errors.append(Messages.required(wirePath("email"), "; it cannot be null")) }
        case .value(let raw):
            let email = Whitespace.trimmed(raw)
            if email.isEmpty {
                if requiresEmail {
                    errors.append(Messages.required(wirePath("email"), "; it cannot be empty"))
                } else {
                    result.email = .null
                }
            } else if let normalized = checkEmail(email, path: wirePath("email"), errors: &errors) {
                result.email = .value(normalized)
            }
        }
        switch patch.phoneNumber {
        case .absent, .null:
            break
        case .value(let raw):
            let phone = Whitespace.trimmed(raw)
            if phone.isEmpty {
                result.phoneNumber = .null
            } else if let normalized = checkPhone(phone, path: wirePath("phoneNumber"), errors: &errors) {
                result.phoneNumber = .value(normalized)
            }
        }
        return result
    }

    /// An email address with its domain lowercased, or `nil` with the reason in `errors`.
    ///
    /// The shape is RFC 5321's dot-atom form, which is what mail providers hand out: a local part
    /// of 1-64 characters of `A-Z a-z 0-9 ! # $ % & ' * + / = ? ^ _ ` { | } ~ - .` with no leading,
    /// trailing or doubled dot; `@`; a DNS domain of at least two labels (no IP literal, no
    /// localhost) whose last label is letters. Quoted local parts and internationalised addresses
    /// are refused.
    func checkEmail(_ email: String, path: String, errors: inout [FieldError]) -> String? {
        let bytes = email.utf8
        if bytes.count > emailMaximumLength {
            errors.append(Messages.tooLong(path, count: bytes.count, limit: emailMaximumLength, unit: "characters"))
            return nil
        }
        func invalid(_ reason: String) -> String? {
            errors.append(
                FieldError(
                    field: path, code: .invalidFormat,
                    message: "\(path) is not a valid email address: \(reason); expected name@example.com"))
            return nil
        }
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return invalid("it has no @") }
        let local = bytes[bytes.startIndex..<at]
        let domain = Substring(email)[email.index(after: at)...]
        guard !local.isEmpty, local.count <= 64 else { return invalid("the part before @ must be 1 to 64 characters") }
        guard local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
            !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { return invalid("the part before @ has a misplaced dot") }
        guard local.allSatisfy(Self.isAtomByte) else {
            return invalid("the part before @ holds a character that is not allowed")
        }
        switch SafeURL.checkHost(domain) {
        case .failure:
            return invalid("the part after @ is not a public domain name")
        case .success(let host):
            guard let dot = host.utf8.lastIndex(of: UInt8(ascii: ".")),
                host.utf8[host.utf8.index(after: dot)...].allSatisfy({
                    $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")
                })
                    || host.utf8[host.utf8.index(after: dot)...].starts(with: "xn--".utf8)
            else { return invalid("the domain must end in a name such as .com") }
            return domain.utf8.elementsEqual(host.utf8)
                ? email : String(Substring(email)[..<email.index(after: at)]) + host
        }
    }

    /// A phone number with separators stripped, or `nil` with the reason in `errors`.
    func checkPhone(_ phone: String, path: String, errors: inout [FieldError]) -> String? {
        var digits: [UInt8] = []
        var hasPlus = false
        for (offset, byte) in phone.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"):
                continue
            case UInt8(ascii: "+") where offset == 0:
                hasPlus = true
            default:
                errors.append(
                    FieldError(
                        field: path, code: .invalidFormat,
                        message: "\(path) may only hold digits" + (phoneFormat == .e164 ? " after a leading +" : "")
                            + ", spaces, -, . and parentheses"))
                return nil
            }
            if digits.count > 64 { break }
        }
        switch phoneFormat {
        case .digits(let minimum, let maximum):
            if hasPlus {
                errors.append(
                    FieldError(
                        field: path, code: .invalidFormat,
                        message: "\(path) takes national digits only, without + or a country code"))
                return nil
            }
            if digits.count > maximum {
                errors.append(Messages.tooLong(path, count: digits.count, limit: maximum, unit: "digits"))
                return nil
            }
            if digits.count < minimum {
                errors.append(Messages.tooShort(path, count: digits.count, limit: minimum, unit: "digits"))
                return nil
            }
            return String(decoding: digits, as: UTF8.self)
        case .e164:
            guard hasPlus, let first = digits.first, first != UInt8(ascii: "0") else {
                errors.append(
                    FieldError(
                        field: path, code: .invalidFormat,
                        message: "\(path) must be in E.164 form: + and the country code, e.g. +254712345678"))
                return nil
            }
            if digits.count > 15 {
                errors.append(Messages.tooLong(path, count: digits.count, limit: 15, unit: "digits"))
                return nil
            }
            if digits.count < 8 {
                errors.append(Messages.tooShort(path, count: digits.count, limit: 8, unit: "digits"))
                return nil
            }
            return "+" + String(decoding: digits, as: UTF8.self)
        }
    }

    private static func isAtomByte(_ byte: UInt8) -> Bool {
        if isUsernameByte(byte) { return true }
        return "!#$%&'*+/=?^`{|}~-.".utf8.contains(byte)
    }
}
