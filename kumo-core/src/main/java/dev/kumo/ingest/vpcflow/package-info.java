/** Amazon VPC Flow Logs: text as delivered to S3 and CloudWatch Logs (versions 2 to 5+), and JSON exports. */
@NullMarked
package dev.kumo.ingest.vpcflow;

import org.jspecify.annotations.NullMarked;
