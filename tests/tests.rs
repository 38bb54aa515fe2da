//! One integration-test binary (so a 2-core machine links once), one module per concern.

mod builtin;
mod cli;
mod eval;
mod formats;
mod hostile;
mod html_report;
mod inputs;
mod properties;
mod rule_files;
mod snapshots;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `newslint` binary, with colours off and a fixed table width.
pub fn newslint() -> Command {
    let mut cmd = Command::cargo_bin("newslint").expect("binary built");
    cmd.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE").env("COLUMNS", "120");
    cmd
}

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn data(name: &str) -> PathBuf {
    repo().join("tests/data").join(name)
}

/// Writes `files` (relative path, contents) into a new temporary folder.
pub fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, contents) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    dir
}

/// Runs `check --format json` and parses the document.
pub fn check_json(args: &[&str]) -> (serde_json::Value, i32, String) {
    let output = newslint().arg("check").arg("--format").arg("json").args(args).output().unwrap();
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (json, output.status.code().unwrap(), String::from_utf8_lossy(&output.stderr).into_owned())
}
