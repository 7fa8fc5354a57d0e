// A correct program that ThreadSanitizer (Swift 6.3.1, Linux) reports as racing: two threads
// change a dictionary only inside `Mutex.withLock`, so every access is ordered by the lock, yet
// TSan reports a "Swift access race" in the closure. `Mutex`'s lock and unlock run in the
// uninstrumented Synchronization runtime (futex on Linux), so TSan never sees the
// happens-before they establish. (An `Int` payload is not reported; a heap-backed one is.)
//
// `unlocked` mode makes the same changes with no lock at all: a real race that the suppression
// in ../tsan.supp must not hide. `run.sh` builds and runs both modes.
//
// Both modes run on two POSIX threads, not tasks: the tasks of a group may all run one after
// another on one worker thread of the cooperative pool (it happened on a loaded 2-core machine),
// and accesses one thread makes in program order are no race to TSan, so the control sometimes
// reported nothing. Nothing orders two threads for TSan, so their accesses race on every run.
// Linux only, as the false positive is: the threads are Glibc's.
import Glibc
import Synchronization

/// A dictionary whose every access goes through the mutex.
final class Table: Sendable {
    let entries = Mutex<[Int: String]>([:])
}

/// The same dictionary with no lock: the control case, a real race.
final class UnlockedTable: @unchecked Sendable {
    // Deliberately unsynchronized (the point of the control case); never do this in the project.
    var entries: [Int: String] = [:]
}

/// Both tables are globals because a C thread entry point captures nothing.
let table = Table()
let control = UnlockedTable()

/// Whether the threads use the control table (`unlocked` on the command line).
let unlocked = CommandLine.arguments.dropFirst().first == "unlocked"

/// Makes the changes of one thread, numbered by its argument.
func changeEntries(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    let thread = Int(bitPattern: argument)
    for step in 0..<1000 {
        let key = (thread * 7 + step) % 64
        if unlocked {
            control.entries[key] = "x"
        } else {
            table.entries.withLock { $0[key] = "x" }
        }
    }
    return nil
}

var threads = [pthread_t](repeating: 0, count: 2)
for index in threads.indices {
    pthread_create(&threads[index], nil, changeEntries, UnsafeMutableRawPointer(bitPattern: index + 1))
}
for thread in threads {
    pthread_join(thread, nil)
}
print(
    unlocked ? "unlocked" : "locked", "entries:",
    unlocked ? control.entries.count : table.entries.withLock { $0.count })
