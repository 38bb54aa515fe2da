//! `--format html`: the classroom page's structure, its escaping of hostile articles and rule
//! files, and (when Chromium is installed) what a real browser makes of it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use regex::Regex;
use serde_json::Value;

use super::{check_json, data, folder, newslint};

const CHROMIUM: &str = "/usr/bin/chromium";

fn rules() -> String {
    data("html_report/rules.toml").display().to_string()
}

/// Runs `check --format html` and returns the page (any exit code but a crash is fine here).
fn html(args: &[&str]) -> String {
    let output = newslint().args(["check", "--format", "html"]).args(args).output().unwrap();
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "newslint failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 page")
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn attr<'h>(tag: &'h str, name: &str) -> Option<&'h str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// The page's data block, parsed: `categories` and `rules` keyed by index.
fn page_data(page: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"newslint-data\">";
    let start = page.find(open).expect("data block") + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).expect("data block is JSON")
}

/// A highlight as read back from the page: (rule id, category id, quoted).
type Mark = (String, String, bool);

/// One article's highlighted text, read back: the text itself and, per byte, the (rule id,
/// category id, quoted) of every `<mark>` around it. Panics unless the tags nest properly.
struct Rendered {
    text: String,
    marks: Vec<Vec<Mark>>,
    zones: Vec<String>,
}

fn rendered(page: &str, article: usize) -> Vec<Rendered> {
    let data = page_data(page);
    let token = Regex::new(r#"<(/?)(mark|span)([^>]*)>|([^<]+)"#).unwrap();
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.find("<div class=\"text\">") {
        let body = &rest[at + "<div class=\"text\">".len()..];
        let end = body.find("</div>").expect("text div closes");
        let mut r = Rendered { text: String::new(), marks: Vec::new(), zones: Vec::new() };
        // Stack of open elements: Some(mark info) or None for a zone span.
        let mut stack: Vec<(&str, Option<Mark>)> = Vec::new();
        let mut zone = String::new();
        let mut consumed = 0;
        for t in token.captures_iter(&body[..end]) {
            let whole = t.get(0).unwrap();
            assert_eq!(whole.start(), consumed, "stray `<` in the text: {:?}", &body[consumed..end]);
            consumed = whole.end();
            if let Some(text) = t.get(4) {
                let text = unescape(text.as_str());
                let here: Vec<_> = stack.iter().filter_map(|(_, m)| m.clone()).collect();
                for _ in 0..text.len() {
                    r.marks.push(here.clone());
                    r.zones.push(zone.clone());
                }
                r.text.push_str(&text);
                continue;
            }
            let name = t.get(2).unwrap().as_str();
            if t.get(1).unwrap().as_str() == "/" {
                let (open, _) = stack.pop().expect("closing tag without opening");
                assert_eq!(open, name, "tags cross");
                continue;
            }
            let tag = t.get(3).unwrap().as_str();
            if name == "span" {
                zone = attr(tag, "class").unwrap().trim_start_matches("z z-").to_string();
                stack.push(("span", None));
            } else {
                let rule = &data["rules"][attr(tag, "data-r").unwrap()]["id"];
                let category = &data["categories"][attr(tag, "data-c").unwrap()]["id"];
                let quoted = attr(tag, "class").unwrap().split(' ').any(|c| c == "q");
                let info =
                    (rule.as_str().unwrap().to_string(), category.as_str().unwrap().to_string(), quoted);
                stack.push(("mark", Some(info)));
            }
        }
        assert_eq!(consumed, end);
        assert!(stack.is_empty(), "unclosed tags in the text");
        out.push(r);
        rest = &body[end..];
    }
    assert!(out.len() > article);
    out
}

#[test]
fn highlights_and_score_card_match_the_json() {
    let article = data("html_report/article.txt");
    let article = article.to_str().unwrap();
    let args = ["--no-default-rules", "--rules", &rules(), "--include-text", article];
    let (json, code, _) = check_json(&args);
    assert_eq!(code, 0);
    let page = html(&args);
    let json = &json["articles"][0];
    let findings = json["findings"].as_array().unwrap();
    let categories: BTreeSet<&str> = findings.iter().map(|f| f["category"].as_str().unwrap()).collect();
    // The rule file is built so that the page has nesting, crossing and quoted findings.
    for category in ["loaded-language", "appeal-to-fear", "sensationalism", "exaggeration", "attribution"] {
        assert!(categories.contains(category), "no {category} finding: {findings:?}");
    }
    assert!(findings.iter().any(|f| f["voice"] == "quoted"));

    // The text comes back byte for byte, and every byte is highlighted by exactly the findings
    // that cover it (split marks included), with quoted findings marked as such.
    let r = &rendered(&page, 0)[0];
    assert_eq!(r.text, json["text"].as_str().unwrap());
    for at in 0..r.text.len() {
        let mut want: Vec<Mark> = findings
            .iter()
            .filter(|f| {
                f["start"].as_u64().unwrap() as usize <= at && at < f["end"].as_u64().unwrap() as usize
            })
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["category"].as_str().unwrap().to_string(),
                    f["voice"] == "quoted",
                )
            })
            .collect();
        let mut got = r.marks[at].clone();
        want.sort();
        got.sort();
        assert_eq!(got, want, "highlights at byte {at}");
    }
    for zone in json["zones"].as_array().unwrap() {
        let start = zone["start"].as_u64().unwrap() as usize;
        assert_eq!(r.zones[start], zone["zone"].as_str().unwrap());
    }

    // The score card carries the JSON's numbers.
    let card = Regex::new(
        r#"<aside class="card band-(\w+)" data-score="([^"]+)" data-base="([^"]+)" data-words="(\d+)""#,
    )
    .unwrap()
    .captures(&page)
    .expect("score card");
    assert_eq!(&card[1], json["band"].as_str().unwrap());
    assert_eq!(card[2].parse::<f64>().unwrap(), json["score"].as_f64().unwrap());
    assert_eq!(card[3].parse::<f64>().unwrap(), json["base"].as_f64().unwrap());
    assert_eq!(card[4].parse::<u64>().unwrap(), json["words"].as_u64().unwrap());
    // The score as printed is its exact cents, and the rows shown under it add up to it.
    assert!(page.contains(&format!("<span class=\"num\">{:.2}</span>", json["score"].as_f64().unwrap())));
    let shown = Regex::new(r#"data-quoted="\d+">([+-][0-9.]+)</span>"#).unwrap();
    let cents = |x: f64| (x * 100.0).round() as i64;
    let rows_total: i64 = shown.captures_iter(&page).map(|row| cents(row[1].parse::<f64>().unwrap())).sum();
    assert_eq!(cents(json["base"].as_f64().unwrap()) + rows_total, cents(json["score"].as_f64().unwrap()));
    let rows =
        Regex::new(r#"data-category="([^"]+)" data-points="([^"]+)" data-count="(\d+)" data-quoted="(\d+)""#)
            .unwrap();
    let rows: Vec<_> = rows.captures_iter(&page).collect();
    let breakdown = json["breakdown"].as_array().unwrap();
    assert_eq!(rows.len(), breakdown.len());
    for (row, entry) in rows.iter().zip(breakdown) {
        assert_eq!(&row[1], entry["category"].as_str().unwrap());
        assert_eq!(row[2].parse::<f64>().unwrap(), entry["points"].as_f64().unwrap());
        assert_eq!(row[3].parse::<u64>().unwrap(), entry["count"].as_u64().unwrap());
        assert_eq!(row[4].parse::<u64>().unwrap(), entry["quoted"].as_u64().unwrap());
    }

    // The legend counts every finding of the page, per category.
    let data = page_data(&page);
    let chips = Regex::new(r#"data-cat="(\d+)" data-in="\w+">[^<]*<b>(\d+)</b>"#).unwrap();
    let mut legend = 0;
    for chip in chips.captures_iter(&page) {
        let id = data["categories"][&chip[1]]["id"].as_str().unwrap();
        let count = findings.iter().filter(|f| f["category"] == id).count();
        assert_eq!(chip[2].parse::<usize>().unwrap(), count, "legend count of {id}");
        legend += 1;
    }
    assert_eq!(legend, categories.len());

    // The same input gives the same page.
    assert_eq!(html(&args), page);
}

#[test]
fn several_articles_get_a_contents_list_and_skipped_inputs_are_named() {
    let dir = folder(&[
        ("a.txt", b"A terrifying invasion is near.\n"),
        ("b.txt", b"Nothing to see.\n"),
        ("c.txt", b"Still nothing.\n"),
        ("d <i>.txt", b""),
    ]);
    let output = newslint()
        .args(["check", "--format", "html", "--no-default-rules", "--rules", &rules()])
        .arg(dir.path())
        .output()
        .unwrap();
    // An input that cannot be analysed gives exit code 2, but the page is still written.
    assert_eq!(output.status.code(), Some(2));
    let page = String::from_utf8(output.stdout).unwrap();
    for n in 1..=3 {
        assert!(page.contains(&format!("<a href=\"#article-{n}\"")), "contents entry {n}");
        assert!(page.contains(&format!("id=\"article-{n}\"")), "section {n}");
    }
    assert_eq!(rendered(&page, 2).len(), 3);
    assert!(page.contains("<div class=\"skipped\">"));
    assert!(page.contains("d &lt;i&gt;.txt"));
    assert!(page.ends_with("</html>\n"));
}

#[test]
fn a_page_without_articles_is_still_a_page() {
    let output = newslint()
        .args(["check", "--format", "html", "--no-default-rules", "--rules", &rules(), "-"])
        .write_stdin("")
        .output()
        .unwrap();
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    assert!(page.contains("No articles were analysed."));
}

const HOSTILE_ARTICLE: &str = "Breaking: <script>document.title='pwned';alert(1)</script> shocking news\n\n\
A terrifying invasion is near. <img src=x onerror=\"document.title='pwned'\"> \
</textarea><textarea> \"quotes\" & 'apostrophes' </div></section><p id=\"pwned\">injected</p>\n\n\
The mayor said the plan was <b>disgraceful</b>.\n";

const HOSTILE_RULES: &str = r#"
[[category]]
id = "hostile-category"
group = "cue"
name = "<i>Italic</i> category"
explanation = "<img src=x onerror=alert(3)> explained"
advice = "</script><script>document.title='pwned'</script>"

[[rule]]
id = "hostile-rule"
category = "hostile-category"
message = "<script>alert('rule message')</script>"
explanation = "</script><script>alert('rule explanation')</script><!--"
phrases = ["shocking", "alert"]
scope = ["any"]

[[rule]]
id = "fear-words"
category = "appeal-to-fear"
message = "Fear \"word\" & more"
explanation = "It's <em>scary</em>."
phrases = ["terrifying"]
"#;

/// A folder with the hostile article (under a hostile file name) and rule file.
fn hostile() -> (tempfile::TempDir, String) {
    let dir = folder(&[
        ("it's <b>news.txt", HOSTILE_ARTICLE.as_bytes()),
        ("hostile.toml", HOSTILE_RULES.as_bytes()),
    ]);
    let rules = dir.path().join("hostile.toml").display().to_string();
    let page = html(&[
        "--no-default-rules",
        "--rules",
        &rules,
        dir.path().join("it's <b>news.txt").to_str().unwrap(),
    ]);
    (dir, page)
}

#[test]
fn hostile_articles_and_rule_files_are_escaped() {
    let (_dir, page) = hostile();
    for raw in [
        "<script>document.title",
        "<script>alert",
        "<img src=x",
        "</textarea>",
        "<textarea>",
        "<p id=\"pwned\"",
        "<i>Italic",
        "<em>scary",
        "<b>disgraceful",
        "<b>news",
        "<!--",
    ] {
        assert!(!page.contains(raw), "`{raw}` appears unescaped");
    }
    // Only the page's own two script elements (data block and script), each closed once.
    assert_eq!(page.matches("<script").count(), 2);
    assert_eq!(page.matches("</script").count(), 2);
    assert!(page.contains("&lt;script&gt;document.title=&#39;pwned&#39;;"));
    assert!(page.contains("it&#39;s &lt;b&gt;news.txt"));
    // The rule texts still reach the script, intact once the JSON is read.
    let data = page_data(&page);
    let rule = data["rules"].as_object().unwrap().values().find(|r| r["id"] == "hostile-rule").unwrap();
    assert_eq!(rule["message"], "<script>alert('rule message')</script>");
    let r = &rendered(&page, 0)[0];
    assert_eq!(r.text, HOSTILE_ARTICLE);
}

/// Runs Chromium headless on `args` with a time limit; `None` if it could not run.
fn chromium(args: &[&str]) -> Option<std::process::Output> {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let deadline = Instant::now() + Duration::from_secs(120);
    // Read stdout on a thread so a large DOM cannot fill the pipe while we wait.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buf).ok();
        buf
    });
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let stdout = reader.join().unwrap();
            return Some(std::process::Output { status, stdout, stderr: Vec::new() });
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn file_url(path: &Path) -> String {
    // Percent-encode what a file URL cannot hold as is; the page names are ours and plain.
    format!("file://{}", path.display())
}

fn screenshot(page: &Path, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html_report");
    std::fs::create_dir_all(&dir).unwrap();
    let png = dir.join(name);
    let _ = std::fs::remove_file(&png);
    chromium(&[&format!("--screenshot={}", png.display()), "--window-size=1280,2000", &file_url(page)])
        .expect("chromium runs");
    assert!(png.exists(), "no screenshot at {}", png.display());
    println!("screenshot: {}", png.display());
    png
}

#[test]
fn chromium_runs_no_script_from_the_article() {
    if !Path::new(CHROMIUM).exists() {
        println!("skipped: chromium not installed ({CHROMIUM}; apt-get install -y chromium)");
        return;
    }
    let (dir, page) = hostile();
    let path = dir.path().join("report.html");
    std::fs::write(&path, &page).unwrap();
    let output = chromium(&["--dump-dom", &file_url(&path)]).expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(dom.contains("</html>"), "no DOM dumped: {dom}");
    // The page's own script ran (so the Content-Security-Policy hash is current) ...
    assert!(dom.contains("<html lang=\"en\" class=\"js\">"), "the page's script did not run");
    assert!(dom.contains("id=\"tip\""), "the page's script did not add its popup");
    // ... and nothing from the article or the rule file did.
    assert!(!dom.contains("pwned</title>"), "an injected script set the title");
    assert!(!dom.contains("<p id=\"pwned\""), "an injected element exists");
    assert!(!dom.contains("<textarea"), "an injected element exists");
    assert!(!dom.contains("<img"), "an injected element exists");
    // The hostile text shows literally.
    assert!(dom.contains("&lt;script&gt;document.title='pwned';"), "{dom}");
    assert!(dom.contains("&lt;/textarea&gt;&lt;textarea&gt;"));
    screenshot(&path, "hostile.png");

    // The page a teacher would project: the test article with the built-in rules.
    let demo = html(&[
        data("html_report/article.txt").to_str().unwrap(),
        data("html_report/teaser.txt").to_str().unwrap(),
    ]);
    let path = dir.path().join("demo.html");
    std::fs::write(&path, demo).unwrap();
    screenshot(&path, "demo.png");
}
