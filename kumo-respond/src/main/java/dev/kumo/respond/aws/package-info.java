/**
 * The AWS calls that response plans execute, through the AWS SDK for Java v2: clients with the user's
 * normal credential chain, optional role assumption into a forensic account, retries with backoff and a
 * client-side rate limit ({@link dev.kumo.respond.aws.AwsClients}); one method per response step that
 * returns every call's request id ({@link dev.kumo.respond.aws.AwsResponder}). Nothing here terminates an
 * instance or deletes a volume or snapshot.
 */
@NullMarked
package dev.kumo.respond.aws;

import org.jspecify.annotations.NullMarked;
