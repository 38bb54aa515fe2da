//! The pattern dialect of rule files: Rust `regex` syntax, except that the Perl classes `\w`,
//! `\d`, `\s` (and their negations) and the word boundaries `\b`, `\B`, `\<`, `\>` are ASCII,
//! as in Vale's and RE2's regular expressions. Unicode versions of these expand into large
//! automata: compiling the default packs took ~0.3 s instead of a few milliseconds, and a
//! Unicode `\b` falls off the fast DFA on non-ASCII text. Write `\p{L}` for "any letter".
//! Case-insensitive matching (`(?i)`, the default) stays Unicode-aware.

use regex_syntax::ast::{
    self, Assertion, AssertionKind, Ast, ClassAscii, ClassAsciiKind, ClassBracketed, ClassPerl,
    ClassPerlKind, ClassSet, ClassSetItem, Flag, Flags, FlagsItem, FlagsItemKind, Group, GroupKind,
};
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition,
};

/// The pattern's syntax tree in the rule dialect, or the syntax error (with its position
/// inside `pattern`).
pub fn translate(pattern: &str) -> Result<Ast, Box<ast::Error>> {
    let mut ast = ast::parse::Parser::new().parse(pattern).map_err(Box::new)?;
    asciify(&mut ast);
    Ok(ast)
}

fn ascii_class(perl: &ClassPerl) -> ClassAscii {
    let kind = match perl.kind {
        ClassPerlKind::Digit => ClassAsciiKind::Digit,
        ClassPerlKind::Space => ClassAsciiKind::Space,
        ClassPerlKind::Word => ClassAsciiKind::Word,
    };
    ClassAscii { span: perl.span, kind, negated: perl.negated }
}

/// Rewrites the ASCII-only constructs in place (the AST types implement `Drop`, so they are
/// edited, not moved).
fn asciify(ast: &mut Ast) {
    let replacement = match ast {
        Ast::ClassPerl(perl) => Some(Ast::class_bracketed(ClassBracketed {
            span: perl.span,
            negated: false,
            kind: ClassSet::Item(ClassSetItem::Ascii(ascii_class(perl))),
        })),
        Ast::Assertion(assertion) if is_word_boundary(&assertion.kind) => Some(ascii_boundary(assertion)),
        Ast::ClassBracketed(class) => {
            asciify_set(&mut class.kind);
            None
        }
        Ast::Repetition(repetition) => {
            asciify(&mut repetition.ast);
            None
        }
        Ast::Group(group) => {
            asciify(&mut group.ast);
            None
        }
        Ast::Alternation(alternation) => {
            alternation.asts.iter_mut().for_each(asciify);
            None
        }
        Ast::Concat(concat) => {
            concat.asts.iter_mut().for_each(asciify);
            None
        }
        _ => None,
    };
    if let Some(replacement) = replacement {
        *ast = replacement;
    }
}

fn asciify_set(set: &mut ClassSet) {
    match set {
        ClassSet::Item(item) => asciify_item(item),
        ClassSet::BinaryOp(op) => {
            asciify_set(&mut op.lhs);
            asciify_set(&mut op.rhs);
        }
    }
}

fn asciify_item(item: &mut ClassSetItem) {
    match item {
        ClassSetItem::Perl(perl) => *item = ClassSetItem::Ascii(ascii_class(perl)),
        ClassSetItem::Bracketed(class) => asciify_set(&mut class.kind),
        ClassSetItem::Union(union) => union.items.iter_mut().for_each(asciify_item),
        _ => {}
    }
}

fn is_word_boundary(kind: &AssertionKind) -> bool {
    !matches!(
        kind,
        AssertionKind::StartLine | AssertionKind::EndLine | AssertionKind::StartText | AssertionKind::EndText
    )
}

/// `\b` becomes `(?-u:\b)`.
fn ascii_boundary(assertion: &Assertion) -> Ast {
    let span = assertion.span;
    let item = |kind| FlagsItem { span, kind };
    Ast::group(Group {
        span,
        kind: GroupKind::NonCapturing(Flags {
            span,
            items: vec![item(FlagsItemKind::Negation), item(FlagsItemKind::Flag(Flag::Unicode))],
        }),
        ast: Box::new(Ast::assertion(assertion.clone())),
    })
}

/// Whether the pattern can match text without a line break. Patterns are searched line by line,
/// so one that needs a `\n` (`end\nnext`) would never match: its line breaks are taken out
/// (a literal holding one cannot match, a class loses it) and what is left must still match.
pub fn matches_within_a_line(hir: &Hir) -> bool {
    without_line_breaks(hir).properties().minimum_len().is_some()
}

/// The most characters and classes one counted repetition of the pattern stands for, written
/// out (`(ab){3}` is `ababab`: 6; nested repetitions multiply). The automata grow with it, and
/// past about a thousand the regex crate's fast engine gives up on text that keeps matching
/// and a slow one, whose time grows with the pattern as well as the text, takes over:
/// `a{2000}` took 15 s on 2 MB of "a", where `a{1000}` took 0.08 s.
pub fn largest_repetition(hir: &Hir) -> usize {
    match hir.kind() {
        HirKind::Repetition(repetition) => expanded_size(hir).max(largest_repetition(&repetition.sub)),
        HirKind::Capture(capture) => largest_repetition(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
            parts.iter().map(largest_repetition).max().unwrap_or(0)
        }
        HirKind::Empty | HirKind::Look(_) | HirKind::Literal(_) | HirKind::Class(_) => 0,
    }
}

/// The characters and classes of `hir` with its repetitions written out.
fn expanded_size(hir: &Hir) -> usize {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 0,
        HirKind::Literal(literal) => literal.0.len(),
        HirKind::Class(_) => 1,
        HirKind::Repetition(repetition) => {
            let copies = repetition.max.unwrap_or(repetition.min.saturating_add(1)).max(1);
            expanded_size(&repetition.sub).saturating_mul(copies as usize)
        }
        HirKind::Capture(capture) => expanded_size(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
            parts.iter().fold(0, |size, part| size.saturating_add(expanded_size(part)))
        }
    }
}

fn without_line_breaks(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Literal(literal) if literal.0.contains(&b'\n') => Hir::fail(),
        HirKind::Class(Class::Unicode(class)) => {
            let mut class = class.clone();
            class.difference(&ClassUnicode::new([ClassUnicodeRange::new('\n', '\n')]));
            Hir::class(Class::Unicode(class))
        }
        HirKind::Class(Class::Bytes(class)) => {
            let mut class = class.clone();
            class.difference(&ClassBytes::new([ClassBytesRange::new(b'\n', b'\n')]));
            Hir::class(Class::Bytes(class))
        }
        HirKind::Repetition(repetition) => {
            let sub = without_line_breaks(&repetition.sub);
            match sub.properties().minimum_len() {
                // `\n?` can still match nothing; `\n+` cannot match at all.
                None if repetition.min == 0 => Hir::empty(),
                None => Hir::fail(),
                Some(_) => Hir::repetition(Repetition { sub: Box::new(sub), ..repetition.clone() }),
            }
        }
        HirKind::Capture(capture) => {
            Hir::capture(Capture { sub: Box::new(without_line_breaks(&capture.sub)), ..capture.clone() })
        }
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(without_line_breaks).collect()),
        // The branches that can still match.
        HirKind::Alternation(parts) => Hir::alternation(
            parts
                .iter()
                .map(without_line_breaks)
                .filter(|part| part.properties().minimum_len().is_some())
                .collect(),
        ),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Look(_) => hir.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn repetitions_are_measured_written_out() {
        let size =
            |pattern: &str| super::largest_repetition(&regex_syntax::Parser::new().parse(pattern).unwrap());
        assert_eq!(size("alpha|beta|gamma"), 0);
        assert_eq!(size(r"\w+ said"), 2);
        assert_eq!(size("a{2000}"), 2000);
        assert_eq!(size("(ab){3}c"), 6);
        assert_eq!(size("(?:x{100}){100}"), 10_000);
        assert_eq!(size(r"[^?.!\n]{0,250}\?"), 250);
    }

    #[test]
    fn patterns_that_need_a_line_break_are_told_apart() {
        let hir = |pattern: &str| regex_syntax::Parser::new().parse(pattern).unwrap();
        for pattern in [r"end\nnext", r"a[\n]b", r"(x|\n)\n"] {
            assert!(!super::matches_within_a_line(&hir(pattern)), "{pattern}");
        }
        for pattern in [r"a\n?b", r"a\sb", r"x|\n", r"[^a]+", r"(?i)said\b"] {
            assert!(super::matches_within_a_line(&hir(pattern)), "{pattern}");
        }
    }

    /// The translated pattern written out in the regex crate's own syntax.
    fn translated(pattern: &str) -> String {
        let mut out = String::new();
        regex_syntax::ast::print::Printer::new().print(&translate(pattern).unwrap(), &mut out).unwrap();
        out
    }

    #[test]
    fn perl_classes_and_boundaries_become_ascii() {
        assert_eq!(translated(r"\bsaid \w+\b"), r"(?-u:\b)said [[:word:]]+(?-u:\b)");
        assert_eq!(translated(r"[\w’.-]+\D\s"), r"[[:word:]’.-]+[[:^digit:]][[:space:]]");
        assert_eq!(translated(r"^(?i:a|b){2,3}$"), r"^(?i:a|b){2,3}$");
        assert!(translate("a(b").is_err());
    }

    #[test]
    fn translated_patterns_match_as_intended() {
        let re = regex::Regex::new(&translated(r"\b[A-Z]\w+ said\b")).unwrap();
        assert_eq!(re.find("Yes, Smith said.").map(|m| m.as_str()), Some("Smith said"));
        assert!(!re.is_match("Smithsaid"));
    }
}
