/** Azure Application Gateway access and WAF firewall logs (resource logs). */
@NullMarked
package dev.kumo.ingest.appgateway;

import org.jspecify.annotations.NullMarked;
