import ProfileStore

/// The parts of a `.corrupt` error, so that tests can compare them one by one.
extension ProfileStoreError {
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
