extension ProfileSpec {
    /// The mobile app: `GET` and `POST /mobile/user/profile`, `GET /mobile/user/profile/export` (the
    /// caller's data export), under `ValidationPolicy.mobile`.
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
        ])
}
