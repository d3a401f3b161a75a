/** Sorting more items than fit in memory: sorted runs spilled to temporary files, then merged. */
@NullMarked
package dev.kumo.sort;

import org.jspecify.annotations.NullMarked;
