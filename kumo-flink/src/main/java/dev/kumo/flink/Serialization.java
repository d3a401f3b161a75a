package dev.kumo.flink;

import java.util.List;
import org.apache.flink.api.java.typeutils.runtime.kryo.JavaSerializer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** How the job's state is written at checkpoints. */
final class Serialization {
  private Serialization() {}

  /**
   * Detection state ({@link StateHolder}) is written with Java serialization: Kumo's state classes
   * are {@link java.io.Serializable} and restore exactly (access-ordered maps, immutable collections),
   * which Kryo's field-by-field copies would not.
   */
  static void register(StreamExecutionEnvironment env) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.SERIALIZATION_CONFIG, List.of(StateHolder.class.getName()
        + ": {type: kryo, kryo-type: default, class: " + JavaSerializer.class.getName() + "}"));
    env.configure(conf, Serialization.class.getClassLoader());
  }
}
