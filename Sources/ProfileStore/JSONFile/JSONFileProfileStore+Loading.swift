import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONFileProfileStore {
    /// The content of the `STORE` marker, written once when a store is created.
    static let storeMarkerContent = Array("ProfileKit JSONFileProfileStore: keep this file with journal.jsonl\n".utf8)

    /// The error for a directory that holds no store when opening may not create one.
    static func noStore(in directory: String) -> ProfileStoreError {
        .io(
            operation: "open a store (the directory holds none; pass `creation: .createIfMissing` to create one)",
            path: directory, errno: ENOENT)
    }

    /// Whether `directory` has any of the files a store leaves: `STORE`, the journal or a snapshot.
    static func holdsStore(_ directory: String) -> Bool {
        [storeMarkerFileName, journalFileName, snapshotFileName].contains { JSONFilePOSIX.exists(directory + "/" + $0) }
    }

    /// Refuses a directory without a store unless opening may create one, and then creates the
    /// directory (and its parents) when missing, making the new entry durable. Runs before the
    /// lock is taken, so that a refused open leaves no `LOCK` behind.
    static func prepareDirectory(_ directory: String, creation: Options.Creation) throws(ProfileStoreError) {
        guard creation == .createIfMissing else {
            guard holdsStore(directory) else { throw noStore(in: directory) }
            return
        }
        guard !JSONFilePOSIX.exists(directory) else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(operation: "create directory", path: directory, errno: errno == 0 ? EIO : errno)
        }
        let parent = (directory as NSString).deletingLastPathComponent
        try JSONFilePOSIX.fsyncDirectory(parent.isEmpty ? "." : parent)
    }

    /// Writes the `STORE` marker durably: from then on, a missing journal is refused as corrupt.
    private static func writeStoreMarker(in directory: String) throws(ProfileStoreError) {
        let path = directory + "/" + storeMarkerFileName
        let descriptor = try JSONFilePOSIX.open(path, flags: O_WRONLY | O_CREAT | O_TRUNC)
        defer { JSONFilePOSIX.close(descriptor) }
        try JSONFilePOSIX.writeAll(descriptor, storeMarkerContent, path: path)
        try JSONFilePOSIX.fsync(descriptor, path: path)
        try JSONFilePOSIX.fsyncDirectory(directory)
    }

    /// Reads and verifies everything, then (and only then) repairs what a crash left behind and
    /// opens the journal for appending.
    static func load(
        directory: String,
        options: Options,
        lock: JSONFileLockRegistry.Held
    ) throws(ProfileStoreError) -> (JSONFileStoreCore, RecoveryReport) {
        let snapshotPath = directory + "/" + snapshotFileName
        let journalPath = directory + "/" + journalFileName
        let temporaryPath = directory + "/" + snapshotTemporaryFileName
        let hasMarker = JSONFilePOSIX.exists(directory + "/" + storeMarkerFileName)

        let journalBytes = try JSONFilePOSIX.readFile(journalPath)
        if journalBytes == nil {
            // Every store written since the marker exists keeps its journal, even when empty.
            if hasMarker {
                throw .corrupt(
                    file: journalPath, offset: 0,
                    reason: "the journal is missing but STORE says a store was created here: its files were "
                        + "removed or another volume is mounted; restore them (removing STORE starts an empty store)"
                )
            }
            if !JSONFilePOSIX.exists(snapshotPath), options.creation == .openExisting { throw noStore(in: directory) }
        }
        let loadedSnapshot = try JSONFileSnapshot.load(path: snapshotPath)
        let snapshot = loadedSnapshot ?? JSONFileSnapshot(sequence: 0, state: StoreState())
        var report = RecoveryReport(snapshotSequence: snapshot.sequence)
        report.createdStore = journalBytes == nil && loadedSnapshot == nil
        let journal = try JSONFileJournal(
            bytes: journalBytes ?? [], path: journalPath, snapshotSequence: snapshot.sequence)
        var state = snapshot.state
        for entry in journal.entries {
            do {
                try state.apply(entry.mutation)
            } catch {
                throw .corrupt(
                    file: journalPath,
                    offset: entry.offset,
                    reason: "record \(entry.sequence) (\(entry.mutation.summary)) cannot be applied: \(error)"
                )
            }
        }
        let sequence = journal.entries.last?.sequence ?? snapshot.sequence
        report.replayedRecordCount = journal.entries.count
        report.skippedRecordCount = journal.skippedCount
        report.discardedTail = journal.tornTail

        // Everything is verified: from here on the files may change.
        let journalExisted = journalBytes != nil
        let descriptor = try JSONFilePOSIX.open(journalPath, flags: O_WRONLY | O_APPEND | O_CREAT)
        var length = journalBytes?.count ?? 0
        var recordCount = journal.recordCount
        do {
            // A journal whose records the snapshot all holds is the end of an interrupted
            // rotation: emptying it keeps the next sequence number adjacent to the last one.
            let keptLength = journal.entries.isEmpty ? 0 : journal.validLength
            let restoresLineEnd = journal.lacksFinalLineEnd && !journal.entries.isEmpty
            if keptLength != length || restoresLineEnd {
                try JSONFilePOSIX.truncate(descriptor, to: keptLength, path: journalPath)
                length = keptLength
                if restoresLineEnd {
                    try JSONFilePOSIX.writeAll(descriptor, [UInt8(ascii: "\n")], path: journalPath)
                    length += 1
                    report.restoredFinalLineEnd = true
                }
                try JSONFilePOSIX.fsync(descriptor, path: journalPath)
                recordCount = journal.entries.count
            }
            // Leftovers of a snapshot or a journal swap cut short; the files they were to
            // replace are still complete.
            for leftover in [temporaryPath, directory + "/" + journalTemporaryFileName]
            where JSONFilePOSIX.exists(leftover) {
                try JSONFilePOSIX.unlink(leftover)
                report.removedTemporaryFiles = true
            }
            if !journalExisted || report.removedTemporaryFiles {
                try JSONFilePOSIX.fsyncDirectory(directory)
            }
            // Written after the journal's entry is durable, so that a crash in between leaves a
            // journal without a marker (opens, and gets one), never a marker without a journal.
            if !hasMarker { try writeStoreMarker(in: directory) }
        } catch {
            JSONFilePOSIX.close(descriptor)
            throw error
        }
        var core = JSONFileStoreCore(
            directory: directory,
            snapshotEvery: options.snapshotEvery,
            state: state,
            sequence: sequence,
            lock: lock,
            journalDescriptor: descriptor,
            journalLength: length,
            journalRecordCount: recordCount
        )
        // A deletion in the journal was acknowledged but perhaps not erased before the last run
        // ended (a crash, or a close without a snapshot); records the snapshot superseded are
        // stale copies. Either way a compaction starts once the store is open.
        if journal.skippedCount > 0 || journal.entries.contains(where: { JSONFileErasureSchedule.erases($0.mutation) })
        {
            core.erasure.deleted(at: sequence)
        }
        return (core, report)
    }
}
