extension ProfileSpec {
    /// The social platform: `/api/v1/profile/...`, `POST /api/v1/account/username/change`,
    /// `GET /api/v1/account/export` (the caller's data export), follow and block, the account
    /// lifecycle under `/api/v1/account/` and the operator's under `/api/v1/moderation/`, under
    /// `ValidationPolicy.social`. Public profiles are open to anonymous callers; everything else
    /// requires a user (or an operator).
    public static let social = ProfileSpec(
        .social, policy: .social,
        routes: [
            ProfileRoute(.social, "GET", "/api/v1/profile/me", .socialOwnProfile),
            ProfileRoute(
                .social, "GET", "/api/v1/profile/id/{userId}", .socialProfileByID, requiresAuthentication: false),
            ProfileRoute(
                .social, "GET", "/api/v1/profile/u/{username}", .socialProfileByUsername,
                requiresAuthentication: false),
            ProfileRoute(
                .social, "PUT", "/api/v1/profile/update", .socialUpdateProfile, bodies: [.json], headers: ["If-Match"]),
            ProfileRoute(.social, "POST", "/api/v1/profile/id/{userId}/follow", .socialFollow),
            ProfileRoute(.social, "DELETE", "/api/v1/profile/id/{userId}/follow", .socialUnfollow),
            ProfileRoute(.social, "POST", "/api/v1/profile/id/{userId}/block", .socialBlock),
            ProfileRoute(.social, "DELETE", "/api/v1/profile/id/{userId}/block", .socialUnblock),
            ProfileRoute(
                .social, "POST", "/api/v1/account/username/change", .socialChangeUsername, bodies: [.json],
                headers: ["If-Match"]),
            ProfileRoute(.social, "GET", "/api/v1/account/export", .socialExportData),
            // The account lifecycle (`Docs/Specs/social.md`): account operations, like the username change.
            ProfileRoute(.social, "POST", "/api/v1/account/deactivate", .lifecycle(.deactivate)),
            ProfileRoute(.social, "POST", "/api/v1/account/reactivate", .lifecycle(.reactivate)),
            ProfileRoute(.social, "POST", "/api/v1/account/deletion", .lifecycle(.requestDeletion)),
            ProfileRoute(.social, "DELETE", "/api/v1/account/deletion", .lifecycle(.cancelDeletion)),
            ProfileRoute(.social, "GET", "/api/v1/account/state", .lifecycle(.accountState)),
            ProfileRoute(.social, "GET", "/api/v1/account/username/history", .lifecycle(.usernameHistory)),
            ProfileRoute(
                .social, "POST", "/api/v1/moderation/accounts/{userId}/suspension", .lifecycle(.suspend),
                bodies: [.json]),
            ProfileRoute(.social, "DELETE", "/api/v1/moderation/accounts/{userId}/suspension", .lifecycle(.reinstate)),
            ProfileRoute(.social, "POST", "/api/v1/moderation/accounts/{userId}/purge", .lifecycle(.purge)),
            ProfileRoute(.social, "GET", "/api/v1/moderation/accounts/{userId}/state", .lifecycle(.userAccountState)),
            ProfileRoute(
                .social, "GET", "/api/v1/moderation/accounts/{userId}/username/history",
                .lifecycle(.userUsernameHistory)),
            ProfileRoute(
                .social, "DELETE", "/api/v1/moderation/username-holds/{username}", .lifecycle(.releaseUsernameHold)),
        ])
}
