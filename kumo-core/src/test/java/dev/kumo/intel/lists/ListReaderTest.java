package dev.kumo.intel.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.IntelLoad;
import dev.kumo.intel.IntelProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ListReaderTest {
  private static IntelLoad read(String text, String file, @Nullable IndicatorType type) throws IOException {
    return ListReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file, type);
  }

  @Test
  void read_plainList_detectsEachLineAndSkipsCommentsAndBlanks() throws IOException {
    IntelLoad load = read("""
        # bad things
        
        203.0.113.7
        10.0.0.0/8
        Evil.Example.COM
        https://Evil.Example/payload.sh
        d41d8cd98f00b204e9800998ecf8427e
        """, "bad.txt", null);
    assertThat(load.indicators()).extracting(Indicator::type, Indicator::value).containsExactly(
        tuple(IndicatorType.IP, "203.0.113.7"), tuple(IndicatorType.IP, "10.0.0.0/8"),
        tuple(IndicatorType.DOMAIN, "evil.example.com"), tuple(IndicatorType.URL, "https://evil.example/payload.sh"),
        tuple(IndicatorType.FILE_HASH, "d41d8cd98f00b204e9800998ecf8427e"));
    assertThat(load.problems()).isEmpty();
    assertThat(load.indicators().get(0).feed()).isEqualTo("bad");
    assertThat(load.indicators().get(0).context()).containsExactly("list: bad");
  }

  @Test
  void read_gzippedList_isRecognisedByMagicBytes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("# x\npool.example.net\n".getBytes(StandardCharsets.UTF_8));
    }
    IntelLoad load = ListReader.read(new ByteArrayInputStream(bytes.toByteArray()), "dir/elf_gafgyt.txt.gz", null);
    assertThat(load.indicators()).extracting(Indicator::value, Indicator::feed)
        .containsExactly(tuple("pool.example.net", "elf_gafgyt"));
  }

  @Test
  void read_maltrailIpPort_keepsThePortInContextAndReferencesAsDescription() throws IOException {
    IntelLoad load = read("""
        # Copyright (c) Maltrail developers
        
        # Reference: https://example.org/a
        # Reference: https://example.org/b
        
        107.191.47.239:3333
        pool.example.com:4444
        minpop.example/sk12pack/idents.php
        
        # Reference: https://example.org/c
        
        xmr.example.org
        /bonn.sh
        /kw.sh
        """, "crypto_mining.txt", null);
    assertThat(load.indicators()).extracting(Indicator::type, Indicator::value, Indicator::context).containsExactly(
        tuple(IndicatorType.IP, "107.191.47.239", java.util.List.of("list: crypto_mining", "port: 3333")),
        tuple(IndicatorType.DOMAIN, "pool.example.com", java.util.List.of("list: crypto_mining", "port: 4444")),
        tuple(IndicatorType.URL, "http://minpop.example/sk12pack/idents.php", java.util.List.of("list: crypto_mining")),
        tuple(IndicatorType.DOMAIN, "xmr.example.org", java.util.List.of("list: crypto_mining")));
    assertThat(load.indicators().get(0).description()).isEqualTo("Reference: https://example.org/a https://example.org/b");
    assertThat(load.indicators().get(3).description()).isEqualTo("Reference: https://example.org/c");
    assertThat(load.problems()).singleElement().satisfies(p -> {
      assertThat(p.where()).isEqualTo("line 13");
      assertThat(p.reason()).isEqualTo("2 URL-path entries such as '/bonn.sh' (lines 13, 14) not used: "
          + "Kumo has no URL-path indicator type");
    });
  }

  @Test
  void read_typedListWithAWrongLine_reportsTheLine() throws IOException {
    IntelLoad load = read("# ips\n198.51.100.1\nevil.example.com\n2001:db8::1\n", "ips.txt", IndicatorType.IP);
    assertThat(load.indicators()).extracting(Indicator::value).containsExactly("198.51.100.1",
        dev.kumo.intel.Indicators.canonical(IndicatorType.IP, "2001:db8::1"));
    assertThat(load.problems()).extracting(IntelProblem::file, IntelProblem::where)
        .containsExactly(tuple("ips.txt", "line 3"));
  }

  @Test
  void read_typedDomainListWithAnAddress_reportsTheMismatch() throws IOException {
    IntelLoad load = read("a.example\n192.0.2.1\n", "domains.txt", IndicatorType.DOMAIN);
    assertThat(load.problems()).singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("'192.0.2.1' is a ip, not a domain"));
  }

  @Test
  void read_undetectableLine_isAProblemWithLineNumber() throws IOException {
    IntelLoad load = read("a.example\nnot a value!\n", "x.txt", null);
    assertThat(load.problems()).extracting(IntelProblem::where, IntelProblem::reason)
        .containsExactly(tuple("line 2", "cannot tell the type of 'not a value!'"));
  }

  @Test
  void read_csvWithHeaderAndQuoting_readsColumnsPerRow() throws IOException {
    IntelLoad load = read("""
        # exported
        value,type,confidence,valid_until,description,tags,context
        203.0.113.5,ip,80,2030-01-01,"C2, seen twice","tlp:amber; malicious",threat-actor: TeamTNT
        "Mozilla/5.0 ""evil""\",user-agent,,,,,
        a.example,,,2030-01-01T12:00:00Z,"multi
        line",,
        """, "export.csv", null);
    assertThat(load.problems()).isEmpty();
    assertThat(load.indicators()).extracting(Indicator::type, Indicator::value).containsExactly(
        tuple(IndicatorType.IP, "203.0.113.5"), tuple(IndicatorType.USER_AGENT, "Mozilla/5.0 \"evil\""),
        tuple(IndicatorType.DOMAIN, "a.example"));
    Indicator first = load.indicators().get(0);
    assertThat(first.confidence()).isEqualTo(80);
    assertThat(first.validUntil()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(first.description()).isEqualTo("C2, seen twice");
    assertThat(first.labels()).containsExactly("tlp:amber", "malicious");
    assertThat(first.context()).containsExactly("list: export", "threat-actor: TeamTNT");
    assertThat(load.indicators().get(2).description()).isEqualTo("multi\nline");
  }

  @Test
  void read_csvBadRows_areProblemsWithLineNumbers() throws IOException {
    IntelLoad load = read("""
        indicator,type,confidence,colour
        203.0.113.5,ip,101,red
        a.example,planet,,red
        b.example,domain,,red,extra
        "unclosed,domain,,red
        """, "bad.csv", null);
    assertThat(load.indicators()).isEmpty();
    assertThat(load.problems()).extracting(IntelProblem::where, IntelProblem::reason).containsExactly(
        tuple("line 1", "columns not used: colour"),
        tuple("line 2", "confidence '101' is not a number from 0 to 100"),
        tuple("line 3", "unknown type 'planet'"),
        tuple("line 4", "expected 4 fields, found 5"),
        tuple("line 5", "a quoted field is never closed"));
  }

  @Test
  void stem_dropsDirectoriesGzAndExtension() {
    assertThat(ListReader.stem("/x/y/elf_mirai.txt.gz")).isEqualTo("elf_mirai");
    assertThat(ListReader.stem("crypto_mining.txt")).isEqualTo("crypto_mining");
  }
}
