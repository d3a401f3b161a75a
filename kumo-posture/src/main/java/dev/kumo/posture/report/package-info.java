/**
 * Reports of posture and dead spots: a small document model rendered to the terminal, Markdown, HTML and
 * CSV, and the versioned JSON forms. Every value from an export is escaped for the medium it is written to.
 */
@NullMarked
package dev.kumo.posture.report;

import org.jspecify.annotations.NullMarked;
