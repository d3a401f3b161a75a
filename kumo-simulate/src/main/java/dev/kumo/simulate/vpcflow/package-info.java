/** VPC flow log records (default version 2 format) and their S3 delivery files. */
@NullMarked
package dev.kumo.simulate.vpcflow;

import org.jspecify.annotations.NullMarked;
