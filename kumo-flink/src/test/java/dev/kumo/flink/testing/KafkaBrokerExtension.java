package dev.kumo.flink.testing;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives test classes one {@link KafkaBroker} shared by the whole test run (one JVM): started by the first class
 * that needs it, closed when JUnit finishes. Tests keep apart by using topics and transactional ids of their own.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
 * ... KAFKA.broker().createTopic("events-" + UUID.randomUUID(), 2);
 * }</pre>
 *
 * A test that must own its broker (to stop it, say) uses {@link KafkaBroker#start()} in try-with-resources.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

  private volatile @Nullable KafkaBroker broker;

  @Override
  public void beforeAll(ExtensionContext context) {
    // JUnit closes AutoCloseable values of the root store when the test run ends.
    broker = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(KafkaBroker.class, key -> KafkaBroker.start(), KafkaBroker.class);
  }

  /**
   * The shared broker.
   *
   * @throws IllegalStateException before JUnit's {@code beforeAll} (register the extension on a static field)
   */
  public KafkaBroker broker() {
    KafkaBroker b = broker;
    if (b == null) {
      throw new IllegalStateException("register KafkaBrokerExtension on a static field");
    }
    return b;
  }
}
