/** Plain indicator lists (one value a line, Maltrail trails, CSV with a header) read as Kumo indicators. */
@NullMarked
package dev.kumo.intel.lists;

import org.jspecify.annotations.NullMarked;
