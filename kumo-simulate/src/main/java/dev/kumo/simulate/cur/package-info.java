/** Daily billing lines in the AWS CUR 2.0 (Data Exports) CSV layout. */
@NullMarked
package dev.kumo.simulate.cur;

import org.jspecify.annotations.NullMarked;
