// A correct program that ThreadSanitizer (Swift 6.3.1, Linux) reports as racing: tasks change a
// dictionary only inside `Mutex.withLock`, so every access is ordered by the lock, yet TSan
// reports a "Swift access race" in the closure. `Mutex`'s lock and unlock run in the
// uninstrumented Synchronization runtime (futex on Linux), so TSan never sees the
// happens-before they establish. (An `Int` payload is not reported; a heap-backed one is.)
//
// `unlocked` mode makes the same changes with no lock at all: a real race that the suppression
// in ../tsan.supp must not hide. `run.sh` builds and runs both modes.
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

@main
struct TSanMutexRepro {
    static func main() async {
        let unlocked = CommandLine.arguments.dropFirst().first == "unlocked"
        let table = Table()
        let control = UnlockedTable()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<4 {
                group.addTask {
                    for step in 0..<1000 {
                        let key = (task * 7 + step) % 64
                        if unlocked {
                            control.entries[key] = "x"
                        } else {
                            table.entries.withLock { $0[key] = "x" }
                        }
                    }
                }
            }
        }
        print(
            unlocked ? "unlocked" : "locked", "entries:",
            unlocked ? control.entries.count : table.entries.withLock { $0.count })
    }
}
