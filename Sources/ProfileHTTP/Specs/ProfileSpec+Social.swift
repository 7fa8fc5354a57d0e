extension ProfileSpec {
    /// The social platform: `/api/v1/profile/...`, `POST /api/v1/account/username/change`,
    /// `GET /api/v1/account/export` (the caller's data export), and follow and block, under `ValidationPolicy.social`. Public profiles are open to anonymous
    /// callers; everything else requires a user.
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
        ])
}
