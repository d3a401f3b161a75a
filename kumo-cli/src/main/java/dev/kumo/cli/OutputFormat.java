package dev.kumo.cli;

/** Formats for findings. */
public enum OutputFormat {
  table,
  jsonl,
  csv,
  /** OCSF Detection Findings (class 2004), one JSON object per line. */
  ocsf
}
