/// The follow and block edges between a viewer and the user they look at, and the four flags of
/// the social spec derived from them.
///
/// Edges are directed: ``viewerFollowsSubject`` is the edge viewer -> subject. A block removes
/// follows both ways (the store enforces it), so a consistent relationship never has a follow and
/// a block between the same pair.
public struct Relationship: Sendable, Hashable, Codable {
    /// The edge viewer -> subject of kind follow.
    public var viewerFollowsSubject: Bool
    /// The edge subject -> viewer of kind follow.
    public var subjectFollowsViewer: Bool
    /// The edge viewer -> subject of kind block.
    public var viewerBlocksSubject: Bool
    /// The edge subject -> viewer of kind block.
    public var subjectBlocksViewer: Bool

    /// Creates a relationship from its four directed edges; each defaults to absent.
    public init(
        viewerFollowsSubject: Bool = false,
        subjectFollowsViewer: Bool = false,
        viewerBlocksSubject: Bool = false,
        subjectBlocksViewer: Bool = false
    ) {
        self.viewerFollowsSubject = viewerFollowsSubject
        self.subjectFollowsViewer = subjectFollowsViewer
        self.viewerBlocksSubject = viewerBlocksSubject
        self.subjectBlocksViewer = subjectBlocksViewer
    }

    /// No edge either way.
    public static let none = Relationship()

    /// The social spec's `isFollowing`: the viewer follows the subject.
    public var isFollowing: Bool { viewerFollowsSubject }
    /// The social spec's `isFollowedBy`: the subject follows the viewer.
    public var isFollowedBy: Bool { subjectFollowsViewer }
    /// The social spec's `isBlocked`: the viewer has blocked the subject.
    public var isBlocked: Bool { viewerBlocksSubject }
    /// The social spec's `isBlockedBy`: the subject has blocked the viewer.
    public var isBlockedBy: Bool { subjectBlocksViewer }

    /// The same edges seen from the subject's side.
    public var reversed: Relationship {
        Relationship(
            viewerFollowsSubject: subjectFollowsViewer,
            subjectFollowsViewer: viewerFollowsSubject,
            viewerBlocksSubject: subjectBlocksViewer,
            subjectBlocksViewer: viewerBlocksSubject
        )
    }
}
