//! Where a report goes with `-o` and `--write-baseline`: refused when it would overwrite or be
//! read as one of the run's inputs, and written whole or not at all.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use newslint::config::Config;
use newslint::rules::RuleSet;

use crate::cli::CheckArgs;
use crate::{fail, input_paths, write_failure};

/// Refuses a run whose `-o` or `--write-baseline` file is one it reads (an input file named on
/// the command line, the baseline, a rule file, the config), or both at once: the file would be
/// replaced when the run ends, and the data in it lost.
pub fn refuse_overwriting_inputs(args: &CheckArgs, rules: &RuleSet, config: &Config) -> Result<()> {
    if let (Some(report), Some(baseline)) = (&args.output, &args.write_baseline)
        && std::path::absolute(report).ok() == std::path::absolute(baseline).ok()
    {
        return Err(fail(format!("{}: -o and --write-baseline name the same file", report.display())));
    }
    // A file a folder argument's walk would read: today's run would replace an article with
    // the report, and the next one would read the report as an article.
    for (path, flag) in [(&args.output, "-o"), (&args.write_baseline, "--write-baseline")] {
        let Some(path) = path.as_ref().filter(|path| newslint::input::is_article_file(path)) else {
            continue;
        };
        let Some(target) = canonical_parent(path) else { continue };
        let folders = input_paths(args)
            .into_iter()
            .filter_map(|input| fs::canonicalize(input).ok().filter(|p| p.is_dir()));
        if let Some(folder) = folders.into_iter().find(|folder| target.starts_with(folder)) {
            return Err(fail(format!(
                "{}: the {flag} file is inside the input folder {}, whose files this run reads; write it elsewhere",
                path.display(),
                folder.display()
            )));
        }
    }
    // Only regular files that exist can be lost; a device or FIFO is written in place.
    let resolved = |path: &Path| fs::canonicalize(path).ok().filter(|p| p.is_file());
    let outputs = [(&args.output, "-o"), (&args.write_baseline, "--write-baseline")];
    let targets: Vec<(&PathBuf, &str, PathBuf)> = outputs
        .iter()
        .filter_map(|&(path, flag)| path.as_ref().and_then(|path| Some((path, flag, resolved(path)?))))
        .collect();
    // A new file (the usual case) is no input: nothing more to look up.
    if targets.is_empty() {
        return Ok(());
    }
    if let [(report, _, a), (_, _, b)] = &targets[..]
        && a == b
    {
        return Err(fail(format!("{}: -o and --write-baseline name the same file", report.display())));
    }
    let sources: std::collections::BTreeSet<&str> = rules.rules.iter().map(|r| r.source.as_str()).collect();
    let read = args
        .paths
        .iter()
        .map(|path| (path.as_path(), "an input"))
        .chain(args.baseline.iter().map(|path| (path.as_path(), "the baseline (--baseline)")))
        .chain(sources.into_iter().map(|source| (Path::new(source), "a rule file")))
        .chain(config.path.iter().map(|path| (path.as_path(), "the config file")));
    for (path, what) in read {
        if let Some(resolved) = resolved(path)
            && let Some((output, flag, _)) = targets.iter().find(|(_, _, target)| *target == resolved)
        {
            return Err(fail(format!(
                "{}: the {flag} file is {what} of this run; write it elsewhere",
                output.display()
            )));
        }
    }
    Ok(())
}

/// `path` with its folder made absolute and links in it resolved, whether or not the file
/// itself exists yet.
fn canonical_parent(path: &Path) -> Option<PathBuf> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Some(fs::canonicalize(folder).ok()?.join(path.file_name()?))
}

/// Writes a file through a temporary file in the same folder, renamed into place at the end:
/// a failed run never leaves half a report, and a symbolic link at `path` is replaced, never
/// followed.
///
/// Something that is not a regular file (`/dev/null`, a FIFO), and a link to an open file
/// (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`), is written in place instead: renaming over
/// it would replace the device, pipe or link with a plain file.
pub fn write_atomically<T>(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<T>) -> Result<T> {
    let target = path.display().to_string();
    let cannot_write = |e: io::Error| write_failure(&target, e);
    let metadata = fs::metadata(path);
    if metadata.as_ref().is_ok_and(|m| m.is_dir()) {
        return Err(fail(format!("{}: is a folder, not a file", path.display())));
    }
    let special = metadata.as_ref().is_ok_and(|m| !m.is_file())
        || ["/dev/stdout", "/dev/stderr", "/dev/fd", "/proc"].iter().any(|p| path.starts_with(p));
    if special {
        let file = fs::OpenOptions::new().write(true).open(path).map_err(cannot_write)?;
        let mut out = io::BufWriter::new(file);
        return write(&mut out).and_then(|value| out.flush().map(|_| value)).map_err(cannot_write);
    }
    if path.as_os_str().to_string_lossy().ends_with('/') {
        return Err(fail(format!("{}: names a folder (it ends with /), not a file", path.display())));
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| fail(format!("{}: not a file name", path.display())))?;
    // A new file with a random name (created only if nothing, not even a link, is there), so
    // that nobody can plant a link for the report to be written through, and two runs writing
    // one report do not share it; with the mode `File::create` gives (0666 less the umask).
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".newslint-tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder.tempfile_in(folder).map_err(cannot_write)?;
    let mut out = io::BufWriter::new(temporary.as_file_mut());
    let value = write(&mut out).and_then(|value| out.flush().map(|_| value)).map_err(cannot_write)?;
    drop(out);
    // On failure the temporary file is removed when it is dropped.
    temporary.persist(path).map_err(|e| cannot_write(e.error))?;
    Ok(value)
}
