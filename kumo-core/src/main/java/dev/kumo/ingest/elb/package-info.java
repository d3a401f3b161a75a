/** Elastic Load Balancing access logs: Application, Classic and Network Load Balancers. */
@NullMarked
package dev.kumo.ingest.elb;

import org.jspecify.annotations.NullMarked;
