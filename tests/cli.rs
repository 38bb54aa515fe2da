//! The command line: formats, flags and exit codes, with a small rule file of our own.

use predicates::prelude::*;

use super::{check_json, data, folder, newslint};

fn classroom() -> String {
    data("rules/classroom.toml").display().to_string()
}

const ARTICLE: &str = "Terrifying news\n\nA terrifying invasion is near. This proves the plan failed.\n\n\
“It is an attack on all of us,” said Smith. This proves it, according to Reuters.\n";

#[test]
fn json_has_the_spec_fields_and_offsets_point_at_the_text() {
    let dir = folder(&[("a.txt", ARTICLE.as_bytes())]);
    let path = dir.path().join("a.txt");
    let (json, code, _) = check_json(&[
        "--no-default-rules",
        "--rules",
        &classroom(),
        "--include-text",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(json["schema"], 1);
    assert_eq!(json["tool"]["name"], "newslint");
    let article = &json["articles"][0];
    assert_eq!(article["id"], "a.txt");
    let text = article["text"].as_str().unwrap();
    assert_eq!(text, ARTICLE);
    let findings = article["findings"].as_array().unwrap();
    let rules: Vec<&str> = findings.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    // The heading's "Terrifying" is found in the title zone; the sourced "proves" is not.
    assert_eq!(
        rules,
        [
            "fear-words",
            "fear-words",
            "fear-words",
            "unsourced-proof",
            "fear-words",
            "named-source",
            "named-source"
        ]
    );
    for f in findings {
        let (start, end) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(f["text"].as_str().unwrap(), &text[start..end]);
        for key in ["category", "group", "severity", "line", "column", "zone", "voice", "message"] {
            assert!(!f[key].is_null(), "finding lacks {key}");
        }
    }
    assert_eq!(findings[0]["zone"], "title");
    assert_eq!(findings[3]["text"], "This proves the plan failed.");
    // "attack" is inside Smith's quotation: reported, in the speaker's voice.
    assert_eq!(findings[4]["text"], "attack");
    assert_eq!(findings[4]["voice"], "quoted");
    assert_eq!((findings[5]["line"].as_u64(), findings[5]["column"].as_u64()), (Some(5), Some(33)));

    // base + breakdown == score; zones cover the text.
    let sum: f64 =
        article["breakdown"].as_array().unwrap().iter().map(|b| b["points"].as_f64().unwrap()).sum();
    assert!((article["base"].as_f64().unwrap() + sum - article["score"].as_f64().unwrap()).abs() < 0.011);
    let zones = article["zones"].as_array().unwrap();
    assert_eq!(zones[0]["start"], 0);
    assert_eq!(zones.last().unwrap()["end"].as_u64().unwrap() as usize, text.len());
    // Quoted cues are shown but not counted.
    let fear =
        article["breakdown"].as_array().unwrap().iter().find(|b| b["category"] == "appeal-to-fear").unwrap();
    assert_eq!((fear["count"].as_u64(), fear["quoted"].as_u64()), (Some(3), Some(1)));
    assert_eq!(json["summary"]["articles"], 1);
}

#[test]
fn jsonl_prints_one_article_per_line_in_input_order() {
    let dir = folder(&[("b.txt", b"Calm report, said Smith."), ("a.txt", ARTICLE.as_bytes())]);
    let output = newslint()
        .args(["check", "--format", "jsonl", "--no-default-rules", "--rules", &classroom()])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let lines: Vec<serde_json::Value> =
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a.txt", "b.txt"]);
    assert!(lines[0].get("text").is_none(), "text only with --include-text");
}

#[test]
fn fail_under_trips_the_gate() {
    let dir = folder(&[("a.txt", ARTICLE.as_bytes())]);
    let rules = classroom();
    let run = |threshold: &str| {
        newslint()
            .args(["check", "--no-default-rules", "--rules", &rules, "--fail-under", threshold])
            .arg(dir.path())
            .assert()
    };
    run("10").code(0);
    run("99").code(1).stdout(predicate::str::contains("1 below 99"));
    newslint().args(["check", "--fail-under", "abc", "."]).assert().code(2);
}

#[test]
fn select_and_ignore_take_rule_and_category_ids() {
    let dir = folder(&[("a.txt", ARTICLE.as_bytes())]);
    let path = dir.path().join("a.txt");
    let rules = classroom();
    let categories = |extra: &[&str]| {
        let mut args = vec!["--no-default-rules", "--rules", &rules, path.to_str().unwrap()];
        args.extend_from_slice(extra);
        let (json, _, _) = check_json(&args);
        let mut found: Vec<String> = json["articles"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["category"].as_str().unwrap().to_string())
            .collect();
        found.dedup();
        found
    };
    assert_eq!(categories(&["--select", "unsourced-claim"]), ["unsourced-claim"]);
    // Attribution still silences the unsourced rule when it is not reported itself.
    let (json, _, _) = check_json(&[
        "--no-default-rules",
        "--rules",
        &rules,
        "--select",
        "unsourced-proof",
        path.to_str().unwrap(),
    ]);
    assert_eq!(json["articles"][0]["findings"].as_array().unwrap().len(), 1);
    assert_eq!(categories(&["--ignore", "fear-words,attribution"]), ["unsourced-claim"]);
    newslint().args(["check", "--select", "no-such-thing"]).arg(&path).assert().code(2).stderr(
        predicate::str::contains("unknown rule or category `no-such-thing`")
            .and(predicate::str::contains("did you mean").not()),
    );
    // A misspelt category or rule id names the one it is closest to.
    newslint()
        .args(["check", "--ignore", "Unsourced_Claims"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule or category `Unsourced_Claims` in --ignore (see `newslint rules list`); did you mean `unsourced-claim`?",
        ));
}

#[test]
fn table_marks_matches_and_has_no_colour_when_piped() {
    let dir = folder(&[("a.txt", ARTICLE.as_bytes())]);
    let assert = newslint()
        .args(["check", "--no-default-rules", "--rules", &classroom()])
        .arg(dir.path())
        .assert()
        .code(0);
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(out.contains("A «terrifying»") && out.contains("«invasion»"), "{out}");
    assert!(!out.contains('\u{1b}'), "no ANSI escapes when piped");
    assert!(out.contains("1 article, 7 findings"));
    let coloured = newslint()
        .args(["check", "--color", "always", "--no-default-rules", "--rules", &classroom()])
        .arg(dir.path())
        .output()
        .unwrap();
    let coloured = String::from_utf8(coloured.stdout).unwrap();
    assert!(coloured.contains("\u{1b}[1m"), "bold headings and categories: {coloured}");
    // Colour changes nothing else: without its escape codes the table is the plain one.
    let escape = regex::Regex::new("\u{1b}\\[[0-9;]*m").unwrap();
    assert_eq!(escape.replace_all(&coloured, ""), out);
}

#[test]
fn jobs_do_not_change_the_output() {
    let mut files: Vec<(String, Vec<u8>)> = (0..40)
        .map(|i| (format!("{i:02}.txt"), format!("Title {i}\n\n{}", ARTICLE.repeat(i % 5 + 1)).into_bytes()))
        .collect();
    // More records than one batch holds (256), of uneven lengths, so that batches and threads
    // finish out of order.
    let records: String =
        (0..700).map(|i| format!("{{\"id\":\"r{i}\",\"text\":{:?}}}\n", ARTICLE.repeat(i % 7 + 1))).collect();
    files.push(("records.jsonl".to_string(), records.into_bytes()));
    // HTML pages are extracted by the analysing threads, not the reader: one that cannot be
    // extracted (binary) is skipped in its place.
    files.extend((0..12).map(|i| {
        let page = format!("<html><head><title>Page {i}</title></head><body><article><h1>Page {i}</h1><p>{}</p></article></body></html>", ARTICLE.repeat(i % 4 + 1));
        (format!("p{i:02}.html"), page.into_bytes())
    }));
    files.push(("p05b.html".to_string(), b"\x00\x01\x02 binary \x00".repeat(40)));
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, c)| (n.as_str(), c.as_slice())).collect();
    let dir = folder(&files);
    let run = |jobs: &str, format: &str| {
        newslint()
            .args(["check", "--format", format, "--jobs", jobs])
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1", "json");
    assert!(!one.is_empty());
    assert_eq!(one, run("2", "json"));
    assert_eq!(one, run("4", "json"));
    let lines = run("3", "jsonl");
    let ids: Vec<String> = String::from_utf8(lines.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..40)
        .map(|i| format!("{i:02}.txt"))
        .chain((0..12).map(|i| format!("p{i:02}.html")))
        .chain((0..700).map(|i| format!("r{i}")))
        .collect();
    assert_eq!(ids, expected, "every article once, in input order");
    let summary: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(
        summary["summary"]["skipped"][0]["path"].as_str().map(|p| p.ends_with("p05b.html")),
        Some(true)
    );
    assert_eq!(lines, run("1", "jsonl"));
    assert_eq!(run("1", "table"), run("3", "table"));
}

#[test]
fn tables_laid_out_in_parallel_match_those_laid_out_at_the_end() {
    // Streamed, each article's table is laid out by an analysing thread; with `--sort` the
    // printer lays them out at the end. File names sort as the folder is read: same order.
    let files: Vec<(String, String)> =
        (0..6).map(|i| (format!("{i}.txt"), format!("Title {i}\n\n{}", ARTICLE.repeat(i + 1)))).collect();
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, c)| (n.as_str(), c.as_bytes())).collect();
    let dir = folder(&files);
    let run = |extra: &[&str]| newslint().arg("check").args(extra).arg(dir.path()).output().unwrap().stdout;
    let streamed = run(&[]);
    assert!(String::from_utf8_lossy(&streamed).contains("«terrifying»"));
    assert_eq!(streamed, run(&["--sort", "id"]));

    // Tables of a thousand findings: past 8 MB of them in a batch, the printer lays out the
    // rest, and nothing shows the difference.
    let dense: String = (0..30)
        .map(|i| format!("{{\"id\":\"d{i:02}\",\"text\":\"{}\"}}\n", "terrifying ".repeat(1200)))
        .collect();
    let dir = folder(&[("dense.jsonl", dense.as_bytes())]);
    let run = |extra: &[&str]| newslint().arg("check").args(extra).arg(dir.path()).output().unwrap().stdout;
    let streamed = run(&[]);
    assert!(streamed.len() > 8 << 20, "{} bytes", streamed.len());
    assert_eq!(streamed, run(&["--sort", "id"]));
}

#[test]
fn rules_list_test_and_explain() {
    newslint().args(["rules", "list"]).assert().code(0).stdout(
        predicate::str::contains("loaded-language").and(predicate::str::contains("rules in 29 categories")),
    );
    // Every default rule carries examples: none is reported untested.
    newslint()
        .args(["rules", "test"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(" 0 failed").and(predicate::str::contains("UNTESTED").not()));
    // From the repository root, the packs on disk stand in for their built-in copies instead
    // of clashing with them.
    newslint()
        .args(["rules", "test", "rules/"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(" 0 failed"));
    newslint()
        .args(["rules", "test"])
        .arg(data("rules/classroom.toml"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("3 rules, 7 passed, 0 failed"));
    let failing = folder(&[(
        "bad.toml",
        b"[[rule]]\nid = \"x\"\ncategory = \"doubt\"\nmessage = \"m\"\nexplanation = \"e\"\nphrases = [\"maybe\"]\nexamples = [\"Perhaps.\"]\ncounterexamples = [\"Maybe not.\"]\n",
    )]);
    newslint()
        .args(["rules", "test"])
        .arg(failing.path().join("bad.toml"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("FAIL x").and(predicate::str::contains("0 passed, 2 failed")));
    // A rule that looks only at titles and bylines is tested on its examples as a title.
    let headline = folder(&[(
        "headline.toml",
        b"[[rule]]\nid = \"shock-headline\"\ncategory = \"sensationalism\"\nmessage = \"m\"\nexplanation = \"e\"\nphrases = [\"shocking\"]\nscope = [\"title\", \"byline\"]\nexamples = [\"A shocking headline\"]\n",
    )]);
    newslint()
        .args(["rules", "test"])
        .arg(headline.path().join("headline.toml"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("rules test: 1 rule, 1 passed, 0 failed\n"));
    // A rule without examples passes, but is named, so a student sees it was never checked.
    let untested = folder(&[(
        "new.toml",
        b"[[rule]]\nid = \"scary\"\ncategory = \"appeal-to-fear\"\nmessage = \"m\"\nexplanation = \"e\"\nphrases = [\"nightmare\"]\n",
    )]);
    newslint().args(["rules", "test"]).arg(untested.path().join("new.toml")).assert().code(0).stdout(
        predicate::str::contains("UNTESTED scary (")
            .and(predicate::str::contains("rules test: 1 rule, 0 passed, 0 failed, 1 without examples\n")),
    );
    // An exception that holds no match of its rule can never cancel one: named, not a failure.
    let exceptions = folder(&[(
        "new.toml",
        b"[[rule]]\nid = \"scary\"\ncategory = \"appeal-to-fear\"\nmessage = \"m\"\nexplanation = \"e\"\n\
          phrases = [\"nightmare\"]\nexceptions = [\"nightmare scenario\", \"nightmares\"]\n\
          examples = [\"A nightmare.\"]\ncounterexamples = [\"A nightmare scenario.\"]\n",
    )]);
    let output = newslint().args(["rules", "test"]).arg(exceptions.path().join("new.toml")).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("UNUSED scary (") && stdout.contains("the exception \"nightmares\" holds no match"),
        "{stdout}"
    );
    assert!(!stdout.contains("\"nightmare scenario\" holds"), "{stdout}");
    assert!(stdout.ends_with("rules test: 1 rule, 2 passed, 0 failed, 1 unused exception\n"), "{stdout}");
    newslint()
        .args(["explain", "vague-attribution"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("What to do next"));
    newslint()
        .args(["explain", "fear-words", "--no-default-rules", "--rules"])
        .arg(data("rules/classroom.toml"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Fear words push you"));
    // An id that names a category and one of its rules explains both, the category first (as
    // `--select donation-appeal` means the category).
    let both = newslint().args(["explain", "donation-appeal"]).output().unwrap();
    let both = String::from_utf8(both.stdout).unwrap();
    let (category, rule) =
        (both.find("(a cue category)"), both.find("a rule of the category donation-appeal"));
    assert!(category.is_some() && rule.is_some() && category < rule, "{both}");
    newslint()
        .args(["explain", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule or category `nope`"));
    newslint()
        .args(["explain", "vague-atribution-phrases"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `vague-attribution-phrases`?"));
}

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    use std::io::Read;
    use std::process::Stdio;
    let big: String = (0..3000)
        .map(|i| format!("{{\"id\":\"{i}\",\"text\":\"{}\"}}\n", "A terrifying invasion. ".repeat(20)))
        .collect();
    let dir = folder(&[("big.jsonl", big.as_bytes())]);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newslint"))
        .args(["check", "--format", "jsonl"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "status {:?}", output.status);
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn a_jsonl_stream_on_standard_input_is_answered_line_by_line() {
    use std::io::{BufRead, Write};
    use std::process::Stdio;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newslint"))
        .args(["check", "--format", "jsonl", "--quiet", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (line_tx, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let _ = line_tx.send(line.unwrap());
        }
    });
    // The first result comes while standard input is still open (the guard only keeps a
    // broken build from hanging the suite).
    writeln!(stdin, r#"{{"id":"first","text":"A terrifying day."}}"#).unwrap();
    let guard = std::time::Duration::from_secs(30);
    let first = lines.recv_timeout(guard).expect("the first article is printed before the input ends");
    assert!(first.starts_with(r#"{"id":"first""#), "{first}");
    writeln!(stdin, r#"{{"id":"second","text":"Another day."}}"#).unwrap();
    drop(stdin);
    let second = lines.recv_timeout(guard).unwrap();
    assert!(second.starts_with(r#"{"id":"second""#), "{second}");
    assert!(child.wait().unwrap().success());
}

#[test]
fn rules_test_takes_the_rules_of_its_path_not_of_a_folder_named_like_it() {
    let rule = |id: &str| {
        format!(
            "[[rule]]\nid = \"{id}\"\ncategory = \"loaded-language\"\nmessage = \"m\"\nexplanation = \"e\"\nphrases = [\"{id}\"]\nexamples = [\"a {id} b\"]\n"
        )
    };
    let (mine, extra) = (rule("zorblax"), rule("quuxle"));
    let dir = folder(&[("r/mine.toml", mine.as_bytes()), ("r-extra/extra.toml", extra.as_bytes())]);
    newslint()
        .current_dir(dir.path())
        .args(["rules", "test", "--no-default-rules", "--rules", "r-extra", "r"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("rules test: 1 rule, 1 passed, 0 failed\n"));
}

#[test]
fn rules_test_finds_the_rules_newslint_toml_loaded() {
    let rule = "[[rule]]\nid = \"council-word\"\ncategory = \"doubt\"\nmessage = \"m\"\nexplanation = \"e\"\nphrases = [\"council\"]\nexamples = [\"Nothing here.\"]\n";
    let dir = folder(&[
        ("newslint.toml", b"rules = [\"newsroom-rules/\"]\n"),
        ("newsroom-rules/my.toml", rule.as_bytes()),
    ]);
    // The config loads the file first (by its absolute path); naming it again tests it, and
    // its failure fails the run, as in CI.
    for path in ["newsroom-rules/", "newsroom-rules/my.toml"] {
        newslint().current_dir(dir.path()).args(["rules", "test", path]).assert().code(1).stdout(
            predicate::str::contains("FAIL council-word")
                .and(predicate::str::contains("1 rule, 0 passed, 1 failed")),
        );
    }
    // A path with no rules in it is an error, not a pass.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    newslint()
        .current_dir(dir.path())
        .args(["rules", "test", "empty"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rules to test in empty"));
}

#[test]
fn an_edited_copy_of_the_packs_replaces_them_however_it_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let packs = dir.path().join("rules");
    std::fs::create_dir(&packs).unwrap();
    for entry in std::fs::read_dir(super::repo().join("rules")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&path, packs.join(path.file_name().unwrap())).unwrap();
        }
    }
    // One message edited in the copy: the edited text is what runs, from the copy's file.
    let signals = packs.join("signals.toml");
    let text = std::fs::read_to_string(&signals).unwrap();
    assert!(text.contains("\"The article names its author\""));
    std::fs::write(&signals, text.replace("\"The article names its author\"", "\"Edited: a named author\""))
        .unwrap();
    let absolute = format!("{}/", packs.display());
    newslint().current_dir(dir.path()).args(["rules", "test", &absolute]).assert().code(0);
    std::fs::write(dir.path().join("newslint.toml"), "rules = [\"rules/\"]\n").unwrap();
    let output = newslint()
        .current_dir(dir.path())
        .args(["check", "--format", "jsonl"])
        .arg(super::repo().join("examples/01-well-sourced-report.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let line = String::from_utf8(output.stdout).unwrap();
    assert!(
        line.contains("Edited: a named author") && !line.contains("The article names its author"),
        "{line}"
    );
    let list = newslint().current_dir(dir.path()).args(["rules", "list"]).output().unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    let byline = list.lines().find(|l| l.contains("byline-by-name")).unwrap();
    assert!(byline.contains(&packs.join("signals.toml").display().to_string()), "{byline}");
}

#[test]
fn the_rule_skeleton_in_rules_readme_passes_its_own_tests() {
    let readme = std::fs::read_to_string(super::repo().join("rules/README.md")).unwrap();
    let skeleton = readme.split("```toml\n").nth(1).and_then(|rest| rest.split("```").next()).unwrap();
    let dir = folder(&[("skeleton.toml", skeleton.as_bytes())]);
    newslint()
        .args(["rules", "test"])
        .arg(dir.path().join("skeleton.toml"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 rule, 2 passed, 0 failed"));
}
