//! Step 3: walks the visible page text into blocks, one per line, with the flags of their
//! ancestors.

use std::collections::HashSet;

use dom_query::{Document, NodeId};

use super::cues::{attribute_flags, element_flags, is_hidden, is_icon, leads_away};
use super::tree::{TreeWalk, Visit};

// ---------------------------------------------------------------------------------------------
// 3. Walk the page into blocks
// ---------------------------------------------------------------------------------------------

/// Context flags of a block, from its ancestors (OR over the text it contains).
pub(super) mod flag {
    pub const LINK: u32 = 1;
    pub const LIST_ITEM: u32 = 1 << 1;
    pub const CAPTION: u32 = 1 << 2;
    pub const TIME: u32 = 1 << 3;
    pub const PRE: u32 = 1 << 4;
    pub const QUOTE: u32 = 1 << 5;
    pub const TABLE: u32 = 1 << 6;
    pub const FORM: u32 = 1 << 7;
    /// `nav`, `header`, `footer`, `aside` elements.
    pub const LANDMARK: u32 = 1 << 8;
    /// class/id words: share, social, ...
    pub const SOCIAL: u32 = 1 << 9;
    /// class/id words: related, recommended, more-from, next-post, promo, ...
    pub const RELATED: u32 = 1 << 10;
    pub const COMMENT: u32 = 1 << 11;
    pub const BYLINE: u32 = 1 << 12;
    pub const DATE: u32 = 1 << 13;
    pub const AD: u32 = 1 << 14;
    /// class/id words: nav, menu, breadcrumb, footer, cookie, widget, read-more, ...
    pub const FURNITURE: u32 = 1 << 15;
    pub const ARTICLE: u32 = 1 << 16;
    /// Inside the article's container (the flags above then only come from inside it).
    pub const INSIDE: u32 = 1 << 17;
    pub const FIGURE: u32 = 1 << 18;
    /// class/id words: newsletter, subscribe, sign-up, donate, cta (calls to action).
    pub const PROMO: u32 = 1 << 19;
    /// class/id words: author-box, author-bio, about-the-author, bio.
    pub const BIO: u32 = 1 << 20;
    /// A link inside the page (`#section`, a toggle), also counted as LINK.
    pub const ANCHOR: u32 = 1 << 21;
    /// class/id words: video, gallery, slideshow, carousel (a media embed's titles,
    /// durations and controls).
    pub const MEDIA: u32 = 1 << 22;
}

/// One line of visible text.
#[derive(Clone, Debug, Default)]
pub(super) struct Block {
    pub(super) text: String,
    /// Non-space characters, those readability kept, those inside links.
    pub(super) chars: u32,
    pub(super) body_chars: u32,
    pub(super) link_chars: u32,
    pub(super) flags: u32,
    /// Heading level 1-6, 0 when not a heading.
    pub(super) heading: u8,
    /// The block elements (div, section, p, ...) below the article container this line starts
    /// in, outermost first: lines of one box (a newsletter box, a comment section) share a
    /// prefix. Empty outside the article.
    pub(super) path: Vec<NodeId>,
}

impl Block {
    pub(super) fn body_share(&self) -> f32 {
        self.body_chars as f32 / self.chars.max(1) as f32
    }
    pub(super) fn link_share(&self) -> f32 {
        self.link_chars as f32 / self.chars.max(1) as f32
    }
    /// Words separated by spaces; in scripts written without spaces (Chinese, Japanese, Thai,
    /// ...) two characters count as a word, so a sentence there is as long as elsewhere.
    pub(super) fn words(&self) -> usize {
        self.text.split_whitespace().map(crate::unspaced::token_words).sum()
    }
    pub(super) fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// How an element takes part in the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not visible: not descended into.
    Skip,
    /// Starts and ends a line.
    Block,
    /// A line break.
    Break,
    /// Separates its text from its neighbours by a space (table cells).
    Spaced,
    Inline,
}

fn role(name: &str) -> Role {
    match name {
        // `noframes` is raw text to the parser (markup, not prose); `frame` has no content.
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "head" | "iframe" | "object"
        | "noframes" | "frame" | "embed" | "canvas" | "video" | "audio" | "select" | "textarea" | "input"
        | "option" | "datalist" | "map" | "dialog" => Role::Skip,
        "br" | "hr" => Role::Break,
        "td" | "th" => Role::Spaced,
        "p" | "div" | "section" | "article" | "main" | "aside" | "header" | "footer" | "nav" | "h1"
        | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "ul" | "ol" | "dl" | "dt" | "dd" | "table" | "tr"
        | "thead" | "tbody" | "tfoot" | "caption" | "blockquote" | "pre" | "figure" | "figcaption"
        | "form" | "fieldset" | "legend" | "address" | "details" | "summary" | "body" | "html" | "center"
        | "menu" | "hgroup" | "picture" | "button" | "label" => Role::Block,
        _ => Role::Inline,
    }
}

#[derive(Clone, Copy)]
struct Frame {
    /// The element this frame was pushed for.
    node: NodeId,
    /// Below the article container, a block element (its id is then on the line's path).
    boxed: bool,
    /// Lines finished before the element started.
    lines_before: usize,
    flags: u32,
    heading: u8,
    role: Role,
}

/// Builds the lines of visible text.
struct LineBuilder {
    blocks: Vec<Block>,
    current: Block,
    pending_space: bool,
}

impl LineBuilder {
    fn flush(&mut self) {
        if self.current.chars > 0 {
            let block = std::mem::take(&mut self.current);
            self.blocks.push(block);
        } else {
            self.current = Block::default();
        }
        self.pending_space = false;
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn push_text(&mut self, text: &str, frame: Frame, boxes: &[NodeId], body: bool) {
        let pre = frame.flags & flag::PRE != 0;
        for (i, piece) in text.split('\n').enumerate() {
            if i > 0 {
                if pre {
                    self.flush();
                } else {
                    self.pending_space = true;
                }
            }
            for c in piece.chars() {
                if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' || c.is_control() {
                    if c != '\u{200b}' && c != '\u{feff}' {
                        self.pending_space = true;
                    }
                    continue;
                }
                let block = &mut self.current;
                if block.text.is_empty() {
                    block.path = boxes.to_vec();
                }
                if self.pending_space && !block.text.is_empty() {
                    block.text.push(' ');
                }
                self.pending_space = false;
                block.text.push(c);
                block.chars += 1;
                if body {
                    block.body_chars += 1;
                }
                if frame.flags & flag::LINK != 0 {
                    block.link_chars += 1;
                }
                block.flags |= frame.flags;
                if frame.heading > 0 && (block.heading == 0 || frame.heading < block.heading) {
                    block.heading = frame.heading;
                }
            }
        }
    }
}

/// Walks the visible page text into blocks.
pub(super) fn walk(doc: &Document, body: Option<&HashSet<NodeId>>, article: Option<NodeId>) -> Vec<Block> {
    let mut out = LineBuilder { blocks: Vec::new(), current: Block::default(), pending_space: false };
    let top =
        Frame { node: doc.root().id, boxed: false, lines_before: 0, flags: 0, heading: 0, role: Role::Block };
    // The ids of the frames that are boxes, outermost first.
    let mut boxes: Vec<NodeId> = Vec::new();
    let mut frames: Vec<Frame> = vec![top];
    let mut tree = TreeWalk::new(doc.root());
    while let Some(visit) = tree.next() {
        let node = match visit {
            Visit::Enter(node) => node,
            Visit::Exit(node) => {
                if frames.len() > 1 && frames.last().is_some_and(|f| f.node == node.id) {
                    if frames.last().is_some_and(|f| f.boxed) {
                        boxes.pop();
                    }
                    leave(&mut frames, &mut out);
                }
                continue;
            }
        };
        let parent = *frames.last().unwrap_or(&top);
        if node.is_text() {
            let in_body = body.is_some_and(|b| b.contains(&node.id));
            if let Some(contents) = node.query(|n| match &n.data {
                dom_query::NodeData::Text { contents } => Some(contents.to_string()),
                _ => None,
            }) && let Some(text) = contents
            {
                out.push_text(&text, parent, &boxes, in_body);
            }
            continue;
        }
        if !node.is_element() {
            tree.skip_children();
            continue;
        }
        let name = node.qual_name_ref().map(|q| q.local.to_ascii_lowercase()).unwrap_or_default();
        let r = role(&name);
        if r == Role::Skip || is_hidden(&node) || is_icon(&node) {
            tree.skip_children();
            continue;
        }
        let heading = match name.as_str() {
            "h1" => 1,
            "h2" => 2,
            "h3" => 3,
            "h4" => 4,
            "h5" => 5,
            "h6" => 6,
            _ => parent.heading,
        };
        let mut own = element_flags(&name) | attribute_flags(&node);
        if &*name == "a" && !leads_away(&node) {
            own |= flag::ANCHOR;
        }
        let flags =
            if Some(node.id) == article { flag::INSIDE | element_flags(&name) } else { parent.flags | own };
        // An inline caption that starts a line (`<p><span class="caption">© Agency</span>
        // Text ...`: an image inside the paragraph it illustrates) is a line of its own, as pages
        // display it: glued to the paragraph, it took the paragraph out with it. A credit after
        // text (`<p>Caption ... <span class="credit">(Photo: AP)</span>`) still marks its line
        // as a caption.
        let caption_first =
            own & flag::CAPTION != 0 && parent.flags & flag::CAPTION == 0 && out.current.chars == 0;
        let r = if r == Role::Inline && caption_first { Role::Block } else { r };
        match r {
            Role::Block | Role::Break => out.flush(),
            Role::Spaced => out.space(),
            _ => {}
        }
        let boxed = r == Role::Block && parent.flags & flag::INSIDE != 0;
        if boxed {
            boxes.push(node.id);
        }
        frames.push(Frame { node: node.id, boxed, lines_before: out.blocks.len(), flags, heading, role: r });
    }
    out.flush();
    out.blocks
}

fn leave(frames: &mut Vec<Frame>, out: &mut LineBuilder) {
    if let Some(frame) = frames.pop() {
        match frame.role {
            Role::Block | Role::Break => out.flush(),
            // A cell that holds several lines is a layout column (old table-based pages), not
            // a data cell: the next cell starts a line of its own.
            Role::Spaced if out.blocks.len() > frame.lines_before => out.flush(),
            Role::Spaced => out.space(),
            _ => {}
        }
    }
}
