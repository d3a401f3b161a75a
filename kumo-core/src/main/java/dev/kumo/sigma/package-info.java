/**
 * Sigma rules (detection, correlation and filter documents) as immutable records, and the loader
 * that reads them from YAML with precise, per-rule error reports.
 */
@NullMarked
package dev.kumo.sigma;

import org.jspecify.annotations.NullMarked;
