extension ProfileSpec {
    /// The creator platform: `PUT/GET /api/v1/profiles/me`, `GET /api/v1/users/me`,
    /// `POST /api/v1/profiles/upload-media`, `GET /api/v1/profiles/me/export` (the caller's data
    /// export), under `ValidationPolicy.creator`.
    public static let creator = ProfileSpec(
        .creator, policy: .creator,
        routes: [
            ProfileRoute(
                .creator, "PUT", "/api/v1/profiles/me", .creatorPutProfile, bodies: [.json], headers: ["If-Match"]),
            ProfileRoute(.creator, "GET", "/api/v1/profiles/me", .creatorGetProfile),
            ProfileRoute(.creator, "GET", "/api/v1/users/me", .creatorGetUser),
            ProfileRoute(.creator, "POST", "/api/v1/profiles/upload-media", .creatorUploadMedia, bodies: [.image]),
            ProfileRoute(.creator, "GET", "/api/v1/profiles/me/export", .creatorExportData),
        ])
}
