extension ProfileSpec {
    /// The mobile app: `GET` and `POST /mobile/user/profile`, `GET /mobile/user/profile/export` (the
    /// caller's data export), the account lifecycle under `/mobile/user/account/` and the
    /// operator's under `/mobile/admin/`, under `ValidationPolicy.mobile`.
    ///
    /// The spec's clients send `X-App-Type: mobile`; the library does not need it (the route
    /// already names the spec) and ignores it, but lists it so a server can require it.
    public static let mobile = ProfileSpec(
        .mobile, policy: .mobile,
        routes: [
            ProfileRoute(.mobile, "GET", "/mobile/user/profile", .mobileGetProfile, headers: ["X-App-Type"]),
            ProfileRoute(
                .mobile, "POST", "/mobile/user/profile", .mobilePostProfile, bodies: [.json],
                headers: ["X-App-Type", "If-Match"]),
            ProfileRoute(.mobile, "GET", "/mobile/user/profile/export", .mobileExportData, headers: ["X-App-Type"]),
            // The account lifecycle (`Docs/Specs/mobile.md`).
            ProfileRoute(
                .mobile, "POST", "/mobile/user/account/deactivate", .lifecycle(.deactivate), headers: ["X-App-Type"]),
            ProfileRoute(
                .mobile, "POST", "/mobile/user/account/reactivate", .lifecycle(.reactivate), headers: ["X-App-Type"]),
            ProfileRoute(
                .mobile, "POST", "/mobile/user/account/deletion", .lifecycle(.requestDeletion), headers: ["X-App-Type"]),
            ProfileRoute(
                .mobile, "DELETE", "/mobile/user/account/deletion", .lifecycle(.cancelDeletion), headers: ["X-App-Type"]
            ),
            ProfileRoute(
                .mobile, "GET", "/mobile/user/account/state", .lifecycle(.accountState), headers: ["X-App-Type"]),
            ProfileRoute(
                .mobile, "GET", "/mobile/user/account/username-history", .lifecycle(.usernameHistory),
                headers: ["X-App-Type"]),
            ProfileRoute(
                .mobile, "POST", "/mobile/admin/users/{user_id}/suspension", .lifecycle(.suspend), bodies: [.json],
                headers: ["X-App-Type"]),
            ProfileRoute(
                .mobile, "DELETE", "/mobile/admin/users/{user_id}/suspension", .lifecycle(.reinstate),
                headers: ["X-App-Type"]),
            ProfileRoute(
                .mobile, "POST", "/mobile/admin/users/{user_id}/purge", .lifecycle(.purge), headers: ["X-App-Type"]),
            ProfileRoute(
                .mobile, "GET", "/mobile/admin/users/{user_id}/state", .lifecycle(.userAccountState),
                headers: ["X-App-Type"]),
            ProfileRoute(
                .mobile, "GET", "/mobile/admin/users/{user_id}/username-history", .lifecycle(.userUsernameHistory),
                headers: ["X-App-Type"]),
            ProfileRoute(
                .mobile, "DELETE", "/mobile/admin/username-holds/{username}", .lifecycle(.releaseUsernameHold),
                headers: ["X-App-Type"]),
        ])
}
