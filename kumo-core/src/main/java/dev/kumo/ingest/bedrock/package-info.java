/** Amazon Bedrock model invocation logs. */
@NullMarked
package dev.kumo.ingest.bedrock;

import org.jspecify.annotations.NullMarked;
