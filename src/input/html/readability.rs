//! Step 2: readability on the parsed page (the text nodes it keeps), the page's own metadata,
//! and the article's container in the page.

use std::collections::HashSet;

use dom_query::{Document, NodeId, NodeRef};

use crate::text::fold_whitespace;

// ---------------------------------------------------------------------------------------------
// 2. Readability
// ---------------------------------------------------------------------------------------------

/// What readability found: the text nodes of the article and the metadata.
pub(super) struct ReadabilityResult {
    pub(super) body: HashSet<NodeId>,
    pub(super) title: String,
    pub(super) byline: Option<String>,
    pub(super) published: Option<String>,
    pub(super) site_name: Option<String>,
}

pub(super) fn readability_body(doc: Document) -> Option<ReadabilityResult> {
    let mut r = dom_smoothie::Readability::with_document(doc, None, None).ok()?;
    let article = r.parse().ok()?;
    let root = r.doc.select_single("#readability-page-1");
    let root = root.nodes().first()?;
    let body: HashSet<NodeId> = root.descendants_it().filter(|n| n.is_text()).map(|n| n.id).collect();
    Some(ReadabilityResult {
        body,
        title: article.title,
        byline: article.byline,
        published: article.published_time,
        site_name: article.site_name,
    })
}

pub(super) struct PageMeta {
    pub(super) url: Option<String>,
    pub(super) title: Option<String>,
}

pub(super) fn page_metadata(doc: &Document) -> PageMeta {
    let attr = |sel: &str, name: &str| {
        doc.select_single(sel).nodes().first().and_then(|n| n.attr(name)).map(|v| v.trim().to_string())
    };
    let url = attr(r#"link[rel~="canonical"]"#, "href")
        .filter(|u| !u.is_empty())
        .or_else(|| attr(r#"meta[property="og:url"]"#, "content").filter(|u| !u.is_empty()));
    let title = doc
        .select_single("title")
        .nodes()
        .first()
        .map(|n| fold_whitespace(&n.text()))
        .filter(|t| !t.is_empty());
    PageMeta { url, title }
}

/// The lowest common ancestor of the text readability kept: the article's container in the page.
pub(super) fn article_root(doc: &Document, body: &HashSet<NodeId>) -> Option<NodeId> {
    let mut first = None;
    let mut last = None;
    for node in doc.root().descendants_it() {
        if node.is_text() && body.contains(&node.id) {
            if first.is_none() {
                first = Some(node);
            }
            last = Some(node);
        }
    }
    let (first, last) = (first?, last?);
    let chain = |n: &NodeRef| {
        let mut chain: Vec<NodeId> = n.ancestors_it(None).map(|a| a.id).collect();
        chain.reverse();
        chain
    };
    let (a, b) = (chain(&first), chain(&last));
    a.iter().zip(&b).take_while(|(x, y)| x == y).last().map(|(x, _)| *x)
}
