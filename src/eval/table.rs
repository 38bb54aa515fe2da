//! The default output of `newslint eval`: one table of rows, the micro average and the
//! technique-agnostic row, then what was not scored and how to read the numbers.

use std::io::{self, Write};

use comfy_table::{CellAlignment, Table, presets};

use super::{EvalReport, Scores};
use crate::text::plural;

/// Writes `report` as a table with a few lines of notes under it.
pub fn write_table(report: &EvalReport, out: &mut dyn Write) -> io::Result<()> {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED).force_no_tty();
    table.set_header(["category", "findings", "correct", "precision", "gold", "found", "recall", "F1"]);
    for row in &report.categories {
        table.add_row(cells(&row.category, &row.scores));
    }
    table.add_row(cells("micro average", &report.micro));
    table.add_row(cells("any technique", &report.technique_agnostic));
    for column in 1..8 {
        if let Some(column) = table.column_mut(column) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(out, "{table}")?;

    writeln!(
        out,
        "{} article{}, {} gold span{}, {} finding{} (label map: {}).",
        report.articles,
        plural(report.articles),
        report.gold_spans,
        plural(report.gold_spans),
        report.findings,
        plural(report.findings),
        report.label_map
    )?;
    if !report.unmapped.is_empty() {
        let labels: Vec<String> = report
            .unmapped
            .iter()
            .map(|u| {
                let note = if u.in_label_map { "" } else { ", not in the label map" };
                format!("{} ({}{note})", u.label, u.spans)
            })
            .collect();
        writeln!(
            out,
            "Unmapped labels, {} span{}, scored only as \"any technique\": {}.",
            report.unmapped_spans,
            plural(report.unmapped_spans),
            labels.join(", ")
        )?;
    }
    writeln!(
        out,
        "precision = correct / findings: findings that overlap a gold span of their category; \
         recall = found / gold: gold spans overlapped by a finding of their category; \
         \"any technique\" ignores the categories."
    )?;
    for warning in &report.warnings {
        writeln!(out, "warning: {warning}")?;
    }
    Ok(())
}

fn cells(name: &str, s: &Scores) -> [String; 8] {
    let ratio = |r: Option<f64>| r.map_or_else(|| "-".to_string(), |r| format!("{r:.3}"));
    [
        name.to_string(),
        s.findings.to_string(),
        s.findings_correct.to_string(),
        ratio(s.precision),
        s.gold.to_string(),
        s.gold_found.to_string(),
        ratio(s.recall),
        ratio(s.f1),
    ]
}
