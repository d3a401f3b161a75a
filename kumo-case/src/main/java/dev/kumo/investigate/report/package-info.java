/**
 * The case report: one self-contained HTML file ({@link dev.kumo.investigate.report.HtmlCaseReport})
 * rendered from plain values ({@link dev.kumo.investigate.report.CaseReportData}). The page loads
 * nothing from the network, escapes every log-derived string, and its Content-Security-Policy lets
 * only its own inline script and style run.
 */
@NullMarked
package dev.kumo.investigate.report;

import org.jspecify.annotations.NullMarked;
