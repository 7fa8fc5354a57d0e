import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A user record as a ``StoreState`` holds it: decoded, or still the JSON bytes of a snapshot
/// file, decoded on first use.
///
/// Opening a large JSON-file store decodes no record: a byte scan finds each record's bytes and
/// the keys the indexes need (``UserRecordKeys``), and the record decodes when a read or a write
/// first touches it. The keys travel with the record, so indexing and unindexing never decode.
///
/// `indirect`: a dictionary stores its values inline, and a `UserRecord` is several hundred
/// bytes, so an inline enum would make every slot (even an empty one) that large.
indirect enum StoredUserRecord: Sendable {
    case decoded(UserRecord)
    case encoded(EncodedUserRecord)

    /// A decoded record.
    init(_ record: UserRecord) { self = .decoded(record) }

    /// The keys the unique indexes hold for this record.
    var keys: UserRecordKeys {
        switch self {
        case .decoded(let record): UserRecordKeys(record)
        case .encoded(let encoded): encoded.keys
        }
    }

    /// The record, decoding it when needed.
    ///
    /// - Throws: ``ProfileStoreError/storageFailed(_:)`` carrying
    ///   ``JSONFileStoreError/corrupt(file:offset:reason:)`` (the file and the record's offset)
    ///   when its bytes are not a record, or not the record the keys were read from.
    func record() throws(ProfileStoreError) -> UserRecord {
        switch self {
        case .decoded(let record): record
        case .encoded(let encoded):
            try ProfileStoreError.reporting { () throws(JSONFileStoreError) in try encoded.decode() }
        }
    }
}

extension StoredUserRecord: Equatable {
    /// Equal when the records are: an encoded record equals its decoded form. A record whose
    /// bytes fail to decode equals only a record with the same bytes and keys.
    static func == (lhs: StoredUserRecord, rhs: StoredUserRecord) -> Bool {
        switch (try? lhs.record(), try? rhs.record()) {
        case (let left?, let right?): left == right
        case (nil, nil): lhs.keys == rhs.keys
        default: false
        }
    }
}

/// What the unique indexes of a ``StoreState`` hold for one record.
struct UserRecordKeys: Sendable, Equatable {
    /// The user.
    var user: UserID
    /// The profile's id, when the record has a profile.
    var profile: ProfileID?
    /// The user id the profile names (equal to ``user`` in a consistent record).
    var profileOwner: UserID?
    /// ``Username/canonicalKey`` of the profile's username, when there is one.
    var usernameKey: String?
    /// The username as written, for the error that reports a clash.
    var username: String?
    /// ``Account/emailKey``.
    var emailKey: String?
    /// Whether the record has an account state other than ``ProfileDomain/AccountState/active``
    /// (a `state` key in its bytes): the records a purge run decodes, and no others.
    var hasAccountState: Bool = false

    /// The keys of `record`.
    init(_ record: UserRecord) {
        user = record.userID
        profile = record.profile?.id
        profileOwner = record.profile?.userID
        usernameKey = record.profile?.username?.canonicalKey
        username = record.profile?.username?.rawValue
        emailKey = record.account.emailKey
        hasAccountState = record.state != .active
    }

    /// The keys of a record without a profile, read from its bytes (the email key already
    /// lowercased, as ``ProfileDomain/Account/emailKey`` does); the scan sets the profile's keys.
    init(scannedUser user: UserID, emailKey: String?, hasAccountState: Bool) {
        self.user = user
        self.emailKey = emailKey
        self.hasAccountState = hasAccountState
    }
}

/// Where a not yet decoded record's bytes live: a snapshot file kept open.
protocol EncodedRecordSource: AnyObject, Sendable {
    /// The file's path, for errors.
    var path: String { get }
    /// The `count` bytes at `offset`.
    func bytes(at offset: Int, count: Int) throws(JSONFileStoreError) -> [UInt8]
}

/// A record's JSON bytes in a file, with the keys a byte scan read from them.
struct EncodedUserRecord: Sendable {
    /// The file.
    let source: any EncodedRecordSource
    /// Where the record's JSON object starts in the file.
    let offset: Int
    /// Its length in bytes.
    let count: Int
    /// The keys the scan read.
    let keys: UserRecordKeys

    /// The record's JSON bytes, as in the file.
    func bytes() throws(JSONFileStoreError) -> [UInt8] {
        try source.bytes(at: offset, count: count)
    }

    /// Decodes the record and checks it has the keys the scan read (a JSON object with a key
    /// twice could otherwise read one way for the indexes and another for the record).
    func decode() throws(JSONFileStoreError) -> UserRecord {
        let bytes = try bytes()
        let record: UserRecord
        do {
            record = try JSONDecoder().decode(UserRecord.self, from: Data(bytes))
        } catch {
            throw .corrupt(
                file: source.path, offset: offset,
                reason: "the record at this offset does not decode (it is decoded on first use): \(error)")
        }
        guard UserRecordKeys(record) == keys else {
            throw .corrupt(
                file: source.path, offset: offset,
                reason: "the record at this offset decodes to other keys than the scan at opening read")
        }
        return record
    }
}
