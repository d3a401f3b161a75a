/** Application Load Balancer access log records and their S3 delivery files. */
@NullMarked
package dev.kumo.simulate.alb;

import org.jspecify.annotations.NullMarked;
