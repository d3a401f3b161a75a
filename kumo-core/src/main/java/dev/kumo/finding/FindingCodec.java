package dev.kumo.finding;

import dev.kumo.sort.Codec;
import dev.kumo.sort.SortKey;
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

  /** {@link FindingOrder#ORDER}: time, level (highest first), rule title, rule id, event id, group values. */
  @Override
  public void writeKey(Finding f, SortKey key) {
    key.instant(f.event().time())
        .byteValue(255 - f.level().ordinal())
        .string(f.ruleTitle())
        .string(f.ruleId())
        .string(f.event().id());
    CorrelationInfo c = f.correlation();
    if (c == null) {
      key.byteValue(0);
      return;
    }
    key.byteValue(1);
    for (String v : c.group().values()) {
      key.byteValue(1).nullableString(v); // after the end marker 0: a longer group sorts later
    }
    key.byteValue(0);
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
