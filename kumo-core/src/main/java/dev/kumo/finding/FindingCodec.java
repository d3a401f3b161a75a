package dev.kumo.finding;

import static dev.kumo.sort.BinaryIO.readInstant;
import static dev.kumo.sort.BinaryIO.readMap;
import static dev.kumo.sort.BinaryIO.readString;
import static dev.kumo.sort.BinaryIO.readStrings;
import static dev.kumo.sort.BinaryIO.writeInstant;
import static dev.kumo.sort.BinaryIO.writeMap;
import static dev.kumo.sort.BinaryIO.writeString;
import static dev.kumo.sort.BinaryIO.writeStrings;

import dev.kumo.sigma.Level;
import dev.kumo.sort.Codec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Binary form of findings for spill files. */
public final class FindingCodec implements Codec<Finding> {
  public static final FindingCodec INSTANCE = new FindingCodec();

  @Override
  public void write(Finding f, DataOutput out) throws IOException {
    out.writeByte(f.level().ordinal());
    writeString(out, f.ruleId());
    writeString(out, f.ruleName());
    writeString(out, f.ruleTitle());
    writeString(out, f.author());
    writeString(out, f.license());
    writeString(out, f.ruleSource());
    writeStrings(out, f.techniques());
    writeStrings(out, f.tactics());
    writeStrings(out, f.threats());
    EventSummaryCodec.write(f.event(), out);
    CorrelationInfo c = f.correlation();
    out.writeBoolean(c != null);
    if (c != null) {
      writeString(out, c.type());
      writeMap(out, c.group());
      writeStrings(out, c.eventIds());
      out.writeLong(c.eventCount());
      out.writeDouble(c.value());
      writeInstant(out, c.firstTime());
    }
  }

  @Override
  public Finding read(DataInput in) throws IOException {
    Level level = Level.values()[in.readByte()];
    String id = readString(in);
    String name = readString(in);
    String title = readString(in);
    String author = readString(in);
    String license = readString(in);
    String source = readString(in);
    var techniques = readStrings(in);
    var tactics = readStrings(in);
    var threats = readStrings(in);
    EventSummary event = EventSummaryCodec.read(in);
    CorrelationInfo c = null;
    if (in.readBoolean()) {
      c = new CorrelationInfo(readString(in), readMap(in), readStrings(in), in.readLong(), in.readDouble(),
          readInstant(in));
    }
    return new Finding(level, id, name, title, author, license, source, techniques, tactics, threats, event, c);
  }
}
