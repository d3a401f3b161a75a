/** Amazon Route 53 Resolver query logs (DNS queries from VPCs). */
@NullMarked
package dev.kumo.ingest.route53resolver;

import org.jspecify.annotations.NullMarked;
