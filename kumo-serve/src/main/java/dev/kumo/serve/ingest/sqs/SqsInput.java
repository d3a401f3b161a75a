package dev.kumo.serve.ingest.sqs;

import dev.kumo.serve.ingest.Spool;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The S3 + SQS input: long-polls an SQS queue for S3 event notifications and copies each new object
 * into the spool.
 *
 * <p>For each message: the body is read as a {@link Notification}; each created object is fetched with
 * GetObject and written whole, as received (gzip stays gzip), as one spool unit named after its bucket
 * and key; only when every object of the message is durable in the spool is the message deleted. A
 * crash, a failed fetch (HTTP 403, 404, network) or a failed spool write leaves the message on the
 * queue: it comes back after its visibility timeout and its objects are spooled again, which the case
 * absorbs (it drops event ids it already has). Delivery into the spool is at least once, into the case
 * exactly once.
 *
 * <p>Records that are not about a created object (S3's test event, deletions) are counted as skipped;
 * a message holding nothing else is deleted. A message that is not a notification, or that names an
 * object over {@link SqsConfig#maxObjectBytes}, is counted and reported, and deleted only with
 * {@link SqsConfig#deleteMalformed}; otherwise it stays for the queue's redrive policy. Failed
 * ReceiveMessage calls are retried after an exponential backoff (1 s doubling up to 1 min).
 *
 * <p>Problems go to the given consumer as one line of text each, with the message id; they may hold
 * bucket names and keys, which are attacker-influenced: the consumer escapes them for its medium.
 * Credentials come from the SDK (never from the configuration). {@link #poll} may be called directly
 * (tests) or by the thread {@link #start} starts; not both.
 */
public final class SqsInput implements AutoCloseable {
  static final int MAX_MESSAGES = 10;

  private final SqsConfig config;
  private final Spool spool;
  private final Consumer<String> problems;
  private final Backoff backoff;
  private final AbortableHttp http;
  private final SqsClient sqs;
  private final S3Client s3;
  private final Object polling = new Object();
  private final CountDownLatch stop = new CountDownLatch(1);
  private @Nullable Thread thread;
  private @Nullable AutoCloseable ownedCredentials;

  private final AtomicLong received = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();
  private final AtomicLong objects = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong tooLarge = new AtomicLong();
  private final AtomicLong fetchErrors = new AtomicLong();
  private final AtomicLong receiveErrors = new AtomicLong();
  private final AtomicLong deleteErrors = new AtomicLong();

  /** The pause after a failed ReceiveMessage: {@code min}, doubling up to {@code max}. */
  record Backoff(Duration min, Duration max) {
    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    Duration next(Duration d) {
      Duration twice = d.multipliedBy(2);
      return twice.compareTo(max) > 0 ? max : twice;
    }
  }

  SqsInput(SqsConfig config, Spool spool, Consumer<String> problems, AwsCredentialsProvider credentials,
      Backoff backoff) {
    this.config = config;
    this.spool = spool;
    this.problems = problems;
    this.backoff = backoff;
    // The read timeout outlasts the long poll.
    this.http = new AbortableHttp(UrlConnectionHttpClient.builder()
        .socketTimeout(Duration.ofSeconds(config.waitSeconds() + 30L))
        .build());
    Region region = Region.of(config.region());
    URI endpoint = config.endpoint();
    var sqsBuilder = SqsClient.builder().httpClient(http).region(region).credentialsProvider(credentials);
    var s3Builder = S3Client.builder().httpClient(http).region(region).credentialsProvider(credentials);
    if (endpoint != null) {
      sqsBuilder.endpointOverride(endpoint);
      s3Builder.endpointOverride(endpoint).forcePathStyle(true);
    }
    this.sqs = sqsBuilder.build();
    this.s3 = s3Builder.build();
  }

  /** An input acting with the SDK's default credential chain; {@link #start} it. */
  public static SqsInput open(SqsConfig config, Spool spool, Consumer<String> problems) {
    DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
    SqsInput in = open(config, spool, problems, chain);
    in.ownedCredentials = chain;
    return in;
  }

  /** An input acting with the given credentials; {@link #start} it. */
  public static SqsInput open(SqsConfig config, Spool spool, Consumer<String> problems,
      AwsCredentialsProvider credentials) {
    return new SqsInput(config, spool, problems, credentials, Backoff.DEFAULT);
  }

  public SqsConfig config() {
    return config;
  }

  /** Starts polling the queue on a thread of its own until {@link #close}. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the SQS input is already started");
    }
    if (stop.getCount() == 0) {
      throw new IllegalStateException("the SQS input is closed");
    }
    Thread t = new Thread(this::run, "kumo-sqs");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private void run() {
    Duration delay = backoff.min();
    while (!closing()) {
      Duration pause;
      try {
        int n = poll();
        delay = backoff.min();
        // Without a long poll an empty queue would be asked again at once.
        pause = n == 0 && config.waitSeconds() == 0 ? backoff.min() : Duration.ZERO;
      } catch (RuntimeException e) {
        if (closing()) {
          return; // the long poll was aborted by close
        }
        receiveErrors.incrementAndGet();
        problems.accept("SQS ReceiveMessage on " + config.queueUrl() + " failed: " + describe(e)
            + "; trying again in " + delay.toMillis() + " ms");
        pause = delay;
        delay = backoff.next(delay);
      }
      if (!pause.isZero() && pause(pause)) {
        return;
      }
    }
  }

  /** Waits {@code d} or until closed; returns whether closed. */
  private boolean pause(Duration d) {
    try {
      return stop.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /**
   * Receives one batch of messages (waiting up to {@link SqsConfig#waitSeconds}) and processes it;
   * returns how many messages were received.
   *
   * @throws SdkException when ReceiveMessage fails (the caller backs off)
   */
  public int poll() {
    synchronized (polling) {
      ReceiveMessageRequest.Builder req = ReceiveMessageRequest.builder()
          .queueUrl(config.queueUrl())
          .maxNumberOfMessages(MAX_MESSAGES)
          .waitTimeSeconds(config.waitSeconds())
          .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
      Duration visibility = config.visibilityTimeout();
      if (visibility != null) {
        req.visibilityTimeout((int) visibility.toSeconds());
      }
      List<Message> messages = sqs.receiveMessage(req.build()).messages();
      received.addAndGet(messages.size());
      for (Message m : messages) {
        if (closing()) {
          break; // closing: the rest comes back after the visibility timeout
        }
        handle(m);
      }
      return messages.size();
    }
  }

  private void handle(Message m) {
    String id = m.messageId();
    Notification n;
    try {
      n = Notification.parse(m.body() == null ? "" : m.body());
    } catch (Notification.MalformedException e) {
      malformed.incrementAndGet();
      problems.accept("SQS message " + id + receives(m) + " is not an S3 notification: " + e.getMessage()
          + (config.deleteMalformed() ? "; deleted" : "; left for the queue's redrive policy"));
      if (config.deleteMalformed()) {
        delete(m);
      }
      return;
    }
    skipped.addAndGet(n.skipped());
    boolean failed = false;
    boolean refused = false;
    for (S3Object o : n.objects()) {
      if (closing()) {
        return; // closing: the message comes back, and what was spooled is absorbed
      }
      Outcome r = fetch(o, m);
      failed |= r == Outcome.FAILED;
      refused |= r == Outcome.TOO_LARGE;
    }
    if (failed || (refused && !config.deleteMalformed())) {
      return; // comes back after the visibility timeout
    }
    delete(m);
  }

  private enum Outcome { SPOOLED, TOO_LARGE, FAILED }

  /** Thrown inside the spool write when the object turns out larger than the limit. */
  private static final class TooLarge extends IOException {
    TooLarge() {
      super("object over the size limit");
    }
  }

  private Outcome fetch(S3Object o, Message m) {
    long max = config.maxObjectBytes();
    Long announced = o.size();
    if (announced != null && announced > max) {
      return refuse(o, m, announced);
    }
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(o.bucket()).key(o.key()))) {
      Long length = in.response().contentLength();
      if (length != null && length > max) {
        in.abort();
        return refuse(o, m, length);
      }
      try {
        Spool.Unit unit = spool.write(unitName(o), out -> copy(in, out, max));
        objects.incrementAndGet();
        bytes.addAndGet(unit.size());
        return Outcome.SPOOLED;
      } catch (TooLarge e) {
        in.abort();
        return refuse(o, m, null);
      }
    } catch (AwsServiceException e) {
      if (closing()) {
        return Outcome.FAILED;
      }
      fetchErrors.incrementAndGet();
      problems.accept("GetObject " + o + " (SQS message " + m.messageId() + receives(m) + ") failed: "
          + describe(e) + "; the message stays on the queue");
      return Outcome.FAILED;
    } catch (IOException | RuntimeException e) {
      if (closing()) {
        return Outcome.FAILED; // aborted by close: the message comes back
      }
      fetchErrors.incrementAndGet();
      problems.accept("fetching " + o + " into the spool (SQS message " + m.messageId() + receives(m)
          + ") failed: " + describe(e) + "; the message stays on the queue");
      return Outcome.FAILED;
    }
  }

  private Outcome refuse(S3Object o, Message m, @Nullable Long size) {
    tooLarge.incrementAndGet();
    problems.accept(o + " (SQS message " + m.messageId() + ") is "
        + (size == null ? "larger than" : size + " bytes, over") + " the limit of " + config.maxObjectBytes()
        + " bytes" + (config.deleteMalformed() ? "; not fetched" : "; the message is left for the queue's redrive policy"));
    return Outcome.TOO_LARGE;
  }

  private void copy(InputStream in, OutputStream out, long max) throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    for (int r; (r = in.read(buf)) >= 0; ) {
      if (closing()) {
        throw new IOException("the SQS input is closing");
      }
      total += r;
      if (total > max) {
        throw new TooLarge();
      }
      out.write(buf, 0, r);
    }
  }

  /** The unit's name: bucket and key with path separators flattened (the spool sanitises the rest). */
  static String unitName(S3Object o) {
    return ("s3-" + o.bucket() + "_" + o.key()).replace('/', '_').replace('\\', '_');
  }

  private boolean closing() {
    return stop.getCount() == 0;
  }

  private void delete(Message m) {
    try {
      sqs.deleteMessage(b -> b.queueUrl(config.queueUrl()).receiptHandle(m.receiptHandle()));
      deleted.incrementAndGet();
    } catch (SdkException e) {
      deleteErrors.incrementAndGet();
      problems.accept("SQS DeleteMessage of message " + m.messageId() + " failed: " + describe(e)
          + "; it will be received again (its objects are not stored twice)");
    }
  }

  private static String receives(Message m) {
    String count = m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    return count == null || count.equals("1") ? "" : " (received " + count + " times)";
  }

  private static String describe(Exception e) {
    if (e instanceof AwsServiceException a) {
      String code = a.awsErrorDetails() == null ? null : a.awsErrorDetails().errorCode();
      return "HTTP " + a.statusCode() + (code == null ? "" : " " + code);
    }
    String msg = e.getMessage();
    return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
  }

  /** The counts so far. */
  public SqsStats stats() {
    return new SqsStats(received.get(), deleted.get(), objects.get(), bytes.get(), skipped.get(),
        malformed.get(), tooLarge.get(), fetchErrors.get(), receiveErrors.get(), deleteErrors.get());
  }

  /**
   * Registers the counts as {@code kumo_ingest_sqs_messages_total}, {@code ..._deleted_total},
   * {@code ..._objects_total}, {@code ..._bytes_total}, {@code ..._skipped_total},
   * {@code ..._malformed_total} and {@code kumo_ingest_sqs_errors_total} tagged
   * {@code kind=too_large|fetch|receive|delete}.
   */
  public void bindTo(MeterRegistry registry) {
    counter(registry, "kumo.ingest.sqs.messages", received, "SQS messages received");
    counter(registry, "kumo.ingest.sqs.deleted", deleted, "SQS messages deleted once handled");
    counter(registry, "kumo.ingest.sqs.objects", objects, "S3 objects spooled");
    counter(registry, "kumo.ingest.sqs.bytes", bytes, "bytes of S3 objects spooled");
    counter(registry, "kumo.ingest.sqs.skipped", skipped, "notification records not about a new object");
    counter(registry, "kumo.ingest.sqs.malformed", malformed, "SQS messages that are not S3 notifications");
    for (var kind : List.of(List.of("too_large", tooLarge), List.of("fetch", fetchErrors),
        List.of("receive", receiveErrors), List.of("delete", deleteErrors))) {
      FunctionCounter.builder("kumo.ingest.sqs.errors", (AtomicLong) kind.get(1), AtomicLong::get)
          .tag("kind", (String) kind.get(0))
          .description("S3 + SQS input errors").register(registry);
    }
  }

  private static void counter(MeterRegistry registry, String name, AtomicLong value, String description) {
    FunctionCounter.builder(name, value, AtomicLong::get).description(description).register(registry);
  }

  /**
   * Stops polling: a long poll or a fetch in progress is aborted, and messages received but not yet
   * deleted come back after their visibility timeout (objects already spooled are absorbed by the
   * case). Waits for the polling thread to end, then closes the clients.
   */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      stop.countDown();
      t = thread;
    }
    http.abortAll();
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(TimeUnit.MINUTES.toMillis(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    RuntimeException first = null;
    List<AutoCloseable> toClose = new java.util.ArrayList<>(List.of(sqs, s3, http));
    if (ownedCredentials != null) {
      toClose.add(ownedCredentials);
    }
    for (AutoCloseable c : toClose) {
      try {
        c.close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("closing the SQS input's clients failed", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
