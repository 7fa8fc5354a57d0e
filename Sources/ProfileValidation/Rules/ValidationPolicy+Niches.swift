import ProfileDomain

extension ValidationPolicy {
    /// The niche list, each item trimmed, checked and lowercased; duplicates (after lowercasing)
    /// are reported at the later position.
    /// `nil` when the field stays as it came (already normalised, or with errors).
    func checkNiches(
        _ items: [String], required: Bool, errors: inout [FieldError]
    ) -> PatchField<[String]>? {
        let root = wirePath(ProfileField.niches.rawValue)
        if items.isEmpty {
            if required {
                errors.append(Messages.required(root, "; send at least \(max(1, niches.minimumCount)) item"))
            }
            return nil
        }
        if items.count > niches.maximumCount {
            errors.append(Messages.tooLong(root, count: items.count, limit: niches.maximumCount, unit: "items"))
        } else if items.count < niches.minimumCount {
            errors.append(Messages.tooShort(root, count: items.count, limit: niches.minimumCount, unit: "items"))
        }
        var result = items
        var isValid = true
        var isChanged = false
        for index in items.indices {
            let niche: String
            var isAsSent = false
            if Self.isCanonicalNiche(items[index], rule: niches.item) {
                niche = items[index]
                isAsSent = true
            } else {
                switch TextChecker.check(
                    items[index], rule: niches.item, path: "\(root)[\(index)]", errors: &errors)
                {
                case .invalid:
                    isValid = false
                    continue
                case .empty:
                    isValid = false
                    errors.append(
                        Messages.tooShort(
                            "\(root)[\(index)]", count: 0, limit: max(1, niches.item.minimumLength),
                            unit: "characters"))
                    continue
                case .value(let value):
                    guard let normalized = Self.normalizedNiche(value) else {
                        isValid = false
                        errors.append(
                            FieldError(
                                field: "\(root)[\(index)]", code: .invalidCharacters,
                                message: "\(root)[\(index)] may only hold letters, digits, spaces and - & ' + ."))
                        continue
                    }
                    niche = normalized
                }
            }
            if index > 0, let earlier = result[..<index].firstIndex(of: niche) {
                isValid = false
                errors.append(
                    FieldError(
                        field: "\(root)[\(index)]", code: .duplicate,
                        message: "\(root)[\(index)] repeats \(root)[\(earlier)] (\(niche)); niches are "
                            + "compared without regard to case"))
            }
            // Assigning only a changed value keeps the list shared with the input (no copy).
            if !isAsSent && niche != items[index] {
                result[index] = niche
                isChanged = true
            }
        }
        return isValid && isChanged ? .value(result) : nil
    }

    /// Whether `item` is a niche the full check would accept as it is: already trimmed and
    /// lowercase ASCII of the allowed characters, within the rule's lengths. One pass over the
    /// bytes; `false` means "ask the full check", not "invalid".
    static func isCanonicalNiche(_ item: String, rule: TextRule) -> Bool {
        item.utf8.withContiguousStorageIfAvailable { bytes in
            let count = bytes.count
            guard count >= max(1, rule.minimumLength), count <= rule.maximumLength, count <= rule.maximumBytes,
                bytes[0] != UInt8(ascii: " "), bytes[count - 1] != UInt8(ascii: " ")
            else { return false }
            // The allowed bytes below 64, one bit each: space, `&`, `'`, `+`, `-`, `.` and the digits.
            let others: UInt64 = 1 << 32 | 1 << 38 | 1 << 39 | 1 << 43 | 1 << 45 | 1 << 46 | 0x3FF << 48
            for byte in bytes {
                // Lowercase letters, most of a niche, take one test.
                if byte &- UInt8(ascii: "a") < 26 { continue }
                guard byte < 64, others >> byte & 1 != 0 else { return false }
            }
            return true
        } ?? false
    }

    /// The niche lowercased, or `nil` when it holds a character outside letters, marks, digits,
    /// spaces and `- & ' + .`.
    static func normalizedNiche(_ value: String) -> String? {
        var hasUppercase = false
        var isASCII = true
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "),
                UInt8(ascii: "-"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "+"), UInt8(ascii: "."):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                hasUppercase = true
            case 0x80...:
                isASCII = false
            default:
                return nil
            }
        }
        if !isASCII {
            let allowed = value.unicodeScalars.allSatisfy { scalar in
                if scalar.isASCII { return true }
                let properties = scalar.properties
                switch properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
                    return true
                default:
                    return false
                }
            }
            return allowed ? value.lowercased() : nil
        }
        return hasUppercase ? value.lowercased() : value
    }
}
