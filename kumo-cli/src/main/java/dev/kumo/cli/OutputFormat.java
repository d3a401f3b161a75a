package dev.kumo.cli;

/** Formats for findings. */
public enum OutputFormat {
  table,
  jsonl,
  csv
}
