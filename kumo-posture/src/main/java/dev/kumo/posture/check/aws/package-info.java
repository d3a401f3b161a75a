/** Built-in AWS checks: the rules behind the {@code aws-*} entries of the bundled catalog. */
@NullMarked
package dev.kumo.posture.check.aws;

import org.jspecify.annotations.NullMarked;
