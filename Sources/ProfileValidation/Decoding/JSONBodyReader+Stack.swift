extension JSONBodyReader {
    /// A stack of plain values (path components, keys) held in storage that
    /// ``JSONBodyReader/read(_:maximumDepth:_:)`` lends from its own stack frame, moved to the heap
    /// only when a body nests deeper or names more keys than that storage holds. A typical body
    /// then allocates nothing for the reader's bookkeeping, where two arrays cost an allocation, a
    /// release and a uniqueness check per append each.
    ///
    /// Valid only inside `read`, which calls ``release()``.
    struct Stack<Element: BitwiseCopyable> {
        private var storage: UnsafeMutableBufferPointer<Element>
        /// Whether `storage` is a heap buffer this stack allocated, and must free.
        private var ownsStorage = false
        private(set) var count = 0

        init(lending storage: UnsafeMutableBufferPointer<Element>) {
            self.storage = storage
        }

        @inline(__always)
        mutating func append(_ element: Element) {
            if count == storage.count { grow() }
            storage.initializeElement(at: count, to: element)
            count += 1
        }

        @inline(__always)
        mutating func removeLast() {
            count -= 1
        }

        /// Drops every element from `position` on.
        @inline(__always)
        mutating func removeAll(from position: Int) {
            count = position
        }

        /// The elements from `position` on.
        @inline(__always)
        func elements(from position: Int) -> UnsafeBufferPointer<Element> {
            UnsafeBufferPointer(rebasing: storage[position..<count])
        }

        private mutating func grow() {
            let larger = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(8, storage.count * 2))
            _ = larger.initialize(fromContentsOf: storage[..<count])
            release()
            storage = larger
            ownsStorage = true
        }

        /// Frees the heap buffer the stack moved to, if it did.
        func release() {
            if ownsStorage { storage.deallocate() }
        }
    }
}
