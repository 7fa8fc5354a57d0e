/// What a route does: the library's dispatch key, one case per endpoint of the four specs.
enum RouteAction: Sendable, Hashable {
    case creatorPutProfile, creatorGetProfile, creatorGetUser, creatorUploadMedia
    case socialOwnProfile, socialProfileByID, socialProfileByUsername, socialUpdateProfile
    case socialFollow, socialUnfollow, socialBlock, socialUnblock, socialChangeUsername
    case mobileGetProfile, mobilePostProfile
    case djangoViewProfile, djangoUpdateUser, djangoDeleteUser
}
