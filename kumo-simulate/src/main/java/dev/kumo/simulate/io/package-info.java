/** Output plumbing: gzip files that count their bytes, and the run manifest. */
@NullMarked
package dev.kumo.simulate.io;

import org.jspecify.annotations.NullMarked;
