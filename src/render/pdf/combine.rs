//! Many letters in one PDF, for printing: each letter is rendered on its own (its
//! pages, its "Page 2 of 3", its signature image, its font subsets) and the finished
//! documents are then merged with lopdf: objects renumbered, every letter's pages
//! gathered in row order under one /Pages, one /Info titled with the campaign, the
//! /Lang of the first letter, and a content-hash /ID so the result is byte-reproducible.
//!
//! Memory grows with the number of letters: every letter's bytes are held until the
//! merged file is written (about 30 KB for a one-page signed letter, so 10,000 letters
//! take some 300 MB while merging, and more for the parsed objects). For very large
//! campaigns write one PDF per letter, or split the batch with `--shard`.

use lopdf::xref::XrefType;
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::writer::{self, WriteError};

/// Attributes a page may inherit from its page-tree ancestors.
const INHERITABLE: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// Merges finished letter PDFs (in the order given) into one document titled `title`.
pub fn combine(letters: &[Vec<u8>], title: &str) -> Result<Vec<u8>, WriteError> {
    let mut merged = Document::with_version("1.7");
    // A classic xref table and trailer, as single letters have (the /ID goes there).
    merged.reference_table.cross_reference_type = XrefType::CrossReferenceTable;
    let pages_id = merged.new_object_id();
    let mut kids = Vec::new();
    let mut language: Option<Object> = None;
    let mut info = Dictionary::new();
    for (index, bytes) in letters.iter().enumerate() {
        let mut letter = Document::load_mem(bytes)
            .map_err(|e| format!("letter {} could not be read back: {e}", index + 1))?;
        letter.renumber_objects_with(merged.max_id + 1);
        let root = trailer_reference(&letter, b"Root")?;
        let info_id = trailer_reference(&letter, b"Info").ok();
        let catalog = letter.get_dictionary(root).map_err(|e| e.to_string())?;
        let tree = catalog
            .get(b"Pages")
            .and_then(Object::as_reference)
            .map_err(|e| e.to_string())?;
        if index == 0 {
            language = catalog.get(b"Lang").ok().cloned();
            if let Some(Ok(first)) = info_id.map(|id| letter.get_dictionary(id)) {
                for key in [&b"Creator"[..], b"Producer", b"CreationDate", b"ModDate"] {
                    if let Ok(value) = first.get(key) {
                        info.set(key, value.clone());
                    }
                }
            }
        }
        let page_ids: Vec<ObjectId> = letter.get_pages().into_values().collect();
        for page_id in &page_ids {
            let inherited = inherited_attributes(&letter, *page_id);
            let page = letter
                .get_dictionary_mut(*page_id)
                .map_err(|e| e.to_string())?;
            for (key, value) in inherited {
                if !page.has(&key) {
                    page.set(key, value);
                }
            }
            page.set("Parent", Object::Reference(pages_id));
            kids.push(Object::Reference(*page_id));
        }
        // The letter's own catalog, page tree nodes and /Info are replaced by the
        // merged document's; everything else moves over.
        let mut dropped = vec![root, tree];
        dropped.extend(info_id);
        dropped.extend(page_tree_nodes(&letter, tree));
        merged.max_id = merged.max_id.max(letter.max_id);
        for (id, object) in letter.objects {
            if !dropped.contains(&id) {
                merged.objects.insert(id, object);
            }
        }
    }
    if kids.is_empty() {
        return Err("no letters to combine".to_string());
    }

    let mut pages = Dictionary::new();
    pages.set("Type", Object::Name(b"Pages".to_vec()));
    pages.set("Count", Object::Integer(kids.len() as i64));
    pages.set("Kids", Object::Array(kids));
    merged.objects.insert(pages_id, Object::Dictionary(pages));

    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    if let Some(language) = language {
        catalog.set("Lang", language);
    }
    let mut preferences = Dictionary::new();
    preferences.set("DisplayDocTitle", true);
    catalog.set("ViewerPreferences", preferences);
    let catalog_id = merged.add_object(catalog);

    info.set("Title", writer::text_string(title));
    let info_id = merged.add_object(info);

    merged.trailer.set("Root", Object::Reference(catalog_id));
    merged.trailer.set("Info", Object::Reference(info_id));
    let placeholder = Object::String(writer::ID_PLACEHOLDER.to_vec(), StringFormat::Hexadecimal);
    merged
        .trailer
        .set("ID", Object::Array(vec![placeholder.clone(), placeholder]));
    merged.prune_objects();
    merged.compress();
    let mut bytes = Vec::new();
    merged.save_to(&mut bytes).map_err(|e| e.to_string())?;
    writer::set_id(&mut bytes)?;
    Ok(bytes)
}

fn trailer_reference(doc: &Document, key: &[u8]) -> Result<ObjectId, WriteError> {
    doc.trailer
        .get(key)
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())
}

/// What a page inherits from its ancestors (the nearest one wins).
fn inherited_attributes(doc: &Document, page: ObjectId) -> Vec<(Vec<u8>, Object)> {
    let mut found: Vec<(Vec<u8>, Object)> = Vec::new();
    let mut parent = doc
        .get_dictionary(page)
        .and_then(|d| d.get(b"Parent"))
        .and_then(Object::as_reference)
        .ok();
    let mut depth = 0;
    while let Some(id) = parent {
        let Ok(node) = doc.get_dictionary(id) else {
            break;
        };
        for key in INHERITABLE {
            if !found.iter().any(|(k, _)| k == key) {
                if let Ok(value) = node.get(key) {
                    found.push((key.to_vec(), value.clone()));
                }
            }
        }
        parent = node.get(b"Parent").and_then(Object::as_reference).ok();
        depth += 1;
        if depth > 64 {
            break;
        }
    }
    found
}

/// The intermediate /Pages nodes under `tree` (not the pages themselves).
fn page_tree_nodes(doc: &Document, tree: ObjectId) -> Vec<ObjectId> {
    let mut nodes = Vec::new();
    let mut stack = vec![tree];
    while let Some(id) = stack.pop() {
        let Ok(node) = doc.get_dictionary(id) else {
            continue;
        };
        let is_tree = node
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|name| name == b"Pages");
        if !is_tree || nodes.len() > 10_000 {
            continue;
        }
        if id != tree {
            nodes.push(id);
        }
        if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
            stack.extend(kids.iter().filter_map(|kid| kid.as_reference().ok()));
        }
    }
    nodes
}
