import Foundation
import Synchronization

/// A clock tests move by hand, so that timestamps and cooldowns are exact.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_704_067_200)) {  // 2024-01-01T00:00:00Z
        self.current = Mutex(start)
    }

    func now() -> Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
