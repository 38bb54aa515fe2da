//! What a run saw, for the closing summary, the exit code and the `--group-by source` table:
//! counted article by article as the results are printed, so that it covers every article,
//! printed or not (`--top`).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, PoisonError};

use crate::analyze::Analysis;
use crate::input::{Skipped, source_or_host};
use crate::rules::RuleSet;
use crate::score::Band;

/// Categories named per source in the `--group-by source` table.
const SOURCE_TOP_CATEGORIES: usize = 3;

/// What a run saw, for the closing summary and the exit code.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Summary {
    pub articles: usize,
    pub findings: usize,
    /// Cue and technique findings (the ones a baseline gate counts as new).
    pub problems: usize,
    /// Findings left out because the baseline knows them.
    pub baselined: usize,
    pub skipped: Vec<Skipped>,
    pub high: usize,
    pub mixed: usize,
    pub low: usize,
    pub mean_score: Option<f64>,
    pub fail_under: Option<f64>,
    /// Ids of the articles that scored below `fail_under`, in input order.
    pub below_threshold: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<SourceStats>>,
    #[serde(skip)]
    score_sum: f64,
}

/// Per-source figures for `--group-by source`.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SourceStats {
    pub source: String,
    pub articles: usize,
    pub mean_score: f64,
    pub worst_score: f64,
    /// The most frequent cue and technique categories, with their finding counts.
    pub top_categories: Vec<(String, usize)>,
}

impl Summary {
    pub fn new(fail_under: Option<f64>) -> Self {
        Summary { fail_under, ..Summary::default() }
    }

    /// Counts one analysed article.
    pub fn count(&mut self, analysis: &Analysis, rules: &RuleSet) {
        self.problems += analysis.findings.iter().filter(|f| rules.is_problem(f.category)).count();
        self.articles += 1;
        self.findings += analysis.findings.len();
        self.baselined += analysis.baselined.len();
        self.score_sum += analysis.score.score;
        match analysis.score.band {
            Band::High => self.high += 1,
            Band::Mixed => self.mixed += 1,
            Band::Low => self.low += 1,
        }
        if self.fail_under.is_some_and(|threshold| analysis.score.score < threshold) {
            self.below_threshold.push(analysis.article.id.clone());
        }
    }

    /// Once every article is counted: the mean score, and the per-source table if the run
    /// tallied sources.
    pub fn finish(&mut self, sources: Option<SourceTallies>, rules: &RuleSet) {
        if self.articles > 0 {
            self.mean_score = Some(round2(self.score_sum / self.articles as f64));
        }
        self.sources = sources.map(|sources| sources.stats(rules));
    }
}

/// The articles of each source, counted for `--group-by source`.
#[derive(Default)]
pub struct SourceTallies(BTreeMap<String, SourceTally>);

#[derive(Default)]
struct SourceTally {
    articles: usize,
    score_sum: f64,
    worst: f64,
    /// Cue and technique findings per category.
    categories: HashMap<usize, usize>,
}

impl SourceTallies {
    pub fn add(&mut self, analysis: &Analysis, rules: &RuleSet) {
        let score = analysis.score.score;
        let tally = self.0.entry(source_of(analysis)).or_default();
        tally.worst = if tally.articles == 0 { score } else { tally.worst.min(score) };
        tally.articles += 1;
        tally.score_sum += score;
        for f in analysis.findings.iter().filter(|f| rules.is_problem(f.category)) {
            *tally.categories.entry(f.category).or_default() += 1;
        }
    }

    /// Sources from the least to the most credible on average.
    fn stats(self, rules: &RuleSet) -> Vec<SourceStats> {
        let mut stats: Vec<SourceStats> = self
            .0
            .into_iter()
            .map(|(source, tally)| {
                let mut categories: Vec<(usize, usize)> = tally.categories.into_iter().collect();
                categories.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                SourceStats {
                    source,
                    articles: tally.articles,
                    mean_score: round2(tally.score_sum / tally.articles as f64),
                    worst_score: tally.worst,
                    top_categories: categories
                        .into_iter()
                        .take(SOURCE_TOP_CATEGORIES)
                        .map(|(c, n)| (rules.categories[c].id.clone(), n))
                        .collect(),
                }
            })
            .collect();
        stats.sort_by(|a, b| a.mean_score.total_cmp(&b.mean_score).then(a.source.cmp(&b.source)));
        stats
    }
}

/// The names of the folders that paths name without a name ("", ".", "..", "/"), each looked
/// up once per run, not once per record of a file in it.
static UNNAMED_FOLDERS: LazyLock<Mutex<HashMap<PathBuf, Option<String>>>> = LazyLock::new(Default::default);

/// The article's source: its `source` field, else the host of its URL, else its folder.
pub fn source_of(analysis: &Analysis) -> String {
    let article = &analysis.article;
    source_or_host(article.source.clone(), article.url.as_deref())
        .or_else(|| {
            // The folder the file is in, also when the path names none ("dump.jsonl", "../a.txt");
            // standard input has none.
            let parent = Path::new(&article.path).parent().filter(|_| article.path != "-")?;
            folder_name(parent)
        })
        .unwrap_or_else(|| "-".to_string())
}

fn folder_name(folder: &Path) -> Option<String> {
    if let Some(name) = folder.file_name() {
        return Some(name.to_string_lossy().into_owned());
    }
    let mut names = UNNAMED_FOLDERS.lock().unwrap_or_else(PoisonError::into_inner);
    let name = names.entry(folder.to_path_buf()).or_insert_with(|| {
        let folder = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
        Some(std::fs::canonicalize(folder).ok()?.file_name()?.to_string_lossy().into_owned())
    });
    name.clone()
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
