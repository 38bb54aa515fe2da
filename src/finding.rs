//! The one result type that flows from the engine to every printer.

use crate::rules::Voice;
use crate::zones::ZoneKind;

/// One cue or signal found in an article: a rule fired on `text[start..end]`.
///
/// Rule and category are indices into the engine's [`RuleSet`](crate::rules::RuleSet), which
/// printers use for ids, messages and explanations.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: usize,
    pub category: usize,
    /// Byte offsets, half-open, into the article's text.
    pub start: usize,
    pub end: usize,
    /// 1-based; column counted in characters.
    pub line: usize,
    pub column: usize,
    pub zone: ZoneKind,
    pub voice: Voice,
}
