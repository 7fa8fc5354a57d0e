/// Every JSON body the four specs show, verbatim (the creator request without its `// Optional`
/// comment, which is not JSON).
enum SpecSamples {
    enum Creator {
        static let request = #"""
            {
              "username": "john_doe",
              "displayName": "John Doe",
              "bio": "Content creator and influencer",
              "niche": ["fitness", "lifestyle"],
              "location": {
                "city": "New York",
                "state": "NY",
                "country": "USA"
              },
              "socialLinks": {
                "instagram": "https://instagram.com/johndoe",
                "tiktok": "https://tiktok.com/@johndoe"
              },
              "avatar": "https://cdn.example.com/avatar.jpg"
            }
            """#

        static let success = #"""
            {
              "success": true,
              "profile": {
                "id": "profile_id",
                "userId": "user_id",
                "username": "john_doe",
                "displayName": "John Doe",
                "bio": "Content creator and influencer",
                "niche": ["fitness", "lifestyle"],
                "location": {
                  "city": "New York",
                  "state": "NY",
                  "country": "USA"
                },
                "socialLinks": {
                  "instagram": "https://instagram.com/johndoe",
                  "tiktok": "https://tiktok.com/@johndoe"
                },
                "avatar": "https://cdn.example.com/avatar.jpg",
                "createdAt": "2024-01-01T00:00:00Z",
                "updatedAt": "2024-01-01T00:00:00Z"
              }
            }
            """#

        static let notFound = #"""
            { "success": false, "message": "An unexpected error occurred while updating the profile.", "error": "Profile not found" }
            """#

        static let usernameTaken = #"""
            {
              "success": false,
              "message": "Username is already taken",
              "error": "Username already exists"
            }
            """#
    }

    enum Social {
        static let meSuccess = #"""
            { "success": true, "httpStatus": "OK", "message": "Profile retrieved successfully", "action_time": "2026-05-19T10:30:45", "data": { "id": "550e8400-e29b-41d4-a716-446655440000", "userName": "john_doe", "firstName": "John", "lastName": "Doe", "middleName": null, "email": "john@example.com", "phoneNumber": "+254712345678", "bio": "Building cool things.", "location": "Nairobi, Kenya", "profilePictureUrls": [ "https://cdn.example.com/profiles/john_main.jpg" ], "isVerified": true, "isEmailVerified": true, "isPhoneVerified": true, "isTwoFactorEnabled": false, "isAccountLocked": false, "followersCount": 1420, "followingCount": 310, "postsCount": 42, "shopsCount": 1, "eventsCount": 3, "createdAt": "2025-12-01T14:00:00", "editedAt": "2026-05-10T08:22:00", "roles": ["ROLE_USER"], "securityStrength": { "score": 50, "level": "MEDIUM", "description": "Your account security is good but can be improved", "recommendations": ["Enable two-factor authentication"] } } }
            """#

        static let meUnauthorized = #"""
            { "success": false, "httpStatus": "UNAUTHORIZED", "message": "Token has expired", "action_time": "2026-05-19T10:30:45", "data": "Token has expired" }
            """#

        static let byIDSuccess = #"""
            { "success": true, "httpStatus": "OK", "message": "Profile retrieved successfully", "action_time": "2026-05-19T10:30:45", "data": { "userId": "550e8400-e29b-41d4-a716-446655440000", "userName": "john_doe", "firstName": "John", "lastName": "Doe", "profilePictureUrl": "https://cdn.example.com/profiles/john_main.jpg", "bio": "Building cool things.", "location": "Nairobi, Kenya", "isVerified": true, "followersCount": 1420, "followingCount": 310, "postsCount": 42, "shopsCount": 1, "eventsCount": 3, "createdAt": "2025-12-01T14:00:00", "isOwnProfile": false, "relationship": { "isFollowing": true, "isFollowedBy": false, "isBlocked": false, "isBlockedBy": false } } }
            """#

        static let byUsernameSuccess = #"""
            { "success": true, "httpStatus": "OK", "message": "Profile retrieved successfully", "action_time": "2026-05-19T10:30:45", "data": { "userId": "550e8400-e29b-41d4-a716-446655440000", "userName": "john_doe", "firstName": "John", "lastName": "Doe", "profilePictureUrl": "https://cdn.example.com/profiles/john_main.jpg", "bio": "Building cool things.", "location": "Nairobi, Kenya", "isVerified": true, "followersCount": 1420, "followingCount": 310, "postsCount": 42, "shopsCount": 1, "eventsCount": 3, "createdAt": "2025-12-01T14:00:00", "isOwnProfile": false, "relationship": { "isFollowing": false, "isFollowedBy": false, "isBlocked": false, "isBlockedBy": false } } }
            """#

        static let notFound = #"""
            { "success": false, "httpStatus": "NOT_FOUND", "message": "User not found", "action_time": "2026-05-19T10:30:45", "data": "User not found" }
            """#

        static let updateRequest = #"""
            { "firstName": "John", "lastName": "Doe", "middleName": "K", "bio": "Building cool things one commit at a time.", "location": "Nairobi, Kenya", "profilePictureUrls": [ "https://cdn.example.com/profiles/john_main.jpg", "https://cdn.example.com/profiles/john_alt.jpg" ] }
            """#

        static let updateSuccess = #"""
            { "success": true, "httpStatus": "OK", "message": "Profile updated successfully", "action_time": "2026-05-19T10:30:45", "data": { "id": "550e8400-e29b-41d4-a716-446655440000", "userName": "john_doe", "firstName": "John", "lastName": "Doe", "middleName": "K", "email": "john@example.com", "phoneNumber": "+254712345678", "bio": "Building cool things one commit at a time.", "location": "Nairobi, Kenya", "profilePictureUrls": [ "https://cdn.example.com/profiles/john_main.jpg", "https://cdn.example.com/profiles/john_alt.jpg" ], "isVerified": true, "isEmailVerified": true, "isPhoneVerified": true, "isTwoFactorEnabled": false, "isAccountLocked": false, "createdAt": "2025-12-01T14:00:00", "editedAt": "2026-05-19T10:30:45", "roles": ["ROLE_USER"], "securityStrength": { "score": 50, "level": "MEDIUM", "description": "Your account security is good but can be improved", "recommendations": ["Enable two-factor authentication"] } } }
            """#

        static let updateValidationFailed = #"""
            { "success": false, "httpStatus": "UNPROCESSABLE_ENTITY", "message": "Validation failed", "action_time": "2026-05-19T10:30:45", "data": { "firstName": "First name must be between 1 and 30 characters", "profilePictureUrls": "Maximum 5 profile pictures allowed" } }
            """#

        static let usernameChangeRequest = #"""
            { "newUsername": "john_doe" }
            """#
    }

    enum Mobile {
        static let request = #"""
            {
              "display_name": "John Smith",
              "preferences": {
                "voice_preference": "alloy",
                "default_scenario": "default"
              }
            }
            """#

        static let updateResponse = #"""
            {
              "success": true,
              "message": "Profile updated successfully",
              "user_profile": {
                "display_name": "John Smith",
                "email": "user@example.com",
                "preferences": {
                  "voice_preference": "alloy",
                  "default_scenario": "default"
                },
                "updated_at": "2024-01-15T10:30:00Z"
              }
            }
            """#

        static let getResponse = #"""
            {
              "user_profile": {
                "display_name": "John Smith",
                "email": "user@example.com",
                "created_at": "2024-01-01T10:00:00Z",
                "preferences": {
                  "voice_preference": "alloy",
                  "default_scenario": "default"
                }
              }
            }
            """#
    }

    enum Django {
        static let profile = #"""
            {
              "id": 1,
              "username": "johndoe",
              "email": "john@example.com",
              "first_name": "John",
              "last_name": "Doe",
              "number_phone": "1234567890",
              "avatar": "/media/avatars/profile_123.jpg"
            }
            """#

        static let updateRequest = #"""
            {
              "first_name": "Jonathan",
              "last_name": "Doe",
              "number_phone": "0987654321"
            }
            """#

        static let phoneOnlyRequest = #"""
            {
              "number_phone": "5551234567"
            }
            """#

        static let updateResponse = #"""
            {
              "id": 1,
              "username": "johndoe",
              "email": "john@example.com",
              "first_name": "Jonathan",
              "last_name": "Doe",
              "number_phone": "0987654321",
              "avatar": "/media/avatars/profile_123.jpg"
            }
            """#

        static let deleted = #"""
            {
              "message": "User deleted successfully"
            }
            """#

        static let notFound = #"""
            {"error": "The user cannot be found in the database."}
            """#

        static let notAuthorized = #"""
            {"error": "Not authorized"}
            """#

        /// Not in the spec, which only says `{...serializer.errors}`: DRF's shape for it.
        static let validationFailed = #"""
            {"first_name": ["Ensure this field has no more than 200 characters."], "number_phone": ["Ensure this field has no more than 10 characters."]}
            """#
    }
}
