/** AWS Cost and Usage Report lines (CUR 2.0 and legacy CUR). */
@NullMarked
package dev.kumo.ingest.cur;

import org.jspecify.annotations.NullMarked;
