/**
 * After-action reports of a scored drill: a terminal table, Markdown, self-contained HTML and an
 * ATT&amp;CK Navigator layer (format 4.5). Every string from logs or labels is escaped for its medium.
 */
@NullMarked
package dev.kumo.exercise.report;

import org.jspecify.annotations.NullMarked;
