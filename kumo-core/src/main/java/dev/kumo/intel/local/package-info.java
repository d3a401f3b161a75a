/**
 * The local intel store: feeds imported once ({@code kumo intel import}, {@code kumo intel pull}) and
 * used by every detecting command by default, kept as one file of normalized indicators per feed.
 */
@NullMarked
package dev.kumo.intel.local;

import org.jspecify.annotations.NullMarked;
