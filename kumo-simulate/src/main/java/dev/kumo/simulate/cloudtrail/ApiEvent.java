package dev.kumo.simulate.cloudtrail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One CloudTrail event being put together: who, what, where and the bodies; the writer adds the
 * ids, the TLS details and the constant fields. Created per event and handed to
 * {@link CloudTrailWriter#write}; setters return {@code this}.
 */
public final class ApiEvent {
  final long time;
  final String account;
  final String region;
  final Identity identity;
  final String eventSource;
  final String eventName;
  String sourceIp = "AWS Internal";
  String userAgent = "AWS Internal";
  @Nullable String errorCode;
  @Nullable String errorMessage;
  @Nullable Body request;
  @Nullable Body response;
  @Nullable Body additional;
  @Nullable List<Resource> resources;
  @Nullable Body serviceEventDetails;
  boolean readOnly;
  String eventType = "AwsApiCall";
  boolean management = true;
  String category = "Management";
  @Nullable String sharedEventId;
  @Nullable String vpcEndpointId;
  @Nullable String tlsHost;
  boolean fromConsole;

  /**
   * @param account the account whose trail records the event ({@code recipientAccountId})
   * @param service the service's endpoint prefix ({@code ec2}, {@code s3} ...); the event source is
   *     {@code <service>.amazonaws.com}
   */
  public ApiEvent(long time, String account, String region, Identity identity, String service, String eventName) {
    this.time = time;
    this.account = account;
    this.region = region;
    this.identity = identity;
    this.eventSource = service + ".amazonaws.com";
    this.eventName = eventName;
    this.readOnly = readOnlyByName(eventName);
  }

  static boolean readOnlyByName(String name) {
    return name.startsWith("Describe") || name.startsWith("List") || name.startsWith("Get") || name.startsWith("Lookup")
        || name.startsWith("Head") || name.startsWith("Search") || name.startsWith("BatchGet")
        || name.startsWith("Check") || name.startsWith("Validate") || name.startsWith("AssumeRole")
        || name.startsWith("Decrypt") || name.startsWith("GenerateDataKey") || name.startsWith("Encrypt");
  }

  /** The caller's address and agent. */
  public ApiEvent from(String ip, String agent) {
    this.sourceIp = ip;
    this.userAgent = agent;
    return this;
  }

  public ApiEvent request(@Nullable Body body) {
    this.request = body;
    return this;
  }

  public ApiEvent response(@Nullable Body body) {
    this.response = body;
    return this;
  }

  public ApiEvent additional(@Nullable Body body) {
    this.additional = body;
    return this;
  }

  public ApiEvent resources(Resource... list) {
    this.resources = List.of(list);
    return this;
  }

  /** The call failed: no response, and the error code and message. */
  public ApiEvent error(String code, String message) {
    this.errorCode = code;
    this.errorMessage = message;
    this.response = null;
    return this;
  }

  public ApiEvent readOnly(boolean value) {
    this.readOnly = value;
    return this;
  }

  /** A data event (S3 object calls, Lambda invocations): not a management event. */
  public ApiEvent data() {
    this.management = false;
    this.category = "Data";
    return this;
  }

  /** A console sign-in event. */
  public ApiEvent signIn() {
    this.eventType = "AwsConsoleSignIn";
    return this;
  }

  /** An event a service records on its own ({@code AwsServiceEvent}), with its details. */
  public ApiEvent serviceEvent(Body details) {
    this.eventType = "AwsServiceEvent";
    this.serviceEventDetails = details;
    this.readOnly = false;
    return this;
  }

  /** Made from the console with console session credentials. */
  public ApiEvent console() {
    this.fromConsole = true;
    return this;
  }

  /** Through an interface VPC endpoint owned by {@code endpointAccount}. */
  public ApiEvent vpcEndpoint(String id) {
    this.vpcEndpointId = id;
    return this;
  }

  /** The host name the client asked for (else the service's regional endpoint). */
  public ApiEvent host(String host) {
    this.tlsHost = host;
    return this;
  }

  public ApiEvent sharedEventId(String id) {
    this.sharedEventId = id;
    return this;
  }

  public long time() {
    return time;
  }

  public String account() {
    return account;
  }

  public String region() {
    return region;
  }

  public String eventName() {
    return eventName;
  }

  public String eventSource() {
    return eventSource;
  }

  public Identity identity() {
    return identity;
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  public boolean failed() {
    return errorCode != null;
  }
}
