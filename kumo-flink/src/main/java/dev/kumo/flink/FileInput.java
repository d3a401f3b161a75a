package dev.kumo.flink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * A bounded back-fill from files: the files under the given paths (local, or any file system Flink
 * has a plugin for: {@code s3://}, {@code gs://}, {@code abfss://}, ...) are listed when the job is
 * built, spread over the workers, and each is read whole into one {@link RawRecord} named after it
 * (Kumo's readers then find the records inside, as for {@code kumo hunt}). A file is read up to
 * {@link #MAX_FILE_BYTES}; what a cut file leaves unreadable goes to the dead-letter topic.
 */
final class FileInput {
  /** Largest file read (cloud log objects are far smaller). */
  static final int MAX_FILE_BYTES = 1 << 30;

  private FileInput() {}

  static DataStream<RawRecord> stream(StreamExecutionEnvironment env, List<String> roots) {
    List<String> files = new ArrayList<>();
    for (String root : roots) {
      list(new Path(root), files);
    }
    files.sort(null);
    return env.fromData(files).uid("kumo-files").name("kumo-files").rebalance()
        .flatMap((String file, Collector<RawRecord> out) -> out.collect(read(file)))
        .returns(TypeInformation.of(RawRecord.class)).uid("kumo-file-read").name("kumo-file-read");
  }

  private static void list(Path p, List<String> out) {
    try {
      FileSystem fs = p.getFileSystem();
      FileStatus status = fs.getFileStatus(p);
      if (!status.isDir()) {
        out.add(p.toString());
        return;
      }
      for (FileStatus s : fs.listStatus(p)) {
        String name = s.getPath().getName();
        if (!name.startsWith(".")) {
          list(s.getPath(), out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
    }
  }

  private static RawRecord read(String file) throws IOException {
    Path p = new Path(file);
    try (InputStream in = p.getFileSystem().open(p)) {
      return new RawRecord("file:" + file, 0, 0, in.readNBytes(MAX_FILE_BYTES));
    }
  }
}
