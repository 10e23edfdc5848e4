//! The tags of a template body, found the way Handlebars' grammar finds them but without
//! parsing them: the content of comments and raw blocks (`{{{{raw}}}}…{{{{/raw}}}}`) and
//! escaped braces (`\{{`) are skipped, whitespace control (`~`) is looked through. It
//! lets the limits be checked before Handlebars' parser, which recurses once per level of
//! nesting and works out the line and column of every tag by counting from the start.
//!
//! A tag's text runs to the first `}}`. Where Handlebars could read further (a `}}` inside
//! a quoted string, a nested object literal) the tag is refused as unreadable, so that no
//! block can hide from the count inside what looks like one tag; so is a `{{!--` comment
//! never closed with `--}}`, which Handlebars would search to the end of the body for.

use memchr::memmem;

/// What a tag is, as far as the limits care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `{{#name …}}`: opens a block.
    Open,
    /// `{{/name}}`: closes the innermost block.
    Close,
    /// `{{else}}` or `{{^}}`: the block's inverse part begins.
    Else,
    /// `{{else if …}}` or `{{^name …}}`: a link of an else chain, which Handlebars nests
    /// one level deeper than the link before it.
    ElseChain,
    /// `{{{{name}}}}`: a raw block, whose content is never read as tags.
    RawBlock,
    /// `{{! … }}` or `{{!-- … --}}`.
    Comment,
    /// `{{> name}}` or `{{#> name}}`: a partial.
    Partial,
    /// `{{*name}}` or `{{#*inline …}}`: a decorator (such as an inline partial).
    Decorator,
    /// `{{{name}}}` or `{{&name}}`: a value without escaping.
    Unescaped,
    /// Anything else: a value, a helper, a raw block's end.
    Other,
}

/// One tag, where it starts and how deep its parentheses and brackets nest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    pub kind: Kind,
    /// Line and column (in characters) of the tag's first brace, from 1.
    pub line: usize,
    pub column: usize,
    /// The deepest nesting of `(`, `[` and `{` inside the tag.
    pub nesting: usize,
}

/// A tag that cannot be read safely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

const NEVER_CLOSED: &str = "this tag is never closed: end it with `}}`";
const COMMENT_NEVER_CLOSED: &str =
    "this comment opens with `{{!--` but is never closed with `--}}`: close it so, or write a short comment as `{{! … }}`";
const NOT_CLOSED_INSIDE: &str = "this tag cannot be read: a quote, parenthesis, bracket or brace opened in it is not closed before `}}` (quotes inside `[…]` are not supported)";

/// Walks the tags of a body in order.
pub struct Tags<'a> {
    source: &'a str,
    /// Where reading goes on.
    at: usize,
    /// Inside a raw block: its content is text up to the next `{{{{`.
    in_raw: bool,
    /// Up to where lines and columns were counted, and the line and column there.
    counted: usize,
    line: usize,
    column: usize,
}

impl<'a> Tags<'a> {
    pub fn new(source: &'a str) -> Tags<'a> {
        Tags {
            source,
            at: 0,
            in_raw: false,
            counted: 0,
            line: 1,
            column: 1,
        }
    }

    /// Line and column of byte `pos`, which is never before a position asked for
    /// earlier (so that all of them together take one pass over the source).
    fn position(&mut self, pos: usize) -> (usize, usize) {
        for &byte in &self.source.as_bytes()[self.counted..pos] {
            if byte == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if byte & 0xC0 != 0x80 {
                // Not a UTF-8 continuation byte: a character begins.
                self.column += 1;
            }
        }
        self.counted = pos;
        (self.line, self.column)
    }

    /// The next `{{` from `self.at` that is not escaped, skipping escaped ones; with
    /// `four`, the next `{{{{` (the end of a raw block's content).
    fn next_open(&mut self, four: bool) -> Option<usize> {
        let bytes = self.source.as_bytes();
        loop {
            let found = self.at + memmem::find(&bytes[self.at..], b"{{")?;
            let backslashes = bytes[self.at..found]
                .iter()
                .rev()
                .take_while(|&&b| b == b'\\')
                .count();
            if backslashes == 1 {
                // `\{{` (and `\{{{{`) is text.
                let skip = if bytes[found + 2..].starts_with(b"{{") {
                    4
                } else {
                    2
                };
                self.at = found + skip;
                continue;
            }
            if four && !bytes[found..].starts_with(b"{{{{") {
                self.at = found + 1;
                continue;
            }
            return Some(found);
        }
    }

    fn unreadable(&mut self, pos: usize, message: &'static str) -> Unreadable {
        let (line, column) = self.position(pos);
        // Nothing after an unreadable tag is read.
        self.at = self.source.len();
        Unreadable {
            line,
            column,
            message,
        }
    }

    /// Reads the tag that starts at `start`.
    fn read(&mut self, start: usize) -> Result<Tag, Unreadable> {
        let source = self.source;
        let rest = &source[start..];
        if rest.starts_with("{{!") {
            // `{{!-- … --}}` may hold `}}`; `{{! … }}` ends at the first.
            let (skip, end) = if rest.starts_with("{{!--") {
                (5, "--}}")
            } else {
                (3, "}}")
            };
            let Some(len) = memmem::find(&rest.as_bytes()[skip..], end.as_bytes()) else {
                let message = if skip == 5 {
                    COMMENT_NEVER_CLOSED
                } else {
                    NEVER_CLOSED
                };
                return Err(self.unreadable(start, message));
            };
            self.at = start + skip + len + end.len();
            let (line, column) = self.position(start);
            return Ok(Tag {
                kind: Kind::Comment,
                line,
                column,
                nesting: 0,
            });
        }
        let (open, close) = if rest.starts_with("{{{{") {
            (4, "}}}}")
        } else {
            (2, "}}")
        };
        let Some(len) = memmem::find(&rest.as_bytes()[open..], close.as_bytes()) else {
            return Err(self.unreadable(start, NEVER_CLOSED));
        };
        let end = start + open + len;
        self.at = end + close.len();
        let inner = source[start + open..end]
            .trim_matches(is_space)
            .trim_start_matches('~')
            .trim_end_matches('~')
            .trim_matches(is_space);
        let kind = if open == 4 {
            if inner.starts_with('/') {
                Kind::Other
            } else {
                self.in_raw = true;
                Kind::RawBlock
            }
        } else {
            kind_of(inner)
        };
        // Triple braces: `{{{name}}}` leaves `{name` here, `{{~{name}~}}` leaves `{name}`.
        let inner = match inner.strip_prefix('{') {
            Some(value) => value.strip_suffix('}').unwrap_or(value),
            None => inner,
        };
        let Some(nesting) = nesting(inner) else {
            return Err(self.unreadable(start, NOT_CLOSED_INSIDE));
        };
        let (line, column) = self.position(start);
        Ok(Tag {
            kind,
            line,
            column,
            nesting,
        })
    }
}

impl Iterator for Tags<'_> {
    type Item = Result<Tag, Unreadable>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.at >= self.source.len() {
            return None;
        }
        let raw = std::mem::take(&mut self.in_raw);
        let start = self.next_open(raw)?;
        Some(self.read(start))
    }
}

/// Handlebars' white space inside tags.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// The kind of a `{{…}}` tag from its text (without braces and `~`).
fn kind_of(inner: &str) -> Kind {
    if let Some(rest) = inner.strip_prefix('#') {
        return match rest.trim_start_matches(is_space).chars().next() {
            Some('>') => Kind::Partial,
            Some('*') => Kind::Decorator,
            _ => Kind::Open,
        };
    }
    match inner.chars().next() {
        Some('/') => return Kind::Close,
        Some('>') => return Kind::Partial,
        Some('*') => return Kind::Decorator,
        Some('{' | '&') => return Kind::Unescaped,
        _ => {}
    }
    // Whatever follows `else` or `^` makes a chain link; reading more of them as links
    // than Handlebars does only counts deeper.
    let invert = inner
        .strip_prefix("else")
        .or_else(|| inner.strip_prefix('^'));
    match invert {
        Some(rest) if rest.trim_matches(is_space).is_empty() => Kind::Else,
        Some(_) => Kind::ElseChain,
        None => Kind::Other,
    }
}

/// How deep `(`, `[` and `{` nest in a tag's text; `None` when one is left open, a
/// closing one does not match, a quoted string is not closed, or a quote is inside
/// `[…]` (where Handlebars reads a path segment and a string differently).
fn nesting(inner: &str) -> Option<usize> {
    let mut open: Vec<u8> = Vec::new();
    let mut deepest = 0;
    let mut bytes = inner.bytes();
    while let Some(byte) = bytes.next() {
        match byte {
            b'(' | b'[' | b'{' => {
                open.push(byte);
                deepest = deepest.max(open.len());
            }
            b')' | b']' | b'}' => {
                let expected = match byte {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                if open.pop() != Some(expected) {
                    return None;
                }
            }
            b'"' | b'\'' => {
                if open.contains(&b'[') {
                    return None;
                }
                loop {
                    match bytes.next()? {
                        b'\\' => {
                            bytes.next()?;
                        }
                        quote if quote == byte => break,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    open.is_empty().then_some(deepest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str) -> Vec<(Kind, usize, usize)> {
        Tags::new(source)
            .map(|t| {
                let t = t.unwrap();
                (t.kind, t.line, t.column)
            })
            .collect()
    }

    #[test]
    fn blocks_else_and_chains() {
        use Kind::*;
        assert_eq!(
            kinds("a {{#if x}}b{{else if y}}c{{else}}d{{/if}}\n{{ ~# each z ~}}{{~/each}}"),
            [
                (Open, 1, 3),
                (ElseChain, 1, 13),
                (Else, 1, 27),
                (Close, 1, 36),
                (Open, 2, 1),
                (Close, 2, 17),
            ]
        );
        assert_eq!(
            kinds("{{^}}{{^if x}}{{~ else ~}}{{elsewhere}}{{name}}"),
            [
                (Else, 1, 1),
                (ElseChain, 1, 6),
                (Else, 1, 15),
                (ElseChain, 1, 27),
                (Other, 1, 40)
            ]
        );
    }

    #[test]
    fn comments_escapes_and_raw_blocks_hide_tags() {
        use Kind::*;
        let source = "{{!-- {{#if}} }} --}}{{! {{#if x }}\\{{#if}}\\{{{{#if}}\\\\{{/if}}\
                      {{{{raw}}}}{{#if}}{{{{/raw}}}}é{{#x}}";
        assert_eq!(
            kinds(source),
            [
                (Comment, 1, 1),
                (Comment, 1, 22),
                (Close, 1, 56),
                (RawBlock, 1, 63),
                (Other, 1, 81),
                (Open, 1, 94)
            ]
        );
        // Handlebars would look for `--}}` to the end of the body before it settled for
        // the first `}}`, for each such comment.
        let unclosed = Tags::new("{{!-- a }}{{#b}}").next().unwrap();
        assert_eq!(unclosed.map_err(|e| e.message), Err(COMMENT_NEVER_CLOSED));
    }

    #[test]
    fn partials_decorators_and_unescaped_values() {
        use Kind::*;
        assert_eq!(
            kinds("{{> a}}{{#> b}}{{/b}}{{~# * inline \"c\"}}{{*d}}{{{e}}}{{~{f}~}}{{& g}}"),
            [
                (Partial, 1, 1),
                (Partial, 1, 8),
                (Close, 1, 16),
                (Decorator, 1, 22),
                (Decorator, 1, 41),
                (Unescaped, 1, 47),
                (Unescaped, 1, 54),
                (Unescaped, 1, 63)
            ]
        );
    }

    #[test]
    fn nesting_inside_tags() {
        let nest = |s: &str| Tags::new(s).next().unwrap().map(|t| t.nesting);
        assert_eq!(nest("{{a (b (c d))}}"), Ok(2));
        assert_eq!(
            nest("{{a \"(}}\"}}").map_err(|e| e.message),
            Err(NOT_CLOSED_INSIDE)
        );
        assert_eq!(nest("{{a \"(\" ')'}}"), Ok(0));
        assert_eq!(nest("{{fields.[first name]}}"), Ok(1));
        assert_eq!(nest("{{{sender.name}}}"), Ok(0));
        assert_eq!(nest("{{~{sender.name}~}}"), Ok(0));
        assert!(nest("{{fields.[it's]}}").is_err());
        assert!(nest("{{a [\"]}}\"]}}").is_err());
        assert!(nest("{{a {\"b\": {\"c\": 1}}, \"d\": \"{{/if}}\"}}").is_err());
        assert!(nest("{{a (b}}").is_err());
        assert!(nest("{{a b").is_err());
        assert!(nest("{{!-- a").is_err());
    }
}
