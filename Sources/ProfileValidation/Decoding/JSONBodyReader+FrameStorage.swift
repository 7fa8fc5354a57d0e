extension JSONBodyReader {
    /// The initial storage of the reader's two stacks, held on ``JSONBodyReader/read(_:maximumDepth:_:)``'s
    /// frame as homogeneous tuples (memory bound to a homogeneous tuple is bound to its element
    /// type, so a pointer to the tuple is a pointer to its first element).
    ///
    /// A buffer of `n` elements spans `n` strides (a move to the heap copies that many bytes), but
    /// a tuple of `n` elements ends `stride - size` bytes sooner: its last element has no tail
    /// padding. So each tuple has one element more than the buffer it lends (9 for 8 path
    /// components, 33 for 32 keys), and ``elements(of:as:)`` counts whole strides within the tuple's
    /// size. AddressSanitizer caught the 8-element version reading 7 bytes past the tuple.
    enum FrameStorage {
        typealias Path = (
            PathComponent, PathComponent, PathComponent, PathComponent, PathComponent, PathComponent, PathComponent,
            PathComponent, PathComponent
        )
        typealias Keys = (
            JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey,
            JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey,
            JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey
        )

        /// Nine path components (room for eight in the buffer), never read before they are written.
        static var path: Path {
            let unused = PathComponent.index(0)
            return (unused, unused, unused, unused, unused, unused, unused, unused, unused)
        }

        /// Thirty-three keys (room for thirty-two in the buffer), never read before they are written.
        static var keys: Keys {
            let unused = JSONKey(bytes: UnsafeBufferPointer(start: nil, count: 0), isASCII: true)
            return (
                unused, unused, unused, unused, unused, unused, unused, unused, unused, unused, unused, unused, unused,
                unused, unused, unused, unused, unused, unused, unused, unused, unused, unused, unused, unused, unused,
                unused, unused, unused, unused, unused, unused, unused
            )
        }

        /// The elements of the homogeneous tuple at `tuple` whose whole stride lies within the
        /// tuple's size, as a buffer: every byte the buffer spans belongs to the tuple.
        @inline(__always)
        static func elements<Tuple, Element>(
            of tuple: UnsafeMutablePointer<Tuple>, as element: Element.Type
        ) -> UnsafeMutableBufferPointer<Element> {
            UnsafeMutableBufferPointer(
                start: UnsafeMutableRawPointer(tuple).assumingMemoryBound(to: Element.self),
                count: MemoryLayout<Tuple>.size / MemoryLayout<Element>.stride)
        }
    }
}
