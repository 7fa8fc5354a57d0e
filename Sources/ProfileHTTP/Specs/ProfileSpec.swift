import ProfileDomain
import ProfileValidation

/// One backend specification as one value: its routes, its validation preset, and (inside the
/// library) its wire types, error envelope and status conventions.
///
/// The four specs are ``creator``, ``social``, ``mobile`` and ``django``; ``all`` lists them. A
/// spec's ``policy`` is its own preset (`ValidationPolicy.creator`, ...), so a ``ProfileAPI``
/// serving several specs over one store answers each route under the rules of the spec that
/// owns it. A server that wants other limits passes a spec with another policy:
///
/// ```swift
/// let api = ProfileAPI(store: store, media: media, specs: [ProfileSpec.creator.with(policy: strict)])
/// ```
public struct ProfileSpec: Sendable {
    /// The name of one of the four specs.
    public enum Name: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The creator platform: `/api/v1/profiles/me`, `/api/v1/users/me`, upload.
        case creator
        /// The social platform: `/api/v1/profile/...`, username change, follow and block.
        case social
        /// The mobile app: `/mobile/user/profile`.
        case mobile
        /// The Django REST API: `/api/users/...`.
        case django

        /// Orders by declaration, so route tables list creator first.
        public static func < (lhs: Name, rhs: Name) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// Which spec this is.
    public let name: Name
    /// The rules every update through this spec's routes must satisfy.
    public let policy: ValidationPolicy
    /// Every endpoint of the spec.
    public let routes: [ProfileRoute]

    init(_ name: Name, policy: ValidationPolicy, routes: [ProfileRoute]) {
        self.name = name
        self.policy = policy
        self.routes = routes
    }

    /// The same spec validating under `policy` instead of its preset.
    public func with(policy: ValidationPolicy) -> ProfileSpec {
        ProfileSpec(name, policy: policy, routes: routes)
    }

    /// The spec called `name`, with its own preset.
    public static func named(_ name: Name) -> ProfileSpec {
        switch name {
        case .creator: creator
        case .social: social
        case .mobile: mobile
        case .django: django
        }
    }

    /// The four specs, each with its own preset.
    public static var all: [ProfileSpec] { Name.allCases.map(named) }
}
