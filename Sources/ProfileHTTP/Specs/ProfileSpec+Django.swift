extension ProfileSpec {
    /// The Django REST API: `POST /api/users/profile/` (and `GET`),
    /// `PUT|PATCH /api/users/update-profile/{pk}/` (JSON or multipart with an `avatar` file),
    /// `DELETE /api/users/delete/{user_id}/` (immediate, as the spec promises), `GET /api/users/export/`
    /// (the caller's data export), the account lifecycle (`deactivate/`, `request-deletion/`, ...,
    /// `suspend/{user_id}/`, `account-state/{user_id}/`, ...), under `ValidationPolicy.django`.
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
            // The account lifecycle (`Docs/Specs/django.md`), function-view style like `delete/<user_id>/`.
            ProfileRoute(.django, "POST", "/api/users/deactivate/", .lifecycle(.deactivate)),
            ProfileRoute(.django, "POST", "/api/users/reactivate/", .lifecycle(.reactivate)),
            ProfileRoute(.django, "POST", "/api/users/request-deletion/", .lifecycle(.requestDeletion)),
            ProfileRoute(.django, "POST", "/api/users/cancel-deletion/", .lifecycle(.cancelDeletion)),
            ProfileRoute(.django, "GET", "/api/users/account-state/", .lifecycle(.accountState)),
            ProfileRoute(.django, "GET", "/api/users/username-history/", .lifecycle(.usernameHistory)),
            ProfileRoute(.django, "POST", "/api/users/suspend/{user_id}/", .lifecycle(.suspend), bodies: [.json]),
            ProfileRoute(.django, "POST", "/api/users/reinstate/{user_id}/", .lifecycle(.reinstate)),
            ProfileRoute(.django, "POST", "/api/users/purge/{user_id}/", .lifecycle(.purge)),
            ProfileRoute(.django, "GET", "/api/users/account-state/{user_id}/", .lifecycle(.userAccountState)),
            ProfileRoute(.django, "GET", "/api/users/username-history/{user_id}/", .lifecycle(.userUsernameHistory)),
            ProfileRoute(.django, "POST", "/api/users/release-username/{username}/", .lifecycle(.releaseUsernameHold)),
        ])
}
