package dev.kumo.simulate.alb;

import org.jspecify.annotations.Nullable;

/**
 * One request an Application Load Balancer node logged. Times are in seconds as the log has them, a
 * value of {@code -1} meaning the load balancer could not measure it (no target answered).
 *
 * @param loadBalancer the load balancer's {@code app/<name>/<16 hex>} id
 * @param nodeIp the address of the load balancer node that handled the request (in the file name)
 * @param type {@code http}, {@code https}, {@code h2}, {@code ws} or {@code wss}
 * @param timeMicros when the response was sent (epoch microseconds)
 * @param durationMicros from the request's arrival to the response (request_creation_time is {@code timeMicros - durationMicros})
 * @param targetIp the target's address, null when none was chosen ({@code -} in the log)
 * @param targetStatus the target's status code, or {@code -1} when it sent none
 * @param url the full request URL ({@code https://host:443/path?query})
 * @param targetGroupArn null when no target group served it (redirects, fixed responses)
 * @param actions {@code forward}, {@code redirect}, {@code fixed-response} ...
 * @param redirectUrl the Location of a redirect action, else null
 * @param errorReason the ALB error reason ({@code TargetResponseError} ...), else null
 */
public record AlbRequest(String account, String region, String loadBalancer, String nodeIp, String type,
    long timeMicros, long durationMicros, String clientIp, int clientPort, @Nullable String targetIp, int targetPort,
    double requestSeconds, double targetSeconds, double responseSeconds, int elbStatus, int targetStatus,
    long receivedBytes, long sentBytes, String method, String url, String protocol, String userAgent,
    String domain, @Nullable String certificateArn, @Nullable String targetGroupArn, int rulePriority, String actions,
    @Nullable String redirectUrl, @Nullable String errorReason) {}
