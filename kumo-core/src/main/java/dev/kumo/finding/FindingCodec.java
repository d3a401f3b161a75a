package dev.kumo.finding;

import dev.kumo.sort.Codec;
import dev.kumo.sort.SpillReader;
import dev.kumo.sort.SpillWriter;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary form of findings for spill files of one hunt: a rule is written as its position in the
 * hunt's rule list, so spilled findings carry only their event. Thread-safe.
 */
public final class FindingCodec implements Codec<Finding> {
  private final List<FindingRule> rules;
  private final Map<FindingRule, Integer> index = new IdentityHashMap<>();

  public FindingCodec(List<FindingRule> rules) {
    this.rules = List.copyOf(rules);
    for (int i = 0; i < this.rules.size(); i++) {
      index.put(this.rules.get(i), i);
    }
  }

  @Override
  public void write(Finding f, SpillWriter out) throws IOException {
    Integer i = index.get(f.rule());
    if (i == null) {
      throw new IllegalArgumentException("finding of a rule this codec does not know: " + f.ruleId());
    }
    out.writeInt(i);
    EventSummaryCodec.write(f.event(), out);
    CorrelationInfo c = f.correlation();
    out.writeBoolean(c != null);
    if (c != null) {
      out.writeString(c.type());
      out.writeMap(c.group());
      out.writeStrings(c.eventIds());
      out.writeLong(c.eventCount());
      out.writeDouble(c.value());
      out.writeInstant(c.firstTime());
    }
    out.writeString(f.reason());
    out.writeStrings(f.evidence());
    out.writeString(f.suppressedBy());
  }

  @Override
  public Finding read(SpillReader in) throws IOException {
    FindingRule rule = rules.get(in.readInt());
    EventSummary event = EventSummaryCodec.read(in);
    CorrelationInfo c = null;
    if (in.readBoolean()) {
      c = new CorrelationInfo(in.readString(), in.readMap(), in.readStrings(), in.readLong(), in.readDouble(),
          in.readInstant());
    }
    return new Finding(rule, event, c, in.readString(), in.readStrings(), in.readString());
  }
}
