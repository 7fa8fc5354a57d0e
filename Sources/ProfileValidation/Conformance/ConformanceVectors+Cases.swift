import ProfileDomain

extension ConformanceVectors {
    /// One case before its expected codes are computed.
    struct Case {
        var name: String
        var input: JSONValue
        var existing: JSONValue?
    }

    /// The stored profile most update vectors start from: valid under every preset.
    static let baseline: JSONValue = .object([
        "username": .string("existing_user"), "displayName": .string("Existing User"), "bio": .string("Bio"),
        "niche": .array([.string("music")]),
    ])

    static func cases(for policy: ValidationPolicy) -> [Case] {
        var cases: [Case] = []
        func body(_ fields: [String: JSONValue]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: fields.map { (policy.wirePath($0.key), $0.value) }))
        }
        func update(_ name: String, _ fields: [String: JSONValue]) {
            cases.append(Case(name: name, input: body(fields), existing: baseline))
        }
        func create(_ name: String, _ fields: [String: JSONValue]) {
            cases.append(Case(name: name, input: body(fields), existing: nil))
        }
        let updatable = policy.updatableFields
        let validCreate: [String: JSONValue] = [
            "username": .string("john_doe"), "displayName": .string("John Doe"),
            "bio": .string("Content creator and influencer"),
            "niche": .array([.string("fitness"), .string("lifestyle")]),
        ].filter { key, _ in ProfileField(rawValue: key).map(updatable.contains) ?? false }

        create("create with the required fields", validCreate)
        create("create with an empty body", [:])
        for field in policy.requiredOnCreate.sorted() {
            create("create without \(field.rawValue)", validCreate.filter { $0.key != field.rawValue })
            update("update setting required \(field.rawValue) to null", [field.rawValue: .null])
        }
        update("update with an empty body", [:])
        for field in ProfileField.allCases where !updatable.contains(field) {
            update("\(field.rawValue) is not updatable here", [field.rawValue: sample(for: field)])
        }

        let texts: [(ProfileField, TextRule)] = [
            (.displayName, policy.displayName), (.firstName, policy.firstName), (.middleName, policy.middleName),
            (.lastName, policy.lastName), (.bio, policy.bio),
        ]
        for (field, rule) in texts where updatable.contains(field) {
            let key = field.rawValue
            let label = policy.wirePath(key)
            for length in [rule.maximumLength - 1, rule.maximumLength, rule.maximumLength + 1] {
                update("\(label) of \(length) characters", [key: .string(String(repeating: "a", count: length))])
            }
            update(
                "\(label) of \(rule.maximumLength) characters each e + combining acute",
                [
                    key: .string(String(repeating: "e\u{301}", count: rule.maximumLength))
                ])
            update("\(label) empty", [key: .string("   ")])
            update("\(label) null", [key: .null])
            update("\(label) trimmed", [key: .string("  Jane  ")])
            update("\(label) with a right-to-left override", [key: .string("Jane\u{202E}txt")])
            update("\(label) with a zero-width space", [key: .string("Ja\u{200B}ne")])
            update("\(label) with a NUL", [key: .string("Ja\u{0}ne")])
            update("\(label) with a line break", [key: .string("Jane\nDoe")])
            update(
                "\(label) with a combining-mark flood", [key: .string("Z" + String(repeating: "\u{301}", count: 40))])
            update("\(label) with an emoji ZWJ sequence", [key: .string("Jane 👩‍💻")])
            update("\(label) as a number", [key: .number(42)])
        }

        if updatable.contains(.username) {
            let range = policy.usernameLength
            for length in [range.lowerBound - 1, range.lowerBound, range.upperBound, range.upperBound + 1]
            where length > 0 {
                update("username of \(length) characters", ["username": .string(String(repeating: "j", count: length))])
            }
            for (label, name) in [
                ("reserved", "admin"), ("reserved in another case", "Admin"), ("full-width", "ｊｏｈｎ"),
                ("with a Cyrillic look-alike", "jоhn"), ("with @", "@john"), ("with a dot", "john.doe"),
                ("with a space inside", "john doe"), ("with a zero-width joiner", "jo\u{200D}hn"),
            ] {
                update("username \(label)", ["username": .string(name)])
            }
        }

        if updatable.contains(.niches) {
            let rule = policy.niches
            update(
                "niche with \(rule.maximumCount) items",
                [
                    "niche": .array((0..<rule.maximumCount).map { .string("topic\($0)") })
                ])
            update(
                "niche with \(rule.maximumCount + 1) items",
                [
                    "niche": .array((0...rule.maximumCount).map { .string("topic\($0)") })
                ])
            update("niche empty list", ["niche": .array([])])
            update("niche duplicates in another case", ["niche": .array([.string("Fitness"), .string("fitness")])])
            update(
                "niche item too long",
                ["niche": .array([.string(String(repeating: "n", count: rule.item.maximumLength + 1))])])
            update("niche item with a symbol", ["niche": .array([.string("fit<ness>")])])
            update("niche item of another script", ["niche": .array([.string("Música")])])
        }

        if updatable.contains(.location) {
            let part = String(repeating: "c", count: policy.locationPart.maximumLength + 1)
            update(
                "location with parts", ["location": .object(["city": .string("New York"), "country": .string("USA")])])
            update("location city too long", ["location": .object(["city": .string(part)])])
            update("location as text", ["location": .string("Nairobi, Kenya")])
            update(
                "location text too long",
                [
                    "location": .string(String(repeating: "l", count: policy.locationText.maximumLength + 1))
                ])
            update("location null", ["location": .null])
        }

        if updatable.contains(.socialLinks) {
            for (label, link) in [
                ("a profile URL", "https://instagram.com/johndoe"),
                ("upper-case host", "https://WWW.Instagram.com/johndoe"),
                ("a bare handle", "johndoe"), ("an @handle", "@johndoe"), ("http", "http://instagram.com/johndoe"),
                ("userinfo", "https://instagram.com@evil.com/johndoe"), ("another host", "https://evil.com/johndoe"),
                ("a look-alike host", "https://instagram.com.evil.io/johndoe"), ("an IPv4 host", "https://127.0.0.1/x"),
                ("an integer host", "https://2130706433/x"), ("an IPv6 host", "https://[::1]/x"),
                ("localhost", "https://localhost/x"), ("javascript:", "javascript:alert(1)"),
                ("data:", "data:text/html,hi"), ("the home page", "https://instagram.com/"),
                ("a punycode host", "https://xn--nstagram-9ib.com/johndoe"), ("a port", "https://instagram.com:8443/x"),
                ("a backslash", "https://evil.com\\@instagram.com/x"),
            ] {
                update("socialLinks.instagram \(label)", ["socialLinks": .object(["instagram": .string(link)])])
            }
            update("socialLinks.tiktok @handle", ["socialLinks": .object(["tiktok": .string("@johndoe")])])
            update(
                "socialLinks unknown platform", ["socialLinks": .object(["myspace": .string("https://myspace.com/x")])])
            update("socialLinks removing one link", ["socialLinks": .object(["twitch": .null])])
        }

        let imageCases: [(String, String)] = [
            ("a jpg URL", "https://cdn.example.com/a.jpg"),
            ("an upper-case extension", "https://cdn.example.com/a.PNG"),
            ("no image extension", "https://cdn.example.com/a.svg"),
            ("the extension in the query", "https://cdn.example.com/a?x=.jpg"),
            ("http", "http://cdn.example.com/a.jpg"), ("data:", "data:image/png;base64,AAAA"),
            ("localhost", "https://localhost/a.jpg"),
            (
                "too long",
                "https://cdn.example.com/" + String(repeating: "p", count: policy.imageURLMaximumLength) + ".jpg"
            ),
        ]
        if updatable.contains(.avatar) {
            for (label, link) in imageCases { update("avatar \(label)", ["avatar": .string(link)]) }
        }
        if updatable.contains(.pictureURLs) {
            for (label, link) in imageCases {
                update("profilePictureUrls[0] \(label)", ["profilePictureUrls": .array([.string(link)])])
            }
            let url = { (index: Int) in JSONValue.string("https://cdn.example.com/p\(index).jpg") }
            update(
                "profilePictureUrls with \(policy.maximumPictureURLs) URLs",
                [
                    "profilePictureUrls": .array((0..<policy.maximumPictureURLs).map(url))
                ])
            update(
                "profilePictureUrls with \(policy.maximumPictureURLs + 1) URLs",
                [
                    "profilePictureUrls": .array((0...policy.maximumPictureURLs).map(url))
                ])
            update("profilePictureUrls duplicate", ["profilePictureUrls": .array([url(1), url(1)])])
        }

        // Account and preference vectors run for every preset: the presets that do not take them
        // answer not_updatable_here, which is part of the contract too.
        update("email valid", ["email": .string("John@Example.COM")])
        update("email without @", ["email": .string("john.example.com")])
        update("email with an IP domain", ["email": .string("john@127.0.0.1")])
        update(
            "email too long",
            [
                "email": .string(
                    String(repeating: "a", count: 64) + "@"
                        + String(repeating: "d", count: policy.emailMaximumLength) + ".com")
            ])
        update("email null", ["email": .null])
        update("phone national digits", ["phoneNumber": .string("0987654321")])
        update("phone E.164", ["phoneNumber": .string("+254712345678")])
        update("phone with letters", ["phoneNumber": .string("555-CALL-NOW")])
        update("phone of 11 digits", ["phoneNumber": .string("09876543210")])
        update("voice alloy", ["preferences": .object(["voice_preference": .string("alloy")])])
        update("voice not in the list", ["preferences": .object(["voice_preference": .string("robot")])])
        update(
            "voice too long",
            [
                "preferences": .object([
                    "voice_preference": .string(
                        String(repeating: "v", count: policy.preferences.voiceMaximumLength + 1))
                ])
            ])
        update(
            "scenario too long",
            [
                "preferences": .object([
                    "default_scenario": .string(
                        String(repeating: "s", count: policy.preferences.scenarioMaximumLength + 1))
                ])
            ])
        update("preferences extra key", ["preferences": .object(["theme": .string("dark")])])
        update("preferences extra key holding an object", ["preferences": .object(["theme": .object([:])])])
        update("unknown top-level key", ["isVerified": .bool(true)])
        return cases
    }

    private static func sample(for field: ProfileField) -> JSONValue {
        switch field {
        case .niches: .array([.string("music")])
        case .pictureURLs: .array([.string("https://cdn.example.com/p.jpg")])
        case .location: .object(["city": .string("Nairobi")])
        case .socialLinks: .object(["instagram": .string("https://instagram.com/johndoe")])
        case .avatar: .string("https://cdn.example.com/a.jpg")
        case .username: .string("new_name")
        default: .string("Value")
        }
    }
}
