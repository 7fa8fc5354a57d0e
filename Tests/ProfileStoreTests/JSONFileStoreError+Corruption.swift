import ProfileStore

/// The parts of a `.corrupt` error, so that tests can compare them one by one.
extension JSONFileStoreError {
    /// The file a `.corrupt` error names, or `nil` for any other error.
    var corruptFile: String? {
        guard case .corrupt(let file, _, _) = self else { return nil }
        return file
    }

    /// The byte offset a `.corrupt` error names, or `nil` for any other error.
    var corruptOffset: Int? {
        guard case .corrupt(_, let offset, _) = self else { return nil }
        return offset
    }
}

/// The same parts of the JSON-file failure a protocol operation reported.
extension ProfileStoreError {
    /// The file of the `.corrupt` JSON-file failure this error carries, or `nil`.
    var corruptFile: String? { JSONFileStoreError(self)?.corruptFile }

    /// The byte offset of the `.corrupt` JSON-file failure this error carries, or `nil`.
    var corruptOffset: Int? { JSONFileStoreError(self)?.corruptOffset }
}
