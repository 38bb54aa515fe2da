//! Bad rule files: each is refused with exit code 2 and one sentence naming the file, the line
//! and column, and the rule id where there is one. Nothing panics.

use predicates::prelude::*;

use super::{folder, newslint};

const GOOD_HEAD: &str =
    "[[rule]]\nid = \"my-rule\"\ncategory = \"doubt\"\nmessage = \"m\"\nexplanation = \"e\"\n";

/// Runs `check` with `toml` as the only extra rule file; returns stderr.
fn refused(toml: &str) -> String {
    let dir = folder(&[("rules.toml", toml.as_bytes()), ("a.txt", b"Some text.")]);
    let output = newslint()
        .arg("check")
        .arg("--rules")
        .arg(dir.path().join("rules.toml"))
        .arg(dir.path().join("a.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "stdout: {}", String::from_utf8_lossy(&output.stdout));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one sentence: {stderr}");
    assert!(stderr.contains("rules.toml"), "names the file: {stderr}");
    assert!(!stderr.contains("panicked"));
    stderr
}

#[test]
fn toml_syntax_error() {
    let err = refused("[[rule]\nid = \"x\"\n");
    assert!(err.contains("rules.toml:1:"), "{err}");
}

#[test]
fn unknown_key_is_named_with_its_line() {
    let err = refused(&format!("{GOOD_HEAD}phrases = [\"x\"]\npatern = 'y'\n"));
    assert!(err.contains("rules.toml:7:1") && err.contains("unknown field `patern`"), "{err}");
}

#[test]
fn duplicate_ids_across_files() {
    let err = refused(&format!("{GOOD_HEAD}phrases = [\"x\"]\n\n{GOOD_HEAD}phrases = [\"y\"]\n"));
    assert!(err.contains("rules.toml:9:6: rule `my-rule`: duplicate rule id"), "{err}");
    // A user rule may not reuse a built-in id either.
    let builtin = newslint::rules::RuleSetBuilder::new(true).build().unwrap();
    let taken = &builtin.rules[0].id;
    let err = refused(&format!("{}phrases = [\"x\"]\n", GOOD_HEAD.replace("my-rule", taken)));
    assert!(err.contains(&format!("rule `{taken}`: duplicate rule id")) && err.contains("rules/"), "{err}");
}

#[test]
fn unknown_category() {
    let err = refused(&format!("{}phrases = [\"x\"]\n", GOOD_HEAD.replace("doubt", "dout")));
    assert!(err.contains("rules.toml:3:12: rule `my-rule`: unknown category `dout`"), "{err}");
    // A likely misspelling gets the id it is closest to.
    assert!(err.contains("; did you mean `doubt`?"), "{err}");
    let err = refused(&format!("{}phrases = [\"x\"]\n", GOOD_HEAD.replace("doubt", "zzzzzz")));
    assert!(err.contains("unknown category `zzzzzz`") && !err.contains("did you mean"), "{err}");
}

#[test]
fn bad_regex_points_into_the_pattern() {
    let err = refused(&format!("{GOOD_HEAD}patterns = ['fine', 'a(b']\n"));
    assert!(err.contains("rules.toml:6:23: rule `my-rule`: pattern `a(b` does not compile"), "{err}");
    // In a basic string each escape counts as written: the `(` is still where the column says.
    let err = refused(&format!("{GOOD_HEAD}patterns = [\"\\\\bx\\\\s+ ( said\"]\n"));
    assert!(err.contains("rules.toml:6:23: rule `my-rule`: pattern `\\bx\\s+ ( said`"), "{err}");
    let err = refused(&format!("{GOOD_HEAD}patterns = [\"\\u00e9 ( x\"]\n"));
    assert!(err.contains("rules.toml:6:21: rule `my-rule`: pattern `é ( x`"), "{err}");
    // A multi-line literal string drops the newline after its opening quotes.
    let err = refused(&format!("{GOOD_HEAD}patterns = ['''\n\\bx ( said''']\n"));
    assert!(err.contains("rules.toml:7:5: rule `my-rule`: pattern `\\bx ( said`"), "{err}");
}

#[test]
fn errors_in_an_indented_rule_table_name_that_rule() {
    let toml = format!(
        "{GOOD_HEAD}phrases = [\"x\"]\n\n  [[rule]]\n  id = \"second-one\"\n  category = \"doubt\"\n  explanation = \"e\"\n  phrases = [\"y\"]\n"
    );
    let err = refused(&toml);
    assert!(err.contains("rule `second-one`: missing field `message`"), "{err}");
}

#[test]
fn regex_too_large() {
    // Each repetition is within the limit on repetitions; together they are too large.
    let err =
        refused(&format!("{GOOD_HEAD}patterns = ['\\p{{L}}{{1000}}\\p{{L}}{{1000}}\\p{{L}}{{1000}}']\n"));
    assert!(err.contains("rules.toml:6:13: rule `my-rule`: pattern is too large once compiled"), "{err}");
}

#[test]
fn empty_matchers_and_phrases() {
    assert!(refused(&format!("{GOOD_HEAD}phrases = []\n")).contains("has no matcher"));
    assert!(refused(&format!("{GOOD_HEAD}phrases = [\" \"]\n")).contains("empty phrase"));
    assert!(refused(&format!("{GOOD_HEAD}phrases = [\"a*b\"]\n")).contains("only allowed at the end"));
    assert!(refused(&format!("{GOOD_HEAD}patterns = ['x*']\n")).contains("matches empty text"));
    let two_lines = "[[rule]]\nid = \"my-rule\"\ncategory = \"doubt\"\nmessage = \"one\\ntwo\"\nexplanation = \"e\"\nphrases = [\"x\"]\n";
    assert!(refused(two_lines).contains("rules.toml:4:11: rule `my-rule`: the message must be one line"));
    let blank = two_lines.replace("one\\ntwo", " ");
    assert!(refused(&blank).contains("rules.toml:4:11: rule `my-rule`: the message is empty"));
    let blank = two_lines.replace("one\\ntwo", "one").replace("explanation = \"e\"", "explanation = \"\"");
    assert!(refused(&blank).contains("rules.toml:5:15: rule `my-rule`: the explanation is empty"));
}

#[test]
fn bad_values() {
    assert!(
        refused(&format!("{GOOD_HEAD}phrases = [\"x\"]\nweight = -1\n"))
            .contains("weight -1 must be between 0 and 100")
    );
    // Written as a person would read it, not as 309 digits.
    assert!(
        refused(&format!("{GOOD_HEAD}phrases = [\"x\"]\nweight = 1e308\n"))
            .contains("weight 1e308 must be between 0 and 100")
    );
    assert!(
        refused(&format!("{GOOD_HEAD}phrases = [\"x\"]\nseverity = \"fatal\"\n"))
            .contains("unknown variant `fatal`")
    );
    assert!(
        refused(&format!("{GOOD_HEAD}phrases = [\"x\"]\nscope = [\"bdy\"]\n"))
            .contains("unknown scope `bdy`")
    );
    assert!(
        refused(&format!("{}phrases = [\"x\"]\n", GOOD_HEAD.replace("my-rule", "My_Rule")))
            .contains("kebab-case")
    );
    let err =
        refused(&format!("{GOOD_HEAD}phrases = [\"x\"]\n[rule.sentence]\nwithout = [\"atribution\"]\n"));
    assert!(
        err.contains("unknown category `atribution`") && err.contains("did you mean `attribution`?"),
        "{err}"
    );
}

#[test]
fn user_categories_can_be_declared_and_used() {
    let toml = "[[category]]\nid = \"hype\"\ngroup = \"cue\"\nname = \"Hype\"\nexplanation = \"e\"\nweight = 2\n\n\
                [[rule]]\nid = \"hype-words\"\ncategory = \"hype\"\nmessage = \"m\"\nexplanation = \"e\"\nphrases = [\"game-changer\"]\n";
    let dir = folder(&[("rules.toml", toml.as_bytes()), ("a.txt", b"A game-changer, they say.")]);
    newslint()
        .args(["check", "--format", "jsonl", "--no-default-rules", "--rules"])
        .arg(dir.path().join("rules.toml"))
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"category\":\"hype\""));
}

#[test]
fn a_missing_rule_file_is_named() {
    newslint()
        .args(["check", "--rules", "/no/such/rules.toml", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/rules.toml: cannot read the rule file"));
}

#[test]
fn huge_phrases_and_patterns_are_refused_before_they_cost_memory() {
    let phrase = "word ".repeat(2_000_000);
    let err = refused(&format!("{GOOD_HEAD}phrases = ['{phrase}']\n"));
    assert!(
        err.contains(
            "rules.toml:6:12: rule `my-rule`: phrase is 10000000 bytes long, over the 4096-byte limit"
        ),
        "{err}"
    );
    let pattern = "abc".repeat(3_000_000);
    let err = refused(&format!("{GOOD_HEAD}patterns = ['{pattern}']\n"));
    assert!(
        err.contains(
            "rules.toml:6:13: rule `my-rule`: pattern is 9000000 bytes long, over the 262144-byte limit"
        ),
        "{err}"
    );
}

#[test]
fn a_repetition_too_large_to_match_fast_is_refused() {
    let err = refused(&format!("{GOOD_HEAD}patterns = ['(?:ab){{2000}}']\n"));
    assert!(
        err.contains("rules.toml:6:13: rule `my-rule`: pattern `(?:ab){2000}` has a repetition that stands for 4000 characters, over the limit of 1000"),
        "{err}"
    );
}

#[test]
fn a_rule_named_after_another_category_is_refused() {
    // `--ignore doubt` would ignore that rule and not the category.
    let err = refused(
        "[[rule]]\nid = \"doubt\"\ncategory = \"loaded-language\"\nmessage = \"m\"\nexplanation = \"e\"\nphrases = [\"x\"]\n",
    );
    assert!(err.contains("rules.toml:2:6: rule `doubt`: rule id `doubt` is the id of a category"), "{err}");
}

#[test]
fn a_pattern_that_needs_a_line_break_is_refused() {
    // Patterns are matched within one line: this one could never match.
    let err = refused(&format!("{GOOD_HEAD}patterns = ['end\\nnext']\n"));
    assert!(
        err.contains(
            "rules.toml:6:13: rule `my-rule`: pattern `end\\nnext` can only match across a line break"
        ),
        "{err}"
    );
}

#[test]
fn deserialiser_errors_name_the_rule() {
    let err = refused(
        "[[rule]]\nid = \"first\"\ncategory = \"doubt\"\nmessage = \"m\"\nexplanation = \"e\"\nphrases = [\"x\"]\n\n[[rule]]\nid = \"no-explanation\"\ncategory = \"doubt\"\nmessage = \"m\"\nphrases = [\"x\"]\n",
    );
    assert!(err.contains("rules.toml:8:1: rule `no-explanation`: missing field `explanation`"), "{err}");
    let err = refused(&format!("{GOOD_HEAD}phrases = [\"x\"]\nweight = \"heavy\"\n"));
    assert!(err.contains("rule `my-rule`: invalid type: string \"heavy\", expected a number"), "{err}");
}
