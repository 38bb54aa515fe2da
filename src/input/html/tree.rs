//! The depth-first walk over the page without recursion ([`TreeWalk`]), and the page's shape.

use dom_query::{Document, NodeId, NodeRef};

/// One step of a [`TreeWalk`].
#[derive(Clone, Copy)]
pub(super) enum Visit<'a> {
    Enter(NodeRef<'a>),
    Exit(NodeRef<'a>),
}

/// Depth-first walk over the descendants of a node without recursion (a page of thousands of
/// nested elements would overflow the stack): each node is entered, its children are walked
/// unless [`TreeWalk::skip_children`] is called right after entering it, then it is exited.
/// Both tree walks of this module ([`shape`], [`walk`](super::blocks::walk)) use it.
pub(super) struct TreeWalk<'a> {
    root: NodeId,
    /// The node of the last step, and whether that step exited it.
    at: Option<(NodeRef<'a>, bool)>,
    skip: bool,
}

impl<'a> TreeWalk<'a> {
    /// Walks the descendants of `root` (not `root` itself).
    pub(super) fn new(root: NodeRef<'a>) -> Self {
        TreeWalk { root: root.id, at: Some((root, false)), skip: false }
    }

    /// Do not walk the children of the node just entered.
    pub(super) fn skip_children(&mut self) {
        self.skip = true;
    }
}

impl<'a> Iterator for TreeWalk<'a> {
    type Item = Visit<'a>;

    fn next(&mut self) -> Option<Visit<'a>> {
        let (node, exited) = self.at.take()?;
        let skip = std::mem::take(&mut self.skip);
        let step = if !exited {
            // Just entered: the first child is next, else the node is exited.
            match node.first_child().filter(|_| !skip) {
                Some(child) => Visit::Enter(child),
                None if node.id == self.root => return None,
                None => Visit::Exit(node),
            }
        } else if let Some(sibling) = node.next_sibling() {
            Visit::Enter(sibling)
        } else {
            // The last child was exited: its parent is exited next.
            match node.parent() {
                Some(parent) if parent.id != self.root => Visit::Exit(parent),
                _ => return None,
            }
        };
        self.at = Some(match step {
            Visit::Enter(n) => (n, false),
            Visit::Exit(n) => (n, true),
        });
        Some(step)
    }
}

/// The number of elements and the depth of the deepest node.
pub(super) fn shape(doc: &Document) -> (usize, usize) {
    let (mut elements, mut depth, mut max_depth) = (0, 0, 0);
    for visit in TreeWalk::new(doc.root()) {
        match visit {
            Visit::Enter(node) => {
                elements += usize::from(node.is_element());
                depth += 1;
                max_depth = max_depth.max(depth);
            }
            Visit::Exit(_) => depth -= 1,
        }
    }
    (elements, max_depth)
}
