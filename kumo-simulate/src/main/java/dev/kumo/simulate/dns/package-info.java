/** Route 53 Resolver query log records and their S3 delivery files. */
@NullMarked
package dev.kumo.simulate.dns;

import org.jspecify.annotations.NullMarked;
