//! Bookmarks: in a document of many letters, one outline item a letter, leading to its
//! first page, written as the letters come. An item names the next one, so each is
//! written when the next letter arrives (only the last is held: its title and page);
//! a document of one letter has none.

use super::syntax::{self, File};
use super::WriteError;

/// An item not yet written.
struct Pending {
    title: String,
    page: u32,
    /// Its number, once a second letter made items needed.
    id: Option<u32>,
    previous: Option<u32>,
}

/// The outline so far.
#[derive(Default)]
pub struct Outline {
    root: Option<u32>,
    first: Option<u32>,
    count: usize,
    pending: Option<Pending>,
}

impl Outline {
    /// Adds a letter titled `title` whose first page is `page`: writes the item before.
    pub fn add(&mut self, file: &mut File, title: &str, page: u32) -> Result<(), WriteError> {
        let mut previous = None;
        if let Some(mut before) = self.pending.take() {
            let root = match self.root {
                Some(root) => root,
                None => *self.root.insert(file.reserve()?),
            };
            let id = match before.id {
                Some(id) => id,
                None => file.reserve()?,
            };
            self.first.get_or_insert(id);
            let next = file.reserve()?;
            before.id = Some(id);
            write_item(file, &before, id, root, Some(next));
            previous = Some(id);
            self.pending = Some(Pending {
                title: title.to_string(),
                page,
                id: Some(next),
                previous,
            });
        } else {
            self.pending = Some(Pending {
                title: title.to_string(),
                page,
                id: None,
                previous,
            });
        }
        self.count += 1;
        Ok(())
    }

    /// Writes the last item and the outline's root; returns the root's number, if the
    /// document has more than one letter.
    pub fn finish(self, file: &mut File) -> Option<u32> {
        let root = self.root?;
        let last = self.pending?;
        let last_id = last.id?;
        write_item(file, &last, last_id, root, None);
        file.begin(root);
        let out = &mut file.bytes;
        out.extend_from_slice(b"<</Type/Outlines/First ");
        syntax::reference(out, self.first.unwrap_or(last_id));
        out.extend_from_slice(b"/Last ");
        syntax::reference(out, last_id);
        out.extend_from_slice(b"/Count ");
        syntax::int(out, self.count as i64);
        out.extend_from_slice(b">>");
        file.end();
        Some(root)
    }
}

fn write_item(file: &mut File, item: &Pending, id: u32, root: u32, next: Option<u32>) {
    file.begin(id);
    let out = &mut file.bytes;
    out.extend_from_slice(b"<</Title");
    syntax::text_string(out, &item.title);
    out.extend_from_slice(b"/Parent ");
    syntax::reference(out, root);
    if let Some(previous) = item.previous {
        out.extend_from_slice(b"/Prev ");
        syntax::reference(out, previous);
    }
    if let Some(next) = next {
        out.extend_from_slice(b"/Next ");
        syntax::reference(out, next);
    }
    out.extend_from_slice(b"/Dest[");
    syntax::reference(out, item.page);
    out.extend_from_slice(b"/Fit]>>");
    file.end();
}
