/**
 * Tabletop response exercises: a {@link dev.kumo.exercise.tabletop.Tabletop} scenario read from YAML
 * ({@link dev.kumo.exercise.tabletop.TabletopReader}), played interactively
 * ({@link dev.kumo.exercise.tabletop.InteractiveSession}) or from an answers file
 * ({@link dev.kumo.exercise.tabletop.AnswersReader}), scored ({@link dev.kumo.exercise.tabletop.Scorer}) and
 * written as an after-action report ({@link dev.kumo.exercise.tabletop.MarkdownReport},
 * {@link dev.kumo.exercise.tabletop.HtmlReport}).
 *
 * <p>All model types are immutable records and safe to share between threads; nothing here writes to the
 * standard streams or reads the wall clock except through an injected {@link java.time.Clock}.
 */
@NullMarked
package dev.kumo.exercise.tabletop;

import org.jspecify.annotations.NullMarked;
