import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONFileProfileStore {
    /// Creates `directory` (and its parents) when missing, making the new entry durable.
    static func createDirectoryIfMissing(_ directory: String) throws(ProfileStoreError) {
        guard !JSONFilePOSIX.exists(directory) else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(operation: "create directory", path: directory, errno: errno == 0 ? EIO : errno)
        }
        let parent = (directory as NSString).deletingLastPathComponent
        try JSONFilePOSIX.fsyncDirectory(parent.isEmpty ? "." : parent)
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

        var snapshot = JSONFileSnapshot(sequence: 0, state: StoreState())
        if let bytes = try JSONFilePOSIX.readFile(snapshotPath) {
            snapshot = try JSONFileSnapshot.decode(bytes, path: snapshotPath)
        }
        var report = RecoveryReport(snapshotSequence: snapshot.sequence)
        let journalBytes = try JSONFilePOSIX.readFile(journalPath)
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
            if keptLength != length {
                try JSONFilePOSIX.truncate(descriptor, to: keptLength, path: journalPath)
                try JSONFilePOSIX.fsync(descriptor, path: journalPath)
                length = keptLength
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
        } catch {
            JSONFilePOSIX.close(descriptor)
            throw error
        }
        let core = JSONFileStoreCore(
            directory: directory,
            snapshotEvery: options.snapshotEvery,
            state: state,
            sequence: sequence,
            lock: lock,
            journalDescriptor: descriptor,
            journalLength: length,
            journalRecordCount: recordCount
        )
        return (core, report)
    }
}
