//! The page tree of a document written as a stream. A page names its parent node when
//! it is written, long before the tree is, so the nodes right above the pages are given
//! numbers as they are needed, [`FANOUT`] pages each, and written at the end with the
//! nodes above them, which only the end can know. A letter or a small batch has one
//! node, object 1; a large batch a balanced tree, so that no node lists more than
//! [`FANOUT`] kids (ISO 32000-1, annex C, gives 8,191 elements as the array limit of
//! some readers, and a reader finds a page faster in a tree than in one long array).

use super::syntax::{self, File};
use super::WriteError;

/// Kids per page tree node.
pub const FANOUT: usize = 1024;

/// A node and its kids (pages or nodes), in order.
struct Node {
    id: u32,
    /// Pages under it.
    count: usize,
    kids: Vec<u32>,
}

/// The page tree so far: the nodes right above the pages.
pub struct PageTree {
    fanout: usize,
    leaves: Vec<Node>,
    /// Pages placed.
    pages: usize,
}

impl PageTree {
    /// A tree whose first node is the next object of `file`.
    pub fn new(file: &mut File, fanout: usize) -> Result<PageTree, WriteError> {
        let mut tree = PageTree {
            fanout: fanout.max(2),
            leaves: Vec::new(),
            pages: 0,
        };
        tree.leaves.push(Node {
            id: file.reserve()?,
            count: 0,
            kids: Vec::new(),
        });
        Ok(tree)
    }

    /// The parents of the next `count` pages, numbering new nodes in `file` as the
    /// last ones fill up. The pages must then be [`PageTree::add`]ed, in order.
    pub fn parents(&mut self, count: usize, file: &mut File) -> Result<Vec<u32>, WriteError> {
        let mut parents = Vec::with_capacity(count);
        for page in self.pages..self.pages + count {
            let leaf = page / self.fanout;
            if leaf == self.leaves.len() {
                self.leaves.push(Node {
                    id: file.reserve()?,
                    count: 0,
                    kids: Vec::with_capacity(self.fanout),
                });
            }
            parents.push(self.leaves[leaf].id);
        }
        Ok(parents)
    }

    /// Places pages `ids`, whose parents [`PageTree::parents`] gave.
    pub fn add(&mut self, ids: &[u32]) -> Result<(), WriteError> {
        for id in ids {
            let leaf = self
                .leaves
                .get_mut(self.pages / self.fanout)
                .ok_or("a page was placed without a parent")?;
            leaf.kids.push(*id);
            leaf.count += 1;
            self.pages += 1;
        }
        Ok(())
    }

    /// Writes every node, level by level from the pages up, and returns the root's
    /// number.
    pub fn write(self, file: &mut File) -> Result<u32, WriteError> {
        let mut level = self.leaves;
        loop {
            if level.len() == 1 {
                let root = &level[0];
                write_node(file, root, None);
                return Ok(root.id);
            }
            let mut upper = Vec::with_capacity(level.len().div_ceil(self.fanout));
            for group in level.chunks(self.fanout) {
                let id = file.reserve()?;
                for node in group {
                    write_node(file, node, Some(id));
                }
                upper.push(Node {
                    id,
                    count: group.iter().map(|node| node.count).sum(),
                    kids: group.iter().map(|node| node.id).collect(),
                });
            }
            level = upper;
        }
    }
}

fn write_node(file: &mut File, node: &Node, parent: Option<u32>) {
    file.begin(node.id);
    let out = &mut file.bytes;
    out.extend_from_slice(b"<</Type/Pages");
    if let Some(parent) = parent {
        out.extend_from_slice(b"/Parent ");
        syntax::reference(out, parent);
    }
    out.extend_from_slice(b"/Count ");
    syntax::int(out, node.count as i64);
    out.extend_from_slice(b"/Kids[");
    syntax::references(out, node.kids.iter().copied());
    out.extend_from_slice(b"]>>");
    file.end();
}
