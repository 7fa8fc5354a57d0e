extension ProfileSpec {
    /// The Django REST API: `POST /api/users/profile/` (and `GET`),
    /// `PUT|PATCH /api/users/update-profile/{pk}/` (JSON or multipart with an `avatar` file),
    /// `DELETE /api/users/delete/{user_id}/`, `GET /api/users/export/` (the caller's data export),
    /// under `ValidationPolicy.django`.
    public static let django = ProfileSpec(
        .django, policy: .django,
        routes: [
            ProfileRoute(.django, "POST", "/api/users/profile/", .djangoViewProfile),
            ProfileRoute(.django, "GET", "/api/users/profile/", .djangoViewProfile),
            ProfileRoute(
                .django, "PUT", "/api/users/update-profile/{pk}/", .djangoUpdateUser, bodies: [.json, .multipart],
                headers: ["If-Match"]),
            ProfileRoute(
                .django, "PATCH", "/api/users/update-profile/{pk}/", .djangoUpdateUser, bodies: [.json, .multipart],
                headers: ["If-Match"]),
            ProfileRoute(.django, "DELETE", "/api/users/delete/{user_id}/", .djangoDeleteUser),
            ProfileRoute(.django, "GET", "/api/users/export/", .djangoExportData),
        ])
}
