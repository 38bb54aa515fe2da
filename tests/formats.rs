//! The other output formats and the CI features: SARIF (validated against the SARIF 2.1.0
//! schema), CSV, Markdown, GitHub annotations, annotated text, sorting and grouping, `-o`,
//! baselines and the project config file.

use predicates::prelude::*;

use super::{data, folder, newslint};

const RULES: &str = "rules/classroom.toml";

fn rules() -> String {
    data(RULES).display().to_string()
}

/// Three articles from two sources, one with a spreadsheet formula as its id.
fn dataset() -> tempfile::TempDir {
    let jsonl = concat!(
        r#"{"id":"=cmd()","source":"daily.example","text":"A terrifying invasion. This proves it."}"#,
        "\n",
        r#"{"id":"calm","url":"https://www.calm.example/a","text":"The council met, said Smith."}"#,
        "\n",
        r#"{"id":"worse","source":"daily.example","text":"Terrifying! An attack, an invasion. This proves everything."}"#,
        "\n",
    );
    folder(&[("d.jsonl", jsonl.as_bytes())])
}

fn run(dir: &tempfile::TempDir, args: &[&str]) -> String {
    let rules = rules();
    let output = newslint()
        .args(["check", "--no-default-rules", "--rules", &rules])
        .args(args)
        .arg(dir.path().join("d.jsonl"))
        .output()
        .unwrap();
    assert!(output.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn sarif_validates_against_the_schema() {
    let dir = dataset();
    let sarif: serde_json::Value = serde_json::from_str(&run(&dir, &["--format", "sarif"])).unwrap();
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data("schemas/sarif-schema-2.1.0.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> =
        validator.iter_errors(&sarif).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let findings: usize = run(&dir, &["--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["findings"].as_array().unwrap().len())
        .sum();
    assert_eq!(results.len(), findings);
    let first = &results[0];
    assert_eq!(first["ruleId"], "fear-words");
    assert_eq!((&first["kind"], &first["level"]), (&"fail".into(), &"warning".into()));
    // Signals are good news: passed checks, never alerts.
    let signals = [
        "attribution",
        "byline",
        "dateline",
        "citation",
        "direct-quote",
        "correction-notice",
        "specific-detail",
    ];
    for result in results {
        let is_signal =
            signals.iter().any(|c| result["message"]["text"].as_str().unwrap().ends_with(&format!("({c})")));
        let expected: (serde_json::Value, bool) =
            if is_signal { ("pass".into(), true) } else { ("fail".into(), false) };
        assert_eq!((&result["kind"], result["level"] == "none"), (&expected.0, expected.1), "{result}");
    }
    // A JSONL record: the region is the record's line of the file; the span in the article's
    // text is in the properties.
    let region = &first["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region, &serde_json::json!({"startLine": 1}));
    let span = &first["properties"]["textRegion"];
    assert_eq!(
        (span["startLine"].as_u64(), span["startColumn"].as_u64(), span["byteLength"].as_u64()),
        (Some(1), Some(3), Some(10))
    );
    let third = results.iter().find(|r| r["properties"]["article"] == "worse").unwrap();
    assert_eq!(third["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
    let rule_help = &sarif["runs"][0]["tool"]["driver"]["rules"][0]["help"]["text"];
    assert!(rule_help.as_str().unwrap().contains("Fear words push you"));
}

#[test]
fn text_files_are_annotated_at_the_finding_and_html_pages_as_a_whole() {
    let dir = folder(&[
        ("a.txt", b"Calm start.\nIt was shocking news."),
        ("b.html", b"<html><body><article><p>It was shocking news, the mayor said on Tuesday.</p></article></body></html>"),
        ("c.txt", b"Caf\xe9 news.\nIt was shocking news."),
    ]);
    let check = |format: &str, file: &str| {
        let output =
            newslint().args(["check", "--format", format]).arg(dir.path().join(file)).output().unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let gh = check("github", "a.txt");
    assert!(gh.contains("a.txt,line=2,col=8,title=loaded-language"), "{gh}");
    let sarif: serde_json::Value = serde_json::from_str(&check("sarif", "a.txt")).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&region["startLine"], &region["startColumn"], &region["byteOffset"]),
        (&2.into(), &8.into(), &19.into())
    );
    // A Windows-1252 file: lines and columns are the file's, byte offsets only the decoded text's.
    let sarif: serde_json::Value = serde_json::from_str(&check("sarif", "c.txt")).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!((&region["startLine"], &region["startColumn"]), (&2.into(), &8.into()), "{result}");
    assert!(region.get("byteOffset").is_none(), "{result}");
    assert_eq!(result["properties"]["textRegion"]["byteOffset"], 19, "in the decoded text: {result}");
    // An HTML page's text is extracted: the annotation is on the file, the place in the message.
    let gh = check("github", "b.html");
    let line = gh.lines().find(|l| l.contains("loaded-language")).unwrap();
    assert!(line.contains("b.html,title=") && line.contains("::article b.html, "), "{line}");
    let sarif: serde_json::Value = serde_json::from_str(&check("sarif", "b.html")).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert!(result["locations"][0]["physicalLocation"].get("region").is_none(), "{result}");
    assert!(result["properties"]["textRegion"]["startLine"].is_u64(), "{result}");
}

#[test]
fn csv_rows_are_quoted_and_formulas_neutralised() {
    let dir = dataset();
    let out = run(&dir, &["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "id");
    let fear = header.iter().position(|h| h == "appeal-to-fear").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][0], "'=cmd()");
    assert_eq!(&rows[0][1], "daily.example");
    assert_eq!(&rows[1][1], "calm.example", "the source defaults to the URL's host");
    assert_eq!(&rows[2][fear], "3");
}

#[test]
fn sort_top_and_group_by_source() {
    let dir = dataset();
    let out = run(&dir, &["--format", "jsonl", "--sort", "score"]);
    let ids: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["worse", "=cmd()", "calm"]);
    assert_eq!(run(&dir, &["--format", "jsonl", "--top", "1"]).lines().count(), 1);
    let out = run(&dir, &["--format", "json", "--group-by", "source"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sources = json["summary"]["sources"].as_array().unwrap();
    assert_eq!(sources[0]["source"], "daily.example");
    assert_eq!(sources[0]["articles"], 2);
    assert_eq!(sources[0]["top_categories"][0][0], "appeal-to-fear");
    assert_eq!(sources[1]["source"], "calm.example");
    let table = run(&dir, &["--group-by", "source"]);
    assert!(table.contains("daily.example") && table.contains("most frequent categories"));
    // A format without a summary table says it has nowhere to put one.
    newslint()
        .args(["check", "--format", "csv", "--group-by", "source"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("--group-by has no effect with --format csv"));
}

#[test]
fn the_source_falls_back_to_the_folder_however_the_file_is_named() {
    let dir =
        folder(&[("news/a.txt", b"It was shocking."), ("news/b.jsonl", b"{\"text\": \"Shocking.\"}\n")]);
    for file in ["a.txt", "b.jsonl", "./a.txt"] {
        let output = newslint()
            .current_dir(dir.path().join("news"))
            .args(["check", "--format", "json", "--group-by", "source", file])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(json["summary"]["sources"][0]["source"], "news", "{file}");
    }
}

#[test]
fn markdown_github_and_annotated() {
    let dir = dataset();
    let md = run(&dir, &["--format", "markdown"]);
    assert!(md.contains("| Article | Words | Score | Band |"));
    assert!(md.contains("**terrifying**"), "{md}");
    let gh = run(&dir, &["--format", "github"]);
    let first = gh.lines().next().unwrap();
    // A JSONL record is annotated at its line of the file; the message names the article and
    // the place in its text.
    assert!(
        first.starts_with("::warning file=")
            && first.contains("d.jsonl,line=1,title=appeal-to-fear (fear-words)::article =cmd(), 1:3: "),
        "{first}"
    );
    assert!(gh.lines().any(|l| l.contains(",line=3,title=") && l.contains("::article worse, ")), "{gh}");
    assert!(!gh.contains("named-source"), "signals are not annotated");
    let annotated = run(&dir, &["--format", "annotated"]);
    assert!(annotated.contains("1 | A terrifying invasion. This proves it."), "{annotated}");
    assert!(annotated.contains("  ^^^^^^^^^^ appeal-to-fear: Word chosen to make you afraid"), "{annotated}");
}

#[test]
fn annotated_marks_stay_under_their_words_after_tabs_and_wide_characters() {
    let dir = folder(&[(
        "w.txt",
        "Headline about the town\n\n東京の記者\tsaid the corrupt thugs lied.\n".as_bytes(),
    )]);
    let output =
        newslint().args(["check", "--format", "annotated"]).arg(dir.path().join("w.txt")).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    // Five characters two columns wide, the tab as a tab, then "said the ".
    let marks = format!("  | {}\t{}^^^^^^^^^^^^^ name-calling", " ".repeat(10), " ".repeat(9));
    assert!(text.contains(&marks), "{text}");
}

#[test]
fn markdown_keeps_article_text_inert() {
    let text = b"It was shocking [click](https://evil.example) **now** `rm` <b>x</b> &amp; ![i](j.png)";
    let dir = folder(&[("a.txt", text)]);
    let output =
        newslint().args(["check", "--format", "markdown"]).arg(dir.path().join("a.txt")).output().unwrap();
    let md = String::from_utf8(output.stdout).unwrap();
    assert!(md.contains("**shocking**"), "the match is still bold: {md}");
    for inert in [
        r"\[click\](https://evil.example)",
        r"\*\*now\*\*",
        r"\`rm\`",
        r"&lt;b\>x&lt;/b\>",
        "&amp;amp;",
        r"\[i\](j.png)",
    ] {
        assert!(md.contains(inert), "{inert} in {md}");
    }
    assert!(!md.contains("!["), "no image can form: {md}");
}

#[test]
fn output_file_is_written_whole() {
    let dir = dataset();
    let target = dir.path().join("report.json");
    let rules = rules();
    newslint()
        .args(["check", "--format", "json", "--no-default-rules", "--rules", &rules, "-o"])
        .arg(&target)
        .arg(dir.path().join("d.jsonl"))
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty());
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(json["summary"]["articles"], 3);
    newslint()
        .args(["check", "-o"])
        .arg(dir.path())
        .arg(dir.path().join("d.jsonl"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a folder"));
}

#[test]
fn a_baseline_hides_known_findings_and_fails_on_new_ones() {
    let dir = dataset();
    let baseline = dir.path().join("baseline.json");
    let rules = rules();
    let check = |extra: &[&str]| {
        newslint()
            .args(["check", "--format", "jsonl", "--no-default-rules", "--rules", &rules])
            .args(extra)
            .arg(dir.path().join("d.jsonl"))
            .output()
            .unwrap()
    };
    // `--top 1` prints one article, but the baseline records every article analysed.
    let written = check(&["--top", "1", "--write-baseline", baseline.to_str().unwrap()]);
    assert_eq!(written.status.code(), Some(0));
    assert_eq!(String::from_utf8(written.stdout).unwrap().lines().count(), 1);
    let known = check(&["--baseline", baseline.to_str().unwrap()]);
    assert_eq!(known.status.code(), Some(0), "nothing new");
    let lines = String::from_utf8(known.stdout).unwrap();
    assert!(!lines.contains("fear-words"), "known cues are hidden");
    assert!(lines.contains("named-source"), "signals stay");
    // A new cue in one article: that article's content hash changes, so its cues are new.
    let changed = std::fs::read_to_string(dir.path().join("d.jsonl"))
        .unwrap()
        .replace("The council met", "The terrifying council met");
    std::fs::write(dir.path().join("d.jsonl"), changed).unwrap();
    let new = check(&["--baseline", baseline.to_str().unwrap()]);
    assert_eq!(new.status.code(), Some(1));
    // Refreshing the baseline with the old one in use keeps what the old one knew.
    let refreshed = dir.path().join("refreshed.json");
    let both =
        check(&["--baseline", baseline.to_str().unwrap(), "--write-baseline", refreshed.to_str().unwrap()]);
    assert_eq!(both.status.code(), Some(1));
    assert_eq!(
        check(&["--baseline", refreshed.to_str().unwrap()]).status.code(),
        Some(0),
        "everything is known"
    );
    let entries = |path: &std::path::Path| {
        let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        json["findings"].as_array().unwrap().len()
    };
    assert!(entries(&refreshed) > entries(&baseline), "the old entries and the new cue's");
    std::fs::write(&baseline, "{\"oops\":1}").unwrap();
    let bad = check(&["--baseline", baseline.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("baseline.json:1:7: not a newslint baseline: unknown field `oops`"), "{stderr}");
    assert!(!stderr.contains(" at line "), "the position is given once: {stderr}");
    std::fs::write(&baseline, "").unwrap();
    let stderr = String::from_utf8(check(&["--baseline", baseline.to_str().unwrap()]).stderr).unwrap();
    assert!(stderr.contains("baseline.json:1:1: not a newslint baseline: EOF"), "{stderr}");
    // A byte-order mark before the JSON is not an error.
    std::fs::write(&baseline, "\u{feff}{\"schema\":1,\"findings\":[]}").unwrap();
    assert_eq!(check(&["--baseline", baseline.to_str().unwrap()]).status.code(), Some(1), "all new");
    std::fs::write(&baseline, "{\"schema\":7,\"findings\":[]}").unwrap();
    let stderr = String::from_utf8(check(&["--baseline", baseline.to_str().unwrap()]).stderr).unwrap();
    assert!(stderr.contains("baseline schema 7 is not supported"), "{stderr}");
}

#[test]
fn a_category_weighted_zero_in_the_config_costs_and_gives_nothing() {
    let article =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/01-well-sourced-report.txt")).unwrap();
    let points = |config: &[u8]| -> f64 {
        let dir = folder(&[("newslint.toml", config), ("a.txt", &article)]);
        let out =
            newslint().current_dir(dir.path()).args(["check", "--format", "json", "a.txt"]).output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let breakdown = json["articles"][0]["breakdown"].as_array().unwrap().clone();
        breakdown
            .iter()
            .filter(|c| c["category"] == "attribution")
            .map(|c| c["points"].as_f64().unwrap())
            .sum()
    };
    // Its rules include one with a weight of its own (attribution-pronoun, 2.0).
    assert!(points(b"") > 0.0);
    assert_eq!(points(b"[weights]\nattribution = 0\n"), 0.0);
}

#[test]
fn project_config_is_found_merged_and_strict() {
    let dir = folder(&[
        ("project/newslint.toml", b"rules = [\"my-rules.toml\"]\nno-default-rules = true\nignore = [\"attribution\"]\nfail-under = 99\n[weights]\nappeal-to-fear = 10\n"),
        ("project/my-rules.toml", &std::fs::read(data(RULES)).unwrap()),
        ("project/sub/a.txt", b"A terrifying day."),
    ]);
    let sub = dir.path().join("project/sub");
    newslint()
        .current_dir(&sub)
        .args(["check", "a.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("appeal-to-fear -9.1"));
    newslint().current_dir(&sub).args(["check", "--fail-under", "0", "a.txt"]).assert().code(0);
    newslint()
        .current_dir(&sub)
        .args(["check", "--no-config", "--fail-under", "0", "a.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("appeal-to-fear").not());
    newslint().current_dir(&sub).arg("config").assert().code(0).stdout(
        predicate::str::contains("fail-under = 99.0").and(predicate::str::contains("appeal-to-fear = 10.0")),
    );
    std::fs::write(dir.path().join("project/newslint.toml"), "fail_under = 3\n").unwrap();
    newslint()
        .current_dir(&sub)
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("newslint.toml:1:1: unknown field `fail_under`"));
    // An unknown id in the config's lists is reported as the config's, with its line and column.
    std::fs::write(
        dir.path().join("project/newslint.toml"),
        "ignore = [\n  \"attribution\", \"repetiton\",\n]\n",
    )
    .unwrap();
    let config_file = dir.path().join("project/newslint.toml");
    let message = format!(
        "{}:2:18: unknown rule or category `repetiton` in `ignore` (see `newslint rules list`); did you mean `repetition`?",
        config_file.display()
    );
    newslint()
        .current_dir(&sub)
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(message.as_str()));
    // `newslint config` checks the file as `check` does.
    newslint()
        .current_dir(&sub)
        .arg("config")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(message.as_str()));
    std::fs::write(&config_file, "fail-under = 10\n[weights]\nloaded-language = 500\n").unwrap();
    newslint().current_dir(&sub).arg("config").assert().code(2).stderr(predicate::str::contains(format!(
        "{}:3:1: weight 500 for `loaded-language` must be between 0 and 100",
        config_file.display()
    )));
    std::fs::write(&config_file, "[weights]\nnamecalling = 2\n").unwrap();
    newslint().current_dir(&sub).arg("config").assert().code(2).stderr(predicate::str::contains(format!(
        "{}:2:1: unknown category `namecalling` in [weights]; did you mean `name-calling`?",
        config_file.display()
    )));
    // A rule path is named as the config wrote it, with the file, line and column that wrote it.
    std::fs::write(&config_file, "ignore = []\nrules = [\n  \"rules-here/\",\n  \"no-such-rules/\",\n]\n")
        .unwrap();
    std::fs::create_dir_all(config_file.parent().unwrap().join("rules-here")).unwrap();
    newslint().current_dir(&sub).args(["check", "a.txt"]).assert().code(2).stderr(predicate::str::contains(
        format!("{}:4:3: the rule path `no-such-rules/` in `rules` does not exist", config_file.display()),
    ));
    // An empty path is refused; the config's own folder is a rule folder without the config.
    std::fs::write(&config_file, "rules = [\"\"]\n").unwrap();
    newslint().current_dir(&sub).args(["check", "a.txt"]).assert().code(2).stderr(predicate::str::contains(
        format!("{}:1:10: a rule path in `rules` is empty", config_file.display()),
    ));
    std::fs::write(&config_file, "rules = [\".\"]\n").unwrap();
    newslint().current_dir(&sub).args(["check", "a.txt"]).assert().code(0);
    std::fs::write(&config_file, "fail-under = \"x\"\n").unwrap();
    newslint().current_dir(&sub).arg("config").assert().code(2).stderr(predicate::str::contains(format!(
        "{}:1:14: invalid type: string \"x\", expected a number",
        config_file.display()
    )));
    std::fs::write(&config_file, "fail-under = 101\n").unwrap();
    newslint().current_dir(&sub).arg("config").assert().code(2).stderr(predicate::str::contains(format!(
        "{}:1:14: fail-under 101 is not between 0 and 100",
        config_file.display()
    )));
}

#[test]
fn completions_and_man_page() {
    newslint().args(["completions", "bash"]).assert().code(0).stdout(predicate::str::contains("newslint"));
    newslint().arg("man").assert().code(0).stdout(predicate::str::contains(".TH newslint"));
}

#[test]
fn json_escapes_messages_matched_text_and_titles() {
    let rule = concat!(
        "[[rule]]\nid = \"odd-quotes\"\ncategory = \"loaded-language\"\n",
        "message = 'Says \"so\" \\ then\ttab é'\nexplanation = \"e\"\nphrases = [\"so-called\"]\n",
    );
    let jsonl = "{\"id\":\"q\\\"1\",\"title\":\"A \\\"title\\\"\\u0001\",\"text\":\"The \\\"so-called\\\" experts.\"}\n";
    let dir = folder(&[("r.toml", rule.as_bytes()), ("d.jsonl", jsonl.as_bytes())]);
    let output = newslint()
        .args(["check", "--format", "jsonl", "--no-default-rules", "--rules"])
        .arg(dir.path().join("r.toml"))
        .arg(dir.path().join("d.jsonl"))
        .output()
        .unwrap();
    let line = String::from_utf8(output.stdout).unwrap();
    let json: serde_json::Value = serde_json::from_str(line.trim_end()).unwrap();
    assert_eq!(json["id"], "q\"1");
    assert_eq!(json["title"], "A \"title\"\u{1}");
    let finding = &json["findings"][0];
    assert_eq!(finding["rule"], "odd-quotes");
    assert_eq!(finding["message"], "Says \"so\" \\ then\ttab é");
    assert_eq!(finding["text"], "so-called");
    assert_eq!(finding["start"], 5);
    assert_eq!(finding["zone"], "body");
}

/// A score just under a band's edge is printed as it is, not rounded into the next band: the
/// reader sees 39.97 beside "low" and the `--fail-under 40` that fails it.
#[test]
fn a_score_under_a_band_edge_is_not_printed_rounded_over_it() {
    let dir = folder(&[
        ("e.txt", b"The zorblat stood by the river.\n"),
        (
            "edge.toml",
            b"[[category]]\nid = \"edge-cue\"\ngroup = \"cue\"\nname = \"Edge cue\"\nexplanation = \"A test cue.\"\n\
              advice = \"None.\"\nweight = 11.19\n\n[[rule]]\nid = \"edge-word\"\ncategory = \"edge-cue\"\n\
              message = \"The edge word\"\nexplanation = \"A test rule.\"\nphrases = [\"zorblat\"]\n",
        ),
    ]);
    let check = |format: &str| {
        let output = newslint()
            .current_dir(dir.path())
            .args([
                "check",
                "--no-default-rules",
                "--rules",
                "edge.toml",
                "--fail-under",
                "40",
                "--format",
                format,
            ])
            .arg("e.txt")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "39.97 is below 40");
        String::from_utf8(output.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&check("json")).unwrap();
    assert_eq!(json["articles"][0]["score"], 39.97);
    for format in ["table", "annotated", "markdown", "html"] {
        let out = check(format);
        assert!(out.contains("39.97") && !out.contains("40.0 "), "{format}: {out}");
    }
}
