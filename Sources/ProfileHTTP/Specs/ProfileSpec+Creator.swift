extension ProfileSpec {
    /// The creator platform: `PUT/GET /api/v1/profiles/me`, `GET /api/v1/users/me`,
    /// `POST /api/v1/profiles/upload-media`, `GET /api/v1/profiles/me/export` (the caller's data
    /// export), the account lifecycle under `/api/v1/users/me/` and the operator's under
    /// `/api/v1/admin/`, under `ValidationPolicy.creator`.
    public static let creator = ProfileSpec(
        .creator, policy: .creator,
        routes: [
            ProfileRoute(
                .creator, "PUT", "/api/v1/profiles/me", .creatorPutProfile, bodies: [.json], headers: ["If-Match"]),
            ProfileRoute(.creator, "GET", "/api/v1/profiles/me", .creatorGetProfile),
            ProfileRoute(.creator, "GET", "/api/v1/users/me", .creatorGetUser),
            ProfileRoute(.creator, "POST", "/api/v1/profiles/upload-media", .creatorUploadMedia, bodies: [.image]),
            ProfileRoute(.creator, "GET", "/api/v1/profiles/me/export", .creatorExportData),
            // The account lifecycle (`Docs/Specs/creator.md`): the owner's account is `/api/v1/users/me`.
            ProfileRoute(.creator, "POST", "/api/v1/users/me/deactivate", .lifecycle(.deactivate)),
            ProfileRoute(.creator, "POST", "/api/v1/users/me/reactivate", .lifecycle(.reactivate)),
            ProfileRoute(.creator, "POST", "/api/v1/users/me/deletion", .lifecycle(.requestDeletion)),
            ProfileRoute(.creator, "DELETE", "/api/v1/users/me/deletion", .lifecycle(.cancelDeletion)),
            ProfileRoute(.creator, "GET", "/api/v1/users/me/state", .lifecycle(.accountState)),
            ProfileRoute(.creator, "GET", "/api/v1/users/me/username-history", .lifecycle(.usernameHistory)),
            ProfileRoute(
                .creator, "POST", "/api/v1/admin/users/{userId}/suspension", .lifecycle(.suspend), bodies: [.json]),
            ProfileRoute(.creator, "DELETE", "/api/v1/admin/users/{userId}/suspension", .lifecycle(.reinstate)),
            ProfileRoute(.creator, "POST", "/api/v1/admin/users/{userId}/purge", .lifecycle(.purge)),
            ProfileRoute(.creator, "GET", "/api/v1/admin/users/{userId}/state", .lifecycle(.userAccountState)),
            ProfileRoute(
                .creator, "GET", "/api/v1/admin/users/{userId}/username-history", .lifecycle(.userUsernameHistory)),
            ProfileRoute(
                .creator, "DELETE", "/api/v1/admin/username-holds/{username}", .lifecycle(.releaseUsernameHold)),
        ])
}
