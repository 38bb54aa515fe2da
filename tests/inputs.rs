//! Inputs: folders, standard input, JSONL, encodings, and inputs that cannot be analysed.
//! An input that cannot be analysed is named on stderr and listed in `skipped`, every other
//! article is still reported, and the exit code is 2.

use predicates::prelude::*;

use super::{check_json, folder, newslint};

fn ids(json: &serde_json::Value) -> Vec<String> {
    json["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn folders_are_walked_sorted_with_hidden_and_ignored_files_left_out() {
    let dir = folder(&[
        ("b.txt", b"Second."),
        ("a/z.md", b"Nested."),
        ("a/a.txt", b"Nested first."),
        (".hidden.txt", b"Hidden."),
        ("ignored.txt", b"Ignored."),
        (".gitignore", b"ignored.txt\n"),
        ("image.png", b"\x89PNG"),
    ]);
    let (json, code, _) = check_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(ids(&json), ["a/a.txt", "a/z.md", "b.txt"]);
    let path = json["articles"][0]["path"].as_str().unwrap();
    assert!(path.ends_with("a/a.txt") && path.starts_with(dir.path().to_str().unwrap()));
}

#[test]
fn standard_input_as_text_and_as_jsonl() {
    let output = newslint()
        .args(["check", "--format", "json", "-"])
        .write_stdin("Plain text from a pipe.")
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(ids(&json), ["-"]);
    let output = newslint()
        .args(["check", "--format", "jsonl", "-"])
        .write_stdin("{\"id\":\"x1\",\"text\":\"One.\"}\n\n{\"text\":\"Two.\",\"title\":\"T\",\"url\":\"https://www.example.org/a\"}\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    let lines: Vec<serde_json::Value> =
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "x1");
    assert_eq!(lines[1]["id"], "-:3");
    assert_eq!(lines[1]["title"], "T");
    assert_eq!(lines[1]["source"], "example.org");
    // A byte-order mark before the first record does not make the stream one text article.
    let output = newslint()
        .args(["check", "--format", "jsonl", "-"])
        .write_stdin("\u{feff}{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let ids: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    // JSONL in UTF-16 is refused with what to do, not analysed as one article of JSON text.
    for big_endian in [false, true] {
        let units = "\u{feff}{\"text\":\"One.\"}\n".encode_utf16();
        let bytes: Vec<u8> =
            units.flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect();
        let output =
            newslint().args(["check", "--format", "jsonl", "-"]).write_stdin(bytes).output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains("-: UTF-16 JSONL is not supported"), "{stderr}");
    }
}

#[test]
fn bad_jsonl_lines_are_skipped_and_the_rest_reported() {
    let jsonl = "{\"id\":\"good1\",\"text\":\"Fine.\"}\n{not json\n{\"id\":\"notext\"}\n{\"id\":\"good2\",\"text\":\"Also fine.\"}\n";
    let dir = folder(&[("d.jsonl", jsonl.as_bytes())]);
    let (json, code, stderr) = check_json(&[dir.path().join("d.jsonl").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(ids(&json), ["good1", "good2"]);
    let skipped = json["summary"]["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2);
    assert_eq!(skipped[0]["line"], 2);
    assert!(skipped[0]["reason"].as_str().unwrap().starts_with("malformed JSON"));
    assert_eq!(skipped[1]["line"], 3);
    assert!(stderr.contains("d.jsonl:3: no `text` field"), "{stderr}");
}

#[test]
fn a_csv_quote_that_is_never_closed_is_named() {
    let dir = folder(&[
        ("open.csv", b"id,text\n1,Fine.\n2,\"Opens here.\n3,Swallowed.\n4,Also swallowed.\n"),
        // Quoted fields over several lines, closed, at the end of a file without a newline.
        ("closed.csv", b"id,text\na,\"Two\nlines.\"\nb,\"Also\ntwo.\""),
        // A quote opened on the last line swallows nothing, but is named all the same; so is
        // one whose field happens to end with a quote mark.
        ("last.csv", b"text,id\nfine,x\n\"open quote\n"),
        ("quote.csv", b"text,id\nfine,y\n\"open \"\"quote\"\"\n,more\n"),
    ]);
    let (json, code, stderr) = check_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(ids(&json), ["a", "b", "x", "1", "y"]);
    assert!(
        stderr
            .contains("open.csv:3: a quoted field opens in this record and is never closed, so the 2 lines"),
        "{stderr}"
    );
    assert!(
        stderr.contains("last.csv:3: a quoted field opens in this record and is never closed; close"),
        "{stderr}"
    );
    assert!(
        stderr.contains("quote.csv:3: a quoted field opens in this record and is never closed, so the line"),
        "{stderr}"
    );
}

#[test]
fn a_title_taken_from_one_huge_line_is_cut() {
    // One 6,000-byte "word" with no sentence in it, zoned as a title; byte 300 falls inside a `€`.
    let line = format!("x{}", "Q€".repeat(1500));
    let dir = folder(&[("long.txt", line.as_bytes())]);
    let (json, _, _) = check_json(&[dir.path().to_str().unwrap()]);
    let title = json["articles"][0]["title"].as_str().unwrap();
    assert!(title.starts_with("xQ€Q€") && title.ends_with("Q…"), "{title}");
    assert!(title.len() <= 300 + '…'.len_utf8(), "{} bytes", title.len());
}

#[test]
fn an_over_long_csv_record_is_skipped_with_its_line_and_the_rest_read() {
    let long_quoted = format!("\"{}\"", "words, \"\"quoted\"\"\nover lines ".repeat(200));
    let csv = format!("id,text\n1,Fine.\n2,{long_quoted}\n3,Also fine.\n4,{}\n5,Last.\n", "x".repeat(5000));
    let dir = folder(&[("big.csv", csv.as_bytes())]);
    let output = newslint()
        .args(["check", "--format", "json", "--max-article-bytes", "1000"])
        .arg(dir.path().join("big.csv"))
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(ids(&json), ["1", "3", "5"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    // Record 2 runs from line 3 over its 200 line breaks to line 203; record 4 is on line 205.
    for line in [3, 205] {
        let message = format!("big.csv:{line}: record is over the 1000-byte article limit");
        assert!(stderr.contains(&message), "{stderr}");
    }
}

#[test]
fn numeric_jsonl_ids_are_kept_as_written() {
    // Larger than any 64-bit integer, a decimal with a trailing zero, and one past any float
    // (also in a field newslint does not read): none is rounded, none loses its line.
    let jsonl = concat!(
        "{\"id\":123456789012345678901234,\"text\":\"One.\"}\n",
        "{\"id\":1.50,\"text\":\"Two.\"}\n",
        "{\"id\":1e400,\"views\":-2E+999,\"text\":\"Three.\"}\n",
    );
    let dir = folder(&[("n.jsonl", jsonl.as_bytes())]);
    let (json, code, _) = check_json(&[dir.path().join("n.jsonl").to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(ids(&json), ["123456789012345678901234", "1.50", "1e400"]);
}

#[test]
fn binary_empty_and_missing_inputs_are_skipped() {
    let dir = folder(&[
        ("bin.txt", b"\x7fELF\x00\x00\x01"),
        ("empty.txt", b""),
        ("blank.txt", b"  \n\t\n"),
        ("header.csv", b"id,text\n"),
        ("ok.txt", b"Fine."),
    ]);
    let missing = dir.path().join("missing.txt");
    let (json, code, stderr) = check_json(&[dir.path().to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(ids(&json), ["ok.txt"]);
    assert_eq!(json["summary"]["skipped"].as_array().unwrap().len(), 5);
    assert!(stderr.contains("bin.txt: binary data"), "{stderr}");
    assert!(stderr.contains("empty.txt: empty"), "{stderr}");
    assert!(stderr.contains("header.csv: no records after the header row"), "{stderr}");
    assert!(stderr.contains("missing.txt: no such file or folder"), "{stderr}");
}

#[test]
fn legacy_encodings_are_decoded_with_a_warning() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Café news.\r\nSecond line.".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let dir = folder(&[("cp1252.txt", b"Caf\xe9 \x93news\x94.\r\nSecond line."), ("utf16.txt", &utf16)]);
    let (json, code, stderr) = check_json(&["--include-text", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "a warning is not an error");
    assert_eq!(json["articles"][0]["text"], "Café “news”.\r\nSecond line.");
    assert_eq!(json["articles"][1]["text"], "Café news.\r\nSecond line.");
    assert!(stderr.contains("cp1252.txt: not valid UTF-8") && stderr.contains("Windows-1252"), "{stderr}");
    assert!(stderr.contains("utf16.txt: decoded as UTF-16"), "{stderr}");
}

#[test]
fn crlf_lines_and_columns() {
    let rules = super::data("rules/classroom.toml");
    let dir = folder(&[("crlf.txt", b"Headline\r\n\r\nA calm day.\r\nThen a terrifying storm.\r\n")]);
    let (json, _, _) =
        check_json(&["--no-default-rules", "--rules", rules.to_str().unwrap(), dir.path().to_str().unwrap()]);
    let f = &json["articles"][0]["findings"][0];
    assert_eq!(
        (f["text"].as_str(), f["line"].as_u64(), f["column"].as_u64()),
        (Some("terrifying"), Some(4), Some(8))
    );
}

#[test]
fn oversized_articles_are_skipped_with_the_limit_named() {
    let dir = folder(&[
        ("big.txt", "word ".repeat(1000).as_bytes()),
        ("d.jsonl", format!("{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n", "w".repeat(5000)).as_bytes()),
        // Between one and two times the limit: the line is read, its text is still too long.
        ("e.jsonl", format!("{{\"text\":\"{}\"}}\n", "w".repeat(1500)).as_bytes()),
    ]);
    newslint()
        .args(["check", "--max-article-bytes", "1000"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("big.txt: article (5000 bytes) is over the 1000-byte article limit"))
        .stderr(predicate::str::contains("d.jsonl:1: line is over"))
        .stderr(predicate::str::contains("e.jsonl:1: text is over the 1000-byte article limit"))
        .stdout(predicate::str::contains("1 article"));
}

#[test]
fn compressed_and_csv_datasets() {
    use std::io::Write;
    let jsonl = b"{\"id\":\"a\",\"text\":\"First.\"}\n{\"id\":\"b\",\"text\":\"Second.\"}\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(jsonl).unwrap();
    let gz = gz.finish().unwrap();
    let zst = zstd::encode_all(&jsonl[..], 3).unwrap();
    let mut text_gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    text_gz.write_all(b"A gzipped article.").unwrap();
    let text_gz = text_gz.finish().unwrap();
    let csv = "id,text,url\nc1,\"He said, \"\"hi\"\".\nNext line.\",https://www.example.net/x\nc2,,\n";
    let dir = folder(&[
        ("1.jsonl.gz", &gz),
        ("2.jsonl.zst", &zst),
        ("3.txt.gz", &text_gz),
        ("4.csv", csv.as_bytes()),
    ]);
    let (json, code, stderr) = check_json(&["--include-text", dir.path().to_str().unwrap()]);
    // The record with an empty text is named, as an empty JSONL text is, not dropped silently.
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("4.csv:4: column `text` is empty: there is no text to analyse"), "{stderr}");
    assert_eq!(ids(&json), ["a", "b", "a", "b", "3.txt.gz", "c1"]);
    let c1 = &json["articles"][5];
    assert_eq!(c1["text"], "He said, \"hi\".\nNext line.");
    assert_eq!(c1["source"], "example.net");
    let renamed =
        folder(&[("r.csv", b"key,body\nk1,Some text.\n"), ("r.jsonl", b"{\"key\":7,\"body\":\"More.\"}\n")]);
    let (json, code, _) =
        check_json(&["--text-field", "body", "--id-field", "key", renamed.path().to_str().unwrap()]);
    assert_eq!((code, ids(&json)), (0, vec!["k1".to_string(), "7".to_string()]));
    let corrupt = folder(&[("bad.jsonl.gz", b"not gzip at all"), ("no-text.csv", b"id,title\n1,x\n")]);
    let (json, code, stderr) = check_json(&[corrupt.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(ids(&json).is_empty());
    assert!(stderr.contains("bad.jsonl.gz"), "{stderr}");
    assert!(stderr.contains("no-text.csv:1: no `text` column"), "{stderr}");
}

#[test]
fn html_pages_are_zoned_and_framesets_skipped() {
    let article = "<html><head><title>Council approves the river bridge</title></head><body>\
        <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>\
        <h1>Council approves the river bridge</h1>\
        <p>The city council voted on Tuesday to approve the construction of a new bridge across the river, ending a debate that has lasted for more than ten years.</p>\
        <p>Construction is expected to start next spring and to take about three years, the mayor told reporters after the vote on Tuesday evening.</p>\
        <p>Some residents welcomed the decision, saying the bridge would cut their commute by half, while others said the money should go to schools.</p>\
        <h3>Comments</h3><p>Follow us on Twitter for the latest news from the city.</p>\
        <p>© 2024 The Riverside Courier. All rights reserved.</p></article></body></html>";
    let frameset = "<html><head><title>Frames</title></head><frameset cols=\"20%,80%\">\
        <frame src=\"menu.html\"><frame src=\"main.html\"></frameset></html>";
    let dir = folder(&[("article.html", article.as_bytes()), ("frames.html", frameset.as_bytes())]);
    let (json, code, stderr) = check_json(&["--include-text", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2, "the frameset is skipped");
    assert!(stderr.contains("frames.html") && stderr.contains("frameset"), "{stderr}");
    assert_eq!(ids(&json), ["article.html"]);
    let article = &json["articles"][0];
    assert_eq!(article["title"], "Council approves the river bridge");
    let text = article["text"].as_str().unwrap();
    let zone_text = |kind: &str| -> String {
        let zones = article["zones"].as_array().unwrap();
        zones
            .iter()
            .filter(|z| z["zone"] == kind)
            .map(|z| &text[z["start"].as_u64().unwrap() as usize..z["end"].as_u64().unwrap() as usize])
            .collect()
    };
    let body = zone_text("body");
    assert!(body.contains("The city council voted") && body.contains("Some residents welcomed"), "{body}");
    let boilerplate = zone_text("boilerplate");
    for furniture in ["Home", "Comments", "Follow us on Twitter", "All rights reserved"] {
        assert!(boilerplate.contains(furniture) && !body.contains(furniture), "{furniture}: {body}");
    }
}

#[test]
fn byte_order_marks_utf16_without_one_and_utf32() {
    let le: Vec<u8> = "Council approves the bridge\n\nThe council voted on Tuesday, the mayor said."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut utf32 = vec![0xFF, 0xFE, 0, 0];
    utf32.extend("Hi".chars().flat_map(|c| (c as u32).to_le_bytes()));
    let dir = folder(&[
        ("bom-only.txt", b"\xef\xbb\xbf \n"),
        (
            "bom.txt",
            b"\xef\xbb\xbfCouncil approves the bridge\n\nThe council voted on Tuesday, the mayor said.\n",
        ),
        ("le.txt", &le),
        ("utf32.txt", &utf32),
    ]);
    let (json, code, stderr) = check_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(ids(&json), ["bom.txt", "le.txt"]);
    assert!(stderr.contains("bom-only.txt: empty"), "{stderr}");
    assert!(stderr.contains("utf32.txt: UTF-32 text"), "{stderr}");
    assert!(stderr.contains("le.txt: decoded as UTF-16LE (no byte-order mark"), "{stderr}");
    assert_eq!(json["articles"][0]["title"], "Council approves the bridge", "no BOM in the title");
    assert_eq!(json["articles"][1]["title"], "Council approves the bridge");
}

#[test]
fn a_blank_title_field_gives_way_to_the_title_zone() {
    let line = r#"{"id": "a", "title": "  ", "text": "Council approves the bridge\n\nThe council voted on Tuesday, the mayor said."}"#;
    let dir = folder(&[("d.jsonl", line.as_bytes())]);
    let (json, code, stderr) = check_json(&[dir.path().join("d.jsonl").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["articles"][0]["title"], "Council approves the bridge");
}

#[test]
fn a_nul_byte_in_one_jsonl_line_skips_that_line_not_the_file() {
    let mut jsonl = b"{\"text\":\"ok\"}\n".repeat(3);
    jsonl.extend_from_slice(b"{\"text\":\"a\x00b\"}\n");
    jsonl.extend(b"{\"text\":\"ok\"}\n".repeat(5));
    let dir = folder(&[("n.jsonl", &jsonl)]);
    let (json, code, stderr) = check_json(&[dir.path().join("n.jsonl").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(json["articles"].as_array().unwrap().len(), 8);
    assert!(stderr.contains("n.jsonl:4: malformed JSON"), "{stderr}");
}

#[test]
fn binary_and_latin1_jsonl() {
    let mut binary = b"\x7fELF\x02\x01\x01\x00\x00\x00\n".repeat(50);
    binary.extend_from_slice(b"{\"text\":\"x\"}\n");
    let dir = folder(&[
        ("bin.jsonl", &binary),
        (
            "latin1.jsonl",
            b"{\"id\":\"a\",\"text\":\"Caf\xe9 news.\"}\n{\"id\":\"b\",\"text\":\"ok\"}\n{\"id\":\n",
        ),
    ]);
    let (json, code, stderr) = check_json(&["--include-text", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(ids(&json), ["a", "b"]);
    assert_eq!(json["articles"][0]["text"], "Café news.");
    assert_eq!(stderr.matches("bin.jsonl").count(), 1, "one message for a binary file: {stderr}");
    assert!(stderr.contains("skipped ") && stderr.contains("bin.jsonl: binary data"), "{stderr}");
    assert!(
        stderr.contains("latin1.jsonl: line 1: not valid UTF-8 (first bad byte: byte 22 of the line)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("latin1.jsonl:3: malformed JSON: EOF while parsing a value at column 6"),
        "{stderr}"
    );
}

#[test]
fn empty_and_utf16_record_files_are_named() {
    let utf16: Vec<u8> = "id,text\n1,hi\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let with_bom: Vec<u8> = [0xFF, 0xFE].into_iter().chain(utf16.iter().copied()).collect();
    let dir = folder(&[
        ("blank.jsonl", b"\n  \n"),
        ("empty.csv", b""),
        ("empty.jsonl", b""),
        ("ok.csv", b"id,text\nok,A calm report.\n"),
        ("utf16.csv", &utf16),
        ("utf16-bom.csv", &with_bom),
    ]);
    let (json, code, stderr) = check_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(ids(&json), ["ok"]);
    for (file, reason) in [
        ("blank.jsonl", "empty: there is no text to analyse"),
        ("empty.csv", "empty: there is no text to analyse"),
        ("empty.jsonl", "empty: there is no text to analyse"),
        ("utf16.csv", "NUL bytes in the header row: binary data or UTF-16 text"),
        ("utf16-bom.csv", "UTF-16 CSV is not supported"),
    ] {
        assert!(stderr.contains(&format!("{file}: {reason}")), "{file}: {stderr}");
    }
}

#[test]
fn a_csv_header_over_the_limit_is_named_as_such() {
    let columns: Vec<String> = (0..100).map(|i| format!("column{i}")).collect();
    let csv = format!("id,{},text\nr1,{}A calm report.\n", columns.join(","), ",".repeat(100));
    let dir = folder(&[("wide.csv", csv.as_bytes())]);
    let path = dir.path().join("wide.csv");
    let (_, code, stderr) = check_json(&["--max-article-bytes", "300", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("wide.csv:1: the header row is over the 300-byte article limit"), "{stderr}");
    let (json, code, stderr) = check_json(&["--max-article-bytes", "1000", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(ids(&json), ["r1"]);
}

#[test]
fn an_html_page_that_is_not_utf8_and_declares_nothing_warns_as_a_text_file_does() {
    let page = b"<html><head><title>Caf\xe9</title></head><body><p>A calm report about the caf\xe9 on Main Street, which opened on Monday.</p></body></html>";
    let dir = folder(&[("p.html", page)]);
    let (json, code, stderr) = check_json(&["--include-text", dir.path().join("p.html").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(json["articles"][0]["text"].as_str().unwrap().contains("café"));
    assert!(
        stderr.contains("p.html: no charset declared and not valid UTF-8; decoded as Windows-1252"),
        "{stderr}"
    );
}

#[test]
fn binary_csv_text_is_skipped_not_scored() {
    let dir = folder(&[("n.csv", b"id,text\nz,\x00\x00\x00\x00\x00\nok,A calm report.\n")]);
    let (json, code, stderr) = check_json(&[dir.path().join("n.csv").to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(ids(&json), ["ok"]);
    assert!(stderr.contains("n.csv:2: binary data in the text column"), "{stderr}");
}

#[test]
fn latin1_csv_text_is_decoded_with_a_warning() {
    let dir = folder(&[("l.csv", b"id,text\nc1,Caf\xe9 news.\n")]);
    let (json, code, stderr) = check_json(&["--include-text", dir.path().join("l.csv").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["articles"][0]["text"], "Café news.");
    assert!(
        stderr.contains("l.csv: line 2: not valid UTF-8 (first bad byte: byte 4 of the text field); decoded as Windows-1252"),
        "{stderr}"
    );
}

#[test]
fn a_folder_without_articles_is_named_and_fails_the_run() {
    // Only files of kinds newslint does not read: a gate on this folder must not pass silently.
    let dir = folder(&[("notes.pdf", b"%PDF-1.4"), ("data.xml", b"<a/>")]);
    let (json, code, stderr) = check_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(ids(&json), Vec::<String>::new());
    assert!(stderr.contains("no article files in this folder"), "{stderr}");
}
