//! Hostile inputs at full size: a 50 MB line, 100,000 tiny files, symbolic links that loop or
//! point nowhere. Each is handled, or named on stderr, and nothing else is lost.

use predicates::prelude::*;

use super::{folder, newslint};

#[test]
fn a_fifty_megabyte_line_is_analysed() {
    // Plain words, with a sourced claim and a cue once a megabyte.
    let megabyte =
        format!("{}The minister said the plan was a shocking disaster. ", "plain words here ".repeat(61_680));
    let line = megabyte.repeat(50);
    let dir = folder(&[("big.txt", line.as_bytes())]);
    let output =
        newslint().args(["check", "--format", "jsonl"]).arg(dir.path().join("big.txt")).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["words"].as_u64().unwrap() > 8_000_000);
    assert!(json["findings"].as_array().unwrap().len() >= 50);
}

#[test]
fn a_hundred_thousand_tiny_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..100_000 {
        std::fs::write(dir.path().join(format!("{i:06}.txt")), format!("Article {i}: sources say so."))
            .unwrap();
    }
    let output = newslint().args(["check", "--format", "csv"]).arg(dir.path()).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let rows: Vec<&[u8]> = output.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 100_001, "a header and one row per file");
    assert!(rows[1].starts_with(b"000000.txt,"), "sorted");
    assert!(rows[100_000].starts_with(b"099999.txt,"));
}

#[cfg(unix)]
#[test]
fn symbolic_links_that_loop_or_dangle() {
    let dir = folder(&[("ok.txt", b"A calm report.")]);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("missing.txt"), dir.path().join("dangling.txt")).unwrap();
    // In a folder walk, links are not followed (as in ripgrep): no loop, one article.
    newslint()
        .args(["check", "--format", "jsonl"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"id\":\"ok.txt\"").count(1));
    // Named on the command line, a dangling link is named on stderr; the other input is kept.
    newslint()
        .args(["check", "--format", "jsonl"])
        .arg(dir.path().join("dangling.txt"))
        .arg(dir.path().join("ok.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("dangling.txt: no such file or folder"))
        .stdout(predicate::str::contains("\"id\":\"ok.txt\""));
}

#[test]
fn hostile_text_never_panics() {
    let mut nasty = Vec::new();
    nasty.extend_from_slice("“".repeat(100_000).as_bytes());
    nasty.extend_from_slice(&b"\n".repeat(200_000));
    nasty.extend_from_slice("\u{200b}\u{feff}\u{0301}é́‘’\"'«»".repeat(10_000).as_bytes());
    nasty.extend_from_slice(b"\r\r\r\t\x0b\x0c");
    // Findings among all that, so that every printer's excerpts, marks and wrapping run on it.
    nasty.extend_from_slice(
        "Sources say the\u{301} shocking\t“disaster” is a total catastrophe!!\r\n".repeat(200).as_bytes(),
    );
    nasty.extend_from_slice("東京 😀 shocking \u{202e}reversed\u{202c} lies\u{200d} ".repeat(200).as_bytes());
    let dir = folder(&[("nasty.txt", &nasty)]);
    for format in ["table", "json", "jsonl", "annotated", "sarif", "csv", "markdown", "html", "github"] {
        let output = newslint()
            .args(["check", "--format", format])
            .arg(dir.path().join("nasty.txt"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{format}: {}", String::from_utf8_lossy(&output.stderr));
        assert!(output.stderr.is_empty(), "{format}: {}", String::from_utf8_lossy(&output.stderr));
        assert!(!output.stdout.is_empty(), "{format}: a report is printed");
    }
}

/// `-o` at something that is not a regular file (a FIFO here; `/dev/null` and `/dev/stdout`
/// alike) is written in place: renaming a temporary file over it would replace the device or
/// pipe with a plain file.
#[cfg(unix)]
#[test]
fn output_to_a_fifo_writes_into_it_and_leaves_it_a_fifo() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = folder(&[("a.txt", b"A calm report.")]);
    let fifo = dir.path().join("out.fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let expected =
        newslint().args(["check", "--format", "csv"]).arg(dir.path().join("a.txt")).output().unwrap().stdout;
    // Opened for reading and writing, the FIFO has a reader at once (Linux) and never blocks.
    let mut reader = std::fs::OpenOptions::new().read(true).write(true).open(&fifo).unwrap();
    newslint()
        .args(["check", "--format", "csv", "-o"])
        .arg(&fifo)
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(0);
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO was replaced");
    let mut written = vec![0; expected.len()];
    reader.read_exact(&mut written).unwrap();
    assert_eq!(written, expected);
}

#[test]
fn output_to_a_missing_folder_names_the_file() {
    let dir = folder(&[("a.txt", b"A calm report.")]);
    let target = dir.path().join("no/such/report.json");
    newslint()
        .args(["check", "-o"])
        .arg(&target)
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}: cannot write: no such file or folder",
            target.display()
        )))
        .stderr(predicate::str::contains("newslint-tmp").not())
        .stderr(predicate::str::contains("os error").not());
}

/// The report is written through a new file of its own: a link planted where a temporary
/// file could be expected is not written through, and the report ends up at `-o`, readable as a
/// file made by the shell would be.
#[test]
fn output_is_not_written_through_a_planted_link() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[("a.txt", b"A calm report."), ("victim.txt", b"precious")]);
    std::os::unix::fs::symlink(dir.path().join("victim.txt"), dir.path().join(".out.json.newslint-tmp"))
        .unwrap();
    let target = dir.path().join("out.json");
    newslint()
        .args(["check", "--format", "json", "-o"])
        .arg(&target)
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(0);
    assert_eq!(std::fs::read(dir.path().join("victim.txt")).unwrap(), b"precious");
    let report = std::fs::symlink_metadata(&target).unwrap();
    assert!(report.is_file(), "a file, not a link");
    assert_eq!(
        report.permissions().mode() & 0o066,
        0o066 & !umask(),
        "group and others read as the umask allows"
    );
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(json["summary"]["articles"], 1);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("newslint-tmp") && name != ".out.json.newslint-tmp")
        .collect();
    assert!(left.is_empty(), "no temporary file is left: {left:?}");
}

/// A report written into a folder that is read would replace an article, or be read as one by
/// the next run; one of another kind (`.json` is not read from folders) is fine.
#[test]
fn output_inside_an_input_folder_is_refused() {
    let dir = folder(&[("corpus/a.txt", b"A calm report."), ("corpus/b.txt", b"Another calm report.")]);
    let corpus = dir.path().join("corpus");
    for name in ["a.txt", "report.md", "sub/../report.jsonl"] {
        std::fs::create_dir_all(corpus.join("sub")).unwrap();
        newslint()
            .args(["check", "-o"])
            .arg(corpus.join(name))
            .arg(&corpus)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is inside the input folder"));
    }
    assert_eq!(std::fs::read(corpus.join("a.txt")).unwrap(), b"A calm report.");
    assert!(!corpus.join("report.md").exists());
    // No paths: the current folder is the input.
    newslint().current_dir(&corpus).args(["check", "-o", "report.md"]).assert().code(2);
    newslint()
        .args(["check", "--format", "json", "-o"])
        .arg(corpus.join("report.json"))
        .arg(&corpus)
        .assert()
        .code(0);
    newslint().args(["check", "-o"]).arg(dir.path().join("report.md")).arg(&corpus).assert().code(0);
}

/// This process's umask, read back from a file it creates.
fn umask() -> u32 {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    std::fs::File::create(&probe).unwrap();
    0o666 & !std::fs::metadata(&probe).unwrap().permissions().mode()
}

/// Each quotation looks for a speech verb next to it; a line of a million quote marks (half a
/// million empty quotations) stays linear and quick.
#[test]
fn a_million_quote_marks() {
    let mut text = "\"".repeat(1_000_000);
    text.push_str(" the minister said \"it is a shocking disaster\".");
    let dir = folder(&[("quotes.txt", text.as_bytes())]);
    let output =
        newslint().args(["check", "--format", "jsonl"]).arg(dir.path().join("quotes.txt")).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["findings"].as_array().unwrap().iter().any(|f| f["voice"] == "quoted"), "{json}");
}

/// An id or source of 100,000 characters is cut in the table (comfy-table wraps a cell in time
/// that grows with the square of its length); the machine formats keep it whole.
#[test]
fn huge_ids_are_cut_in_the_table() {
    let id = "x".repeat(100_000);
    let jsonl = format!("{{\"id\":\"{id}\",\"source\":\"{id}\",\"text\":\"A calm report.\"}}\n");
    let dir = folder(&[("d.jsonl", jsonl.as_bytes())]);
    let output =
        newslint().args(["check", "--group-by", "source"]).arg(dir.path().join("d.jsonl")).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(table.contains("xxx…"), "{table}");
    assert!(table.len() < 120_000, "the heading keeps the id, the two tables cut it: {}", table.len());
    let (json, _, _) = super::check_json(&[dir.path().join("d.jsonl").to_str().unwrap()]);
    assert_eq!(json["articles"][0]["id"].as_str().unwrap().len(), 100_000);
}

#[test]
fn absurd_job_counts_are_capped() {
    let dir = folder(&[("a.txt", b"A calm report.")]);
    for jobs in ["0", "100000"] {
        newslint()
            .args(["check", "--format", "csv", "--jobs", jobs])
            .arg(dir.path().join("a.txt"))
            .assert()
            .code(0)
            .stdout(predicate::str::contains("a.txt,"));
    }
    newslint()
        .args(["check", "--jobs", "100000"])
        .arg(dir.path().join("a.txt"))
        .assert()
        .stderr(predicate::str::contains("--jobs 100000 is more than 256; using 256 threads"));
}

/// `/dev/zero` is read up to the article limit, then skipped: bounded in time and memory.
#[cfg(unix)]
#[test]
fn endless_inputs_stop_at_the_article_limit() {
    newslint()
        .args(["check", "--max-article-bytes", "100000", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/dev/zero: article is over the 100000-byte article limit"));
    newslint().args(["check", "--input-format", "jsonl", "/dev/zero"]).assert().code(2).stderr(
        predicate::str::contains("/dev/zero: binary data (it contains NUL or control bytes), not JSONL"),
    );
}

/// An unreadable folder inside a walk is named with a plain reason (when not run as root, who
/// can read it anyway).
#[cfg(unix)]
#[test]
fn unreadable_folders_are_named_plainly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[("ok.txt", b"A calm report."), ("locked/a.txt", b"Hidden.")]);
    let locked = dir.path().join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read_dir(&locked).is_ok();
    let output = newslint().args(["check", "--format", "csv"]).arg(dir.path()).output().unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(String::from_utf8_lossy(&output.stdout).contains("ok.txt,"));
    if !readable {
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr.contains("locked: cannot read the folder: permission denied"), "{stderr}");
        assert!(!stderr.contains("os error"), "{stderr}");
    }
}

#[test]
fn escape_sequences_in_articles_and_file_names_do_not_reach_the_terminal() {
    // Clear the screen, retitle the window: an article or a file name can hold either.
    let record = "{\"id\":\"evil\\u001b[2J\",\"text\":\"A terrifying \\u001b]0;pwned\\u0007 invasion.\"}\n";
    #[cfg(unix)]
    let files: &[(&str, &[u8])] = &[("a.jsonl", record.as_bytes()), ("e\u{1b}[2J.txt", b"")];
    #[cfg(not(unix))]
    let files: &[(&str, &[u8])] = &[("a.jsonl", record.as_bytes())];
    let dir = folder(files);
    for format in ["table", "annotated"] {
        let output = newslint().args(["check", "--format", format]).arg(dir.path()).output().unwrap();
        let (stdout, stderr) =
            (String::from_utf8(output.stdout).unwrap(), String::from_utf8(output.stderr).unwrap());
        assert!(!stdout.contains('\u{1b}') && !stdout.contains('\u{7}'), "{format}: {stdout}");
        assert!(stdout.contains("evil␛[2J") && stdout.contains("␛]0;pwned␇"), "{format}: {stdout}");
        assert!(!stderr.contains('\u{1b}'), "{stderr}");
        #[cfg(unix)]
        assert!(stderr.contains("e␛[2J.txt"), "{stderr}");
    }
}

#[test]
fn escape_sequences_in_arguments_do_not_reach_the_terminal_in_errors() {
    let dir = folder(&[("ok.txt", b"A calm report.")]);
    let file = dir.path().join("ok.txt").display().to_string();
    for args in [&["check", "--select", "\u{1b}]0;pwned\u{7}", &file][..], &["explain", "\u{1b}[2J"][..]] {
        let output = newslint().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(!stderr.contains('\u{1b}') && !stderr.contains('\u{7}'), "{stderr}");
        assert!(stderr.contains('␛'), "{stderr}");
    }
}

#[cfg(unix)]
#[test]
fn escape_sequences_in_rule_files_and_labels_do_not_reach_the_terminal() {
    // No examples: `rules test` then names the rule's file.
    let rule = "[[rule]]\nid = \"evil\"\ncategory = \"doubt\"\nmessage = \"m\\u001b[2J\"\nexplanation = \"e\\u001b]0;x\\u0007\"\nphrases = [\"zq\"]\n";
    let labels = "{\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":1,\"label\":\"\\u001b[2J\"}]}\n";
    let rule_file = "e\u{1b}[31m.toml";
    let dir = folder(&[(rule_file, rule.as_bytes()), ("l.jsonl", labels.as_bytes())]);
    let rules = dir.path().join(rule_file);
    let outputs = [
        newslint().arg("explain").arg("evil").arg("--rules").arg(&rules).output().unwrap(),
        newslint().args(["rules", "list", "--no-default-rules", "--rules"]).arg(&rules).output().unwrap(),
        newslint().args(["rules", "test"]).arg(&rules).output().unwrap(),
        newslint()
            .args(["eval", "--labels-format", "jsonl", "--no-default-rules", "--labels"])
            .arg(dir.path().join("l.jsonl"))
            .output()
            .unwrap(),
    ];
    for output in outputs {
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert!(!stdout.contains('\u{1b}') && !stdout.contains('\u{7}'), "{stdout}");
        assert!(stdout.contains('␛'), "{stdout}");
    }
}

#[test]
fn the_summary_table_lists_at_most_ten_thousand_articles() {
    // Its rows are laid out at the end: unbounded, 200,000 articles took 416 MB.
    let records: String =
        (0..10_003).map(|i| format!("{{\"id\":\"a{i:05}\",\"text\":\"Sources say so.\"}}\n")).collect();
    let dir = folder(&[("many.jsonl", records.as_bytes())]);
    let output = newslint().args(["check", "--quiet"]).arg(dir.path()).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let summary = &stdout[stdout.rfind("┌─").unwrap()..];
    assert!(
        summary.contains("│ a09999 ") && !summary.contains("│ a10000 "),
        "{}",
        &summary[summary.len() - 600..]
    );
    assert!(summary.contains("… and 3 more articles"));
    assert!(summary.ends_with("\n10003 articles, 10003 findings\n"), "every article still counted");
}

#[test]
fn a_truncated_gzip_file_ends_with_one_message_and_keeps_what_was_read() {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..20_000 {
        writeln!(
            gz,
            r#"{{"id": "a{i}", "text": "Article {i} says the plan {i} was shocking, sources say."}}"#
        )
        .unwrap();
    }
    let whole = gz.finish().unwrap();
    let dir = folder(&[("cut.jsonl.gz", &whole[..whole.len() / 2])]);
    // Before, the decoder's error came back at every read: the run never ended.
    let output = newslint()
        .timeout(std::time::Duration::from_secs(120))
        .args(["check", "--format", "jsonl", "--quiet"])
        .arg(dir.path().join("cut.jsonl.gz"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("cannot read").count(), 1, "{stderr}");
    let articles = output.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
    assert!((1_000..20_000).contains(&articles), "{articles} articles");
}

#[test]
fn a_truncated_compressed_csv_is_named_with_the_line_it_stopped_at() {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    writeln!(gz, "id,text").unwrap();
    for i in 0..5_000 {
        writeln!(gz, "r{i},Row {i} is a calm report.").unwrap();
    }
    let whole = gz.finish().unwrap();
    let dir = folder(&[("cut.csv.gz", &whole[..whole.len() / 2])]);
    let output = newslint()
        .args(["check", "--format", "jsonl", "--quiet"])
        .arg(dir.path().join("cut.csv.gz"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let articles = output.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The records read are kept; the message names the line after the last of them.
    let expected = format!("cut.csv.gz:{}: cannot read: ", articles + 2);
    assert!(stderr.contains(&expected) && stderr.matches("cannot read").count() == 1, "{expected}: {stderr}");
}

#[test]
fn the_largest_article_limit_means_no_limit() {
    let dir = folder(&[
        ("a.txt", b"The minister said the plan was shocking."),
        ("b.jsonl", b"{\"text\": \"Shocking news.\"}\n"),
    ]);
    newslint()
        .args(["check", "--format", "jsonl", "--max-article-bytes", &usize::MAX.to_string()])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"id\":\"a.txt\"").and(predicate::str::contains("b.jsonl:1\"")));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_standard_output_is_an_error_not_a_panic() {
    for args in
        [&["config"][..], &["completions", "bash"], &["man"], &["rules", "list"], &["explain", "doubt"]]
    {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("newslint"))
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("standard output: cannot write: No space left on device"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn an_output_that_is_also_an_input_is_refused_before_the_run() {
    let dataset = b"{\"id\":\"a\",\"text\":\"A calm report.\"}\n";
    let dir = folder(&[("d.jsonl", dataset), ("b.json", b"{\"schema\":1,\"findings\":[]}")]);
    let (data, baseline) = (dir.path().join("d.jsonl"), dir.path().join("b.json"));
    let run = |args: &[&std::ffi::OsStr]| newslint().arg("check").args(args).assert().code(2);
    run(&["-o".as_ref(), data.as_os_str(), data.as_os_str()])
        .stderr(predicate::str::contains("d.jsonl: the -o file is an input of this run"));
    run(&["--write-baseline".as_ref(), data.as_os_str(), data.as_os_str()])
        .stderr(predicate::str::contains("the --write-baseline file is an input of this run"));
    run(&[
        "-o".as_ref(),
        baseline.as_os_str(),
        "--baseline".as_ref(),
        baseline.as_os_str(),
        data.as_os_str(),
    ])
    .stderr(predicate::str::contains("the -o file is the baseline (--baseline) of this run"));
    let report = dir.path().join("r.json");
    run(&[
        "-o".as_ref(),
        report.as_os_str(),
        "--write-baseline".as_ref(),
        report.as_os_str(),
        data.as_os_str(),
    ])
    .stderr(predicate::str::contains("-o and --write-baseline name the same file"));
    // Nothing was overwritten.
    assert_eq!(std::fs::read(&data).unwrap(), dataset);
    assert!(!report.exists());
}

#[test]
fn an_output_path_ending_in_a_slash_is_refused_before_the_run() {
    let dir = folder(&[("a.txt", b"It was shocking.")]);
    newslint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "-o", "out/", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("out/: names a folder (it ends with /), not a file"));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["a.txt"], "no temporary file is left behind");
}
