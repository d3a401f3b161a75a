package dev.kumo.exercise.tabletop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plays a tabletop line by line: shows each inject, lists the decisions and distractors as numbered options
 * (shuffled by the seed, so the expected answer is not always first), and records the chosen numbers, free-text
 * actions and owner roles with timestamps from the injected {@link Clock}. Works the same in a terminal and from a
 * piped script. End of input ends the exercise early: the injects not reached stay unanswered. Bad input is
 * reported and asked again. Not thread-safe: one session per run.
 */
public final class InteractiveSession {
  private final Tabletop tabletop;
  private final BufferedReader in;
  private final PrintWriter out;
  private final Clock clock;
  private final long seed;
  private boolean ended;

  /**
   * @param seed shuffles the options; the same seed shows the same order
   */
  public InteractiveSession(Tabletop tabletop, BufferedReader in, PrintWriter out, Clock clock, long seed) {
    this.tabletop = tabletop;
    this.in = in;
    this.out = out;
    this.clock = clock;
    this.seed = seed;
  }

  /** One numbered choice: a decision or a distractor. */
  public record Option(String id, String text) {}

  /** The options of an inject in the order shown for {@code seed}. */
  public static List<Option> options(Inject inject, long seed) {
    List<Option> options = new ArrayList<>();
    inject.decisions().forEach(d -> options.add(new Option(d.id(), d.text())));
    inject.distractors().forEach(x -> options.add(new Option(x.id(), x.text())));
    Collections.shuffle(options, new Random(seed * 31 + inject.id().hashCode()));
    return options;
  }

  /** Runs the whole exercise and returns what was answered (possibly less, when input ends early). */
  public Answers run() {
    out.println("== Tabletop: " + Text.terminal(tabletop.title()) + " [" + tabletop.threat().id() + "] ==");
    out.println(Text.terminal(tabletop.summary()));
    out.println();
    out.println("Roles:");
    tabletop.roles().forEach(r -> out.println("  " + r.name() + " - " + Text.terminal(r.description())));
    out.println();
    List<Answers.Member> team = team();
    Map<String, Answers.Response> responses = new LinkedHashMap<>();
    for (int i = 0; i < tabletop.injects().size() && !ended; i++) {
      Inject inject = tabletop.injects().get(i);
      Answers.Response r = inject(inject, i + 1);
      if (r != null) {
        responses.put(inject.id(), r);
      }
    }
    if (ended) {
      out.println();
      out.println("(end of input: the injects not reached are left unanswered)");
    }
    out.flush();
    return new Answers(tabletop.id(), team, responses);
  }

  private List<Answers.Member> team() {
    List<Answers.Member> team = new ArrayList<>();
    out.println("Who is taking part? One 'name: role' per line, empty line when done.");
    while (true) {
      String line = ask("team> ");
      if (line == null || line.isBlank()) {
        return team;
      }
      int colon = line.lastIndexOf(':');
      String role = colon < 0 ? "" : line.substring(colon + 1).strip();
      if (colon <= 0 || !tabletop.hasRole(role)) {
        out.println("  write it as 'name: role' with one of the roles above");
        continue;
      }
      team.add(new Answers.Member(line.substring(0, colon).strip(), role));
    }
  }

  private Answers.@Nullable Response inject(Inject inject, int number) {
    out.println();
    out.println("--- [" + inject.atText() + "] Inject " + number + "/" + tabletop.injects().size() + ": "
        + Text.terminal(inject.title()) + " ---");
    out.println(Text.terminal(inject.text().strip()));
    Instant shown = clock.instant();
    List<Option> options = options(inject, seed);
    List<Answers.Action> actions = new ArrayList<>();
    Set<String> owners = new LinkedHashSet<>();
    if (!options.isEmpty()) {
      out.println("Options:");
      for (int i = 0; i < options.size(); i++) {
        out.println("  " + (i + 1) + ") " + Text.terminal(options.get(i).text()));
      }
      List<Integer> chosen = choose(options.size());
      if (chosen == null) {
        return null;
      }
      for (int n : chosen) {
        Option o = options.get(n - 1);
        Instant at = clock.instant();
        String owner = role("owner of '" + Text.terminal(o.text()) + "' (role, empty if none)> ");
        actions.add(new Answers.Action(o.id(), owner, at));
        if (owner != null) {
          owners.add(owner);
        }
      }
    }
    out.println("Anything else? One action per line in your own words, empty line when done.");
    while (!ended) {
      String line = ask("action> ");
      if (line == null || line.isBlank()) {
        break;
      }
      Instant at = clock.instant();
      String owner = role("owner (role, empty if none)> ");
      actions.add(new Answers.Action(line.strip(), owner, at));
      if (owner != null) {
        owners.add(owner);
      }
    }
    if (!ended) {
      owners.addAll(roles("roles present for this inject (comma-separated, empty for none)> "));
    }
    return new Answers.Response(shown, List.copyOf(owners), actions);
  }

  private @Nullable List<Integer> choose(int size) {
    while (true) {
      String line = ask("choose (numbers like 1,3; empty for none)> ");
      if (line == null) {
        return null;
      }
      List<Integer> chosen = new ArrayList<>();
      boolean ok = true;
      for (String part : line.split("[,\\s]+")) {
        if (part.isEmpty()) {
          continue;
        }
        try {
          int n = Integer.parseInt(part);
          if (n < 1 || n > size) {
            ok = false;
          } else if (!chosen.contains(n)) {
            chosen.add(n);
          }
        } catch (NumberFormatException e) {
          ok = false;
        }
      }
      if (ok) {
        return chosen;
      }
      out.println("  not understood: enter numbers between 1 and " + size + " separated by commas");
    }
  }

  private @Nullable String role(String prompt) {
    while (true) {
      String line = ask(prompt);
      if (line == null || line.isBlank()) {
        return null;
      }
      if (tabletop.hasRole(line.strip())) {
        return line.strip();
      }
      out.println("  unknown role; roles: " + String.join(", ", tabletop.roles().stream().map(Role::name).toList()));
    }
  }

  private List<String> roles(String prompt) {
    while (true) {
      String line = ask(prompt);
      if (line == null || line.isBlank()) {
        return List.of();
      }
      List<String> roles = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      for (String part : line.split("[,\\s]+")) {
        if (!part.isEmpty()) {
          (tabletop.hasRole(part) ? roles : unknown).add(part);
        }
      }
      if (unknown.isEmpty()) {
        return roles;
      }
      out.println("  unknown role(s) " + Text.terminal(String.join(", ", unknown)) + "; roles: "
          + String.join(", ", tabletop.roles().stream().map(Role::name).toList()));
    }
  }

  private @Nullable String ask(String prompt) {
    if (ended) {
      return null;
    }
    out.print(prompt);
    out.flush();
    try {
      String line = in.readLine();
      if (line == null) {
        ended = true;
        out.println();
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
