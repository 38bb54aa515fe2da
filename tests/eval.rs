//! `newslint eval` on small labelled sets whose numbers are checked by hand.
//!
//! The sets and the rule file are in `tests/data/eval/` (its README says what each file tests).
//! The rules fire on "shocking", "disgraceful" (loaded-language), "traitors" (name-calling),
//! "everyone knows" (bandwagon) and "you won't believe" (clickbait, a cue, never a technique).

use predicates::prelude::*;
use serde_json::Value;

use super::{data, folder, newslint};

fn path(name: &str) -> String {
    data(name).display().to_string()
}

/// Runs `eval --format json` with the test rules and `args`; expects success.
fn eval_json(args: &[&str]) -> Value {
    let rules = path("eval/rules.toml");
    let output = newslint()
        .args(["eval", "--format", "json", "--no-default-rules", "--rules", &rules])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("JSON report")
}

/// Runs `eval` with the test rules and `args`; expects exit code 2 and returns stderr.
fn eval_error(args: &[&str]) -> String {
    let rules = path("eval/rules.toml");
    let output =
        newslint().args(["eval", "--no-default-rules", "--rules", &rules]).args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "stdout: {}", String::from_utf8_lossy(&output.stdout));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(stderr.trim_end().lines().count(), 1, "one sentence: {stderr}");
    stderr
}

/// Asserts counts exactly and ratios to the last bit or so: `[findings, correct, gold, found]`,
/// then precision, recall, F1.
fn assert_scores(scores: &Value, counts: [u64; 4], ratios: [f64; 3]) {
    let got: Vec<u64> = ["findings", "findings_correct", "gold", "gold_found"]
        .iter()
        .map(|k| scores[k].as_u64().unwrap_or_else(|| panic!("no {k} in {scores}")))
        .collect();
    assert_eq!(got, counts, "{scores}");
    for (key, want) in ["precision", "recall", "f1"].iter().zip(ratios) {
        let value = scores[key].as_f64().unwrap_or_else(|| panic!("no {key} in {scores}"));
        assert!((value - want).abs() < 1e-12, "{key}: {value} != {want} in {scores}");
    }
}

fn row<'a>(report: &'a Value, category: &str) -> &'a Value {
    report["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["category"] == category)
        .unwrap_or_else(|| panic!("no row {category} in {report}"))
}

fn ptc_args() -> [String; 4] {
    ["--articles".into(), path("eval/ptc/articles"), "--labels".into(), path("eval/ptc/labels")]
}

#[test]
fn ptc_folder_with_bom_and_non_ascii() {
    let args = ptc_args();
    let report = eval_json(&args.iter().map(String::as_str).collect::<Vec<_>>());
    // Articles 1 and 2 (2's label file is empty); article 3 has no label file.
    assert_eq!(report["articles"], 2);
    assert_eq!(report["gold_spans"], 6);
    assert_eq!(report["findings"], 7, "six technique findings and one clickbait");
    let rows: Vec<&str> =
        report["categories"].as_array().unwrap().iter().map(|r| r["category"].as_str().unwrap()).collect();
    assert_eq!(rows, ["loaded-language", "name-calling", "bandwagon+reductio-ad-hitlerum"]);

    // Findings: shocking, disgraceful (article 1), shocking (article 2). Gold: shocking (found),
    // "naïve—" (ends where "disgraceful" starts: not found).
    assert_scores(row(&report, "loaded-language"), [3, 1, 2, 1], [1.0 / 3.0, 0.5, 0.4]);
    // traitors in both articles; only article 1's is labelled.
    assert_scores(row(&report, "name-calling"), [2, 1, 1, 1], [0.5, 1.0, 2.0 / 3.0]);
    // PTC's merged label: a bandwagon finding counts for it.
    let merged = row(&report, "bandwagon+reductio-ad-hitlerum");
    assert_eq!(merged["members"], serde_json::json!(["bandwagon", "reductio-ad-hitlerum"]));
    assert_scores(merged, [1, 1, 1, 1], [1.0, 1.0, 1.0]);
    assert_scores(&report["micro"], [6, 3, 4, 3], [0.5, 0.75, 0.6]);
    // Any technique finding against any of the 6 spans: shocking, traitors and "Everyone knows"
    // hit; "Café" (unmapped), "naïve—" and "met" (unmapped) are not hit; disgraceful and article
    // 2's two findings hit nothing. The clickbait finding is not a technique.
    assert_scores(&report["technique_agnostic"], [6, 3, 6, 3], [0.5, 0.5, 0.5]);

    assert_eq!(report["unmapped_spans"], 2);
    assert_eq!(
        report["unmapped"],
        serde_json::json!([
            {"label": "Made_Up_Label", "spans": 1, "in_label_map": false},
            {"label": "Obfuscation-Vagueness-Confusion", "spans": 1, "in_label_map": true},
        ])
    );
    assert_eq!(report["label_map"], "built-in");
}

#[test]
fn ptc_single_file_and_table() {
    // One label file instead of the folder: the same article 1, without the empty article 2.
    let rules = path("eval/rules.toml");
    newslint()
        .args(["eval", "--no-default-rules", "--rules", &rules, "--articles", &path("eval/ptc/articles")])
        .args(["--labels", &path("eval/ptc/labels/article1.task2-TC.labels")])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 article, 6 gold spans, 4 findings (label map: built-in)."))
        .stdout(predicate::str::contains("│ loaded-language "))
        .stdout(predicate::str::contains("┆     0.500 ┆    2 ┆     1 ┆  0.500 ┆ 0.500 │"))
        .stdout(predicate::str::contains("Made_Up_Label (1, not in the label map)"));
}

#[test]
fn jsonl_labels() {
    let report = eval_json(&["--labels-format", "jsonl", "--labels", &path("eval/labels.jsonl")]);
    assert_eq!(report["articles"], 2);
    assert_eq!(report["gold_spans"], 5);
    assert_eq!(report["findings"], 4);
    // SemEval-2023's Appeal_to_Popularity is bandwagon alone: no merged row here.
    let rows: Vec<&str> =
        report["categories"].as_array().unwrap().iter().map(|r| r["category"].as_str().unwrap()).collect();
    assert_eq!(rows, ["loaded-language", "name-calling", "bandwagon"]);
    // shocking (j1, its gold "façade—" ends where it starts) and disgraceful (j2, labelled).
    assert_scores(row(&report, "loaded-language"), [2, 1, 2, 1], [0.5, 0.5, 0.5]);
    assert_scores(row(&report, "name-calling"), [1, 1, 1, 1], [1.0, 1.0, 1.0]);
    assert_scores(row(&report, "bandwagon"), [1, 1, 1, 1], [1.0, 1.0, 1.0]);
    assert_scores(&report["micro"], [4, 3, 4, 3], [0.75, 0.75, 0.75]);
    assert_scores(&report["technique_agnostic"], [4, 3, 5, 3], [0.75, 0.6, 2.0 / 3.0]);
    assert_eq!(
        report["unmapped"],
        serde_json::json!([{"label": "Appeal_to_Values", "spans": 1, "in_label_map": true}])
    );
}

#[test]
fn a_number_id_in_jsonl_labels_is_named_as_written() {
    // As `check` names it: "1.50", not the float's "1.5".
    let dir = folder(&[(
        "l.jsonl",
        b"{\"id\": 1.50, \"text\": \"Short.\", \"spans\": [{\"start\": 0, \"end\": 99, \"label\": \"Doubt\"}]}\n",
    )]);
    let labels = dir.path().join("l.jsonl").display().to_string();
    let stderr = eval_error(&["--labels-format", "jsonl", "--labels", &labels]);
    assert!(stderr.contains("past the end of the text of 1.50 "), "{stderr}");
}

#[test]
fn an_empty_jsonl_label_is_refused() {
    let dir = folder(&[(
        "l.jsonl",
        b"{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \" \"}]}\n",
    )]);
    let labels = dir.path().join("l.jsonl").display().to_string();
    let stderr = eval_error(&["--labels-format", "jsonl", "--labels", &labels]);
    assert!(stderr.contains("l.jsonl:1: a span has an empty label"), "{stderr}");
}

#[test]
fn a_malformed_jsonl_label_line_is_named_by_its_line_once() {
    let dir = folder(&[("l.jsonl", b"\n{\"text\": \"abc\", \"spans\": [{\"start\": -1}]}\n")]);
    let labels = dir.path().join("l.jsonl").display().to_string();
    let stderr = eval_error(&["--labels-format", "jsonl", "--labels", &labels]);
    assert!(
        stderr.contains("l.jsonl:2: malformed labelled article: ") && stderr.contains(" at column "),
        "{stderr}"
    );
    assert!(!stderr.contains("line 1"), "{stderr}");
}

#[test]
fn a_label_map_of_ones_own_replaces_the_built_in_one() {
    let dir = folder(&[("map.toml", b"[labels]\nLoaded_Language = \"loaded-language\"\n")]);
    let map = dir.path().join("map.toml").display().to_string();
    let args = ptc_args();
    let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
    args.extend(["--label-map", &map]);
    let report = eval_json(&args);
    assert_eq!(report["label_map"], map);
    let rows: Vec<&str> =
        report["categories"].as_array().unwrap().iter().map(|r| r["category"].as_str().unwrap()).collect();
    assert_eq!(rows, ["loaded-language"]);
    assert_scores(&report["micro"], [3, 1, 2, 1], [1.0 / 3.0, 0.5, 0.4]);
    assert_eq!(report["unmapped_spans"], 4);
    assert!(report["unmapped"].as_array().unwrap().iter().all(|u| u["in_label_map"] == false));
}

#[test]
fn bad_label_maps_are_refused_naming_the_file() {
    let dir = folder(&[
        (
            "unknown.toml",
            b"[labels]\nLoaded_Language = \"loaded-language\"\nDoubt = [\"doubt\", \"no-such-category\"]\n",
        ),
        ("typo.toml", b"[lables]\nDoubt = \"doubt\"\n"),
        ("number.toml", b"[labels]\nDoubt = 3\n"),
    ]);
    let args = ptc_args();
    let base: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = |name: &str| {
        let map = dir.path().join(name).display().to_string();
        let mut args = base.clone();
        args.extend(["--label-map", &map]);
        let stderr = eval_error(&args);
        assert!(stderr.contains(&map), "{stderr}");
        stderr
    };
    let stderr = run("unknown.toml");
    assert!(stderr.contains("unknown.toml:3:"), "{stderr}");
    assert!(stderr.contains("label `Doubt` maps to unknown category `no-such-category`"), "{stderr}");
    assert!(run("typo.toml").contains("typo.toml:1:"));
    assert!(run("number.toml").contains("a category id or a list of category ids"));
}

#[test]
fn malformed_tsv_lines_name_the_file_and_line() {
    let articles = path("eval/ptc/articles");
    let cases: [(&[u8], &str); 5] = [
        (b"1\tLoaded_Language\t13\t21\n1\tLoaded_Language\t32\n", "expected 4 tab-separated fields"),
        (b"1\tLoaded_Language\t13\t21\n1\t13\t21\n", "use the task-2 files (`.task2-TC.labels`)"),
        (b"1\tLoaded_Language\t13\t21\n1\tDoubt\tten\t12\n", "start `ten` is not a whole number"),
        (b"1\tLoaded_Language\t13\t21\n1\tDoubt\t12\t12\n", "span 12..12 (Doubt) is empty"),
        (b"1\tLoaded_Language\t13\t21\n1\tDoubt\t80\t200\n", "is past the end of article"),
    ];
    for (contents, message) in cases {
        let dir = folder(&[("gold.labels", contents)]);
        let labels = dir.path().join("gold.labels").display().to_string();
        let stderr = eval_error(&["--articles", &articles, "--labels", &labels]);
        assert!(stderr.contains(&format!("{labels}:2: ")), "{stderr}");
        assert!(stderr.contains(message), "{stderr}");
    }
}

#[test]
fn missing_inputs_are_one_sentence_and_exit_2() {
    let articles = path("eval/ptc/articles");
    let dir = folder(&[("gold.labels", b"99\tDoubt\t0\t4\n"), ("bad.jsonl", b"{\"id\": \"x\"}\n")]);
    let labels = dir.path().join("gold.labels").display().to_string();
    let stderr = eval_error(&["--articles", &articles, "--labels", &labels]);
    assert!(stderr.contains("article99.txt") && stderr.contains(&format!("{labels}:1")), "{stderr}");
    assert!(eval_error(&["--articles", &articles, "--labels", "no/such/labels"]).contains("no/such/labels"));
    assert!(
        eval_error(&["--articles", "no/such/dir", "--labels", &labels])
            .contains("no/such/dir does not exist")
    );
    // A file where the folder should be is named as what it is.
    let stderr = eval_error(&["--articles", &labels, "--labels", &labels]);
    assert!(stderr.contains(&format!("articles folder {labels} is not a folder")), "{stderr}");
    assert!(eval_error(&["--labels", &labels]).contains("--articles"));
    let empty = folder(&[]);
    assert!(
        eval_error(&["--articles", &articles, "--labels", empty.path().to_str().unwrap()])
            .contains("no label files")
    );
    let jsonl = dir.path().join("bad.jsonl").display().to_string();
    let stderr = eval_error(&["--labels-format", "jsonl", "--labels", &jsonl]);
    assert!(stderr.contains(&format!("{jsonl}:1: ")) && stderr.contains("`text`"), "{stderr}");
}
