//! Snapshots of what users read, on the example articles shipped in `examples/`: a change in
//! behaviour shows up as a reviewed diff (`cargo insta review`), not as a surprise.

use super::{newslint, repo};

fn run(args: &[&str]) -> String {
    let output = newslint().current_dir(repo()).args(args).output().unwrap();
    assert!(output.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn table_on_examples() {
    insta::assert_snapshot!(run(&["check", "examples/"]));
}

#[test]
fn json_on_one_example() {
    let out = run(&["check", "--format", "json", "examples/"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    insta::assert_json_snapshot!(json["articles"][0]);
}

/// The example reports committed in `reports/` are what the current code prints; regenerate
/// them with the commands in README when this fails.
#[test]
fn committed_example_reports_are_up_to_date() {
    for (format, file) in [("markdown", "reports/examples.md"), ("html", "reports/examples.html")] {
        let committed = std::fs::read_to_string(repo().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let fresh = run(&["check", "--format", format, "examples/"]);
        assert!(
            committed == fresh,
            "{file} is stale: run `newslint check --format {format} -o {file} examples/`"
        );
    }
}

/// The classroom view and the two CI formats, whose line, column and message a user or a code
/// scanning dashboard reads.
#[test]
fn annotated_sarif_and_github_on_examples() {
    insta::assert_snapshot!("annotated", run(&["check", "--format", "annotated", "examples/"]));
    insta::assert_snapshot!("sarif", run(&["check", "--format", "sarif", "examples/"]));
    insta::assert_snapshot!("github", run(&["check", "--format", "github", "examples/"]));
}
