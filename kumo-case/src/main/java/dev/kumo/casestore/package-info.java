/**
 * The case store: an embedded DuckDB file holding a hunt's normalized events and findings, extended
 * by later hunts ({@link dev.kumo.casestore.CaseWriter}) and queried read-only with SQL
 * ({@link dev.kumo.casestore.CaseQuery}). DuckDB stays in this module, out of kumo-core.
 */
@NullMarked
package dev.kumo.casestore;

import org.jspecify.annotations.NullMarked;
