/**
 * Output for people and programs: terminal tables and summaries (sanitized, optionally coloured),
 * JSON Lines and CSV (formula injection neutralized), and the progress bar.
 */
package dev.kumo.cli.output;
