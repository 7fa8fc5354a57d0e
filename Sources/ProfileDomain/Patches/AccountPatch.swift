/// A partial update of the contact points of an ``Account``: email and phone number.
///
/// Only the Django spec changes these in its profile update; the social spec refuses them there
/// and sends clients to its account API. Changing either clears its verification flag.
/// Verification, 2FA, lock and roles have no patch field: no client request changes them.
public struct AccountPatch: Sendable, Hashable {
    /// The email address: `null` removes it.
    public var email: PatchField<String>
    /// The phone number: `null` removes it.
    public var phoneNumber: PatchField<String>

    /// Creates a patch; both fields default to absent.
    public init(email: PatchField<String> = .absent, phoneNumber: PatchField<String> = .absent) {
        self.email = email
        self.phoneNumber = phoneNumber
    }

    /// A patch that names nothing.
    public static let empty = AccountPatch()

    /// Whether the patch names no field.
    public var isEmpty: Bool { !email.isPresent && !phoneNumber.isPresent }
}

extension Account {
    /// The account with `patch` merged in, and whether anything changed.
    ///
    /// A changed email clears ``isEmailVerified``; a changed phone clears ``isPhoneVerified``.
    /// Setting the stored value again is no change and keeps verification.
    public func applying(_ patch: AccountPatch) -> (account: Account, changed: Bool) {
        var account = self
        let email = patch.email.merged(over: self.email)
        if email != self.email {
            account.email = email
            account.isEmailVerified = false
        }
        let phone = patch.phoneNumber.merged(over: self.phoneNumber)
        if phone != self.phoneNumber {
            account.phoneNumber = phone
            account.isPhoneVerified = false
        }
        return (account, account != self)
    }
}
