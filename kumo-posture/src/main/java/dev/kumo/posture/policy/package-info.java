/** Access policies as data: AWS IAM policy documents and what they grant to whom. */
@NullMarked
package dev.kumo.posture.policy;

import org.jspecify.annotations.NullMarked;
