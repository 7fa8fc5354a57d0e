extension JSONBodyReader {
    /// The initial storage of the reader's two stacks, held on ``JSONBodyReader/read(_:maximumDepth:_:)``'s
    /// frame as homogeneous tuples (memory bound to a homogeneous tuple is bound to its element
    /// type, so a pointer to the tuple is a pointer to its first element).
    enum FrameStorage {
        typealias Path = (
            PathComponent, PathComponent, PathComponent, PathComponent, PathComponent, PathComponent, PathComponent,
            PathComponent
        )
        typealias Keys = (
            JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey,
            JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey,
            JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey, JSONKey
        )

        /// Eight path components, never read before they are written.
        static var path: Path {
            let unused = PathComponent.index(0)
            return (unused, unused, unused, unused, unused, unused, unused, unused)
        }

        /// Thirty-two keys, never read before they are written.
        static var keys: Keys {
            let unused = JSONKey(bytes: UnsafeBufferPointer(start: nil, count: 0), isASCII: true)
            return (
                unused, unused, unused, unused, unused, unused, unused, unused, unused, unused, unused, unused, unused,
                unused, unused, unused, unused, unused, unused, unused, unused, unused, unused, unused, unused, unused,
                unused, unused, unused, unused, unused, unused
            )
        }

        /// The elements of the homogeneous tuple at `tuple`, as a buffer (a homogeneous tuple's stride
        /// is its count times its element's stride).
        @inline(__always)
        static func elements<Tuple, Element>(
            of tuple: UnsafeMutablePointer<Tuple>, as element: Element.Type
        ) -> UnsafeMutableBufferPointer<Element> {
            UnsafeMutableBufferPointer(
                start: UnsafeMutableRawPointer(tuple).assumingMemoryBound(to: Element.self),
                count: MemoryLayout<Tuple>.stride / MemoryLayout<Element>.stride)
        }
    }
}
