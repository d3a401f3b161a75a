/** Built-in AWS check sets: the logic behind the AWS entries of {@code checks/aws.yml}. */
@NullMarked
package dev.kumo.posture.check.aws;

import org.jspecify.annotations.NullMarked;
