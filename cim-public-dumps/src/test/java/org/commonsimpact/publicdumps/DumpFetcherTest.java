package org.commonsimpact.publicdumps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.publicdumps.PublicDumpsImporter.Pageviews;
import org.commonsimpact.publicdumps.PublicDumpsImporter.Usage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** fetch-dumps against a local HTTP server on 127.0.0.1 serving a folder laid out like the site. */
class DumpFetcherTest {
  private static final String DATE = "20240301";
  private static final Month MONTH = Month.parse("2024-02");
  private static final String[] TABLES = {"page", "linktarget", "categorylinks", "image",
      "globalimagelinks", "imagelinks"};

  @TempDir Path temp;
  private Path site;
  private HttpServer server;
  private String base;
  private final Map<String, Integer> requests = new ConcurrentHashMap<>();
  private final List<String> ranges = new ArrayList<>();
  private final Set<String> cutOnce = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void serve() throws IOException {
    site = temp.resolve("site");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring(1);
    requests.merge(path, 1, Integer::sum);
    Path file = path.equals("w/api.php") ? site.resolve("sitematrix-answer.json")
        : site.resolve(path);
    if (!Files.isRegularFile(file)) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] all = Files.readAllBytes(file);
    String range = exchange.getRequestHeaders().getFirst("Range");
    int from = 0;
    if (range != null) {
      synchronized (ranges) {
        ranges.add(path + " " + range);
      }
      from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
      exchange.getResponseHeaders().add("Content-Range",
          "bytes " + from + "-" + (all.length - 1) + "/" + all.length);
    }
    int length = all.length - from;
    exchange.sendResponseHeaders(range != null ? 206 : 200, length);
    OutputStream out = exchange.getResponseBody();
    if (cutOnce.remove(path)) {
      out.write(all, from, length / 2); // the connection drops half way
      out.flush();
      exchange.getHttpContext().getServer();
      exchange.close();
      return;
    }
    out.write(all, from, length);
    out.close();
  }

  /** The site: commonswiki's dumps of DATE with their dumpstatus.json, pageviews, SiteMatrix. */
  private void writeSite(String notDoneJob, String wrongSha1Table) throws IOException {
    StringBuilder jobs = new StringBuilder();
    for (String table : TABLES) {
      String name = "commonswiki-" + DATE + "-" + table + ".sql.gz";
      String[] tuples = new String[3000];
      for (int i = 0; i < tuples.length; i++) {
        tuples[i] = "(" + i + ",'" + table + " row " + (i * 7919 % 10007) + "')";
      }
      Path file = DumpFiles.write(site.resolve("commonswiki/" + DATE + "/" + name),
          DumpFiles.sqlDump(table, new String[] {"id", "v"}, 50, tuples));
      String sha1 = table.equals(wrongSha1Table) ? "0000000000000000000000000000000000000000"
          : Downloader.sha1(file);
      String job = table + "table";
      jobs.append(jobs.length() > 0 ? "," : "").append(job(job, job.equals(notDoneJob)
          ? "in-progress" : "done", name, Files.size(file), sha1));
    }
    String stub = "commonswiki-" + DATE + "-stub-meta-history1.xml.gz";
    Path stubFile = DumpFiles.write(site.resolve("commonswiki/" + DATE + "/" + stub),
        StubHistoryReaderTest.HEAD + "</mediawiki>\n");
    jobs.append(",").append(job("xmlstubsdump", "done", stub, Files.size(stubFile),
        Downloader.sha1(stubFile)));
    Files.writeString(site.resolve("commonswiki/" + DATE + "/dumpstatus.json"),
        "{\"jobs\": {" + jobs + "}, \"version\": \"0.8\"}");
    DumpFiles.write(site.resolve(DumpLayout.monthlyPageviews(MONTH)),
        "en.wikipedia Art 1 desktop 3 A3\n");
    Files.writeString(site.resolve("sitematrix-answer.json"), WikiListTest.SITEMATRIX);
  }

  private static String job(String job, String status, String name, long size, String sha1) {
    return "\"" + job + "\": {\"status\": \"" + status + "\", \"updated\": \"2024-03-02 10:00:00\","
        + " \"files\": {\"" + name + "\": {\"size\": " + size + ", \"url\": \"/commonswiki/" + DATE
        + "/" + name + "\", \"md5\": \"x\", \"sha1\": \"" + sha1 + "\"}, "
        + "\"commonswiki-" + DATE + "-other.sql.gz\": {\"size\": 1, \"url\": \"/x\", "
        + "\"sha1\": \"y\"}}}";
  }

  private DumpFetcher fetcher(ByteArrayOutputStream progress) {
    return new DumpFetcher(base, base + "w/api.php?action=sitematrix&format=json&smlimit=max",
        new PrintStream(progress, true, StandardCharsets.UTF_8));
  }

  private int fetchAll(Path to, ByteArrayOutputStream progress) throws IOException {
    DumpFetcher fetcher = fetcher(progress);
    List<DumpFetcher.Item> items = fetcher.plan(MONTH, DATE, Usage.GLOBALIMAGELINKS,
        Pageviews.COMPLETE, List.of(), to);
    fetcher.fetchSiteMatrix(to);
    return fetcher.fetch(items, to);
  }

  @Test
  void fetchesEveryFileOnceIntoTheSiteLayout() throws IOException {
    writeSite(null, null);
    Path to = temp.resolve("dumps");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    assertEquals(7, fetchAll(to, progress));
    for (String table : new String[] {"page", "linktarget", "categorylinks", "image",
        "globalimagelinks"}) {
      String relative = "commonswiki/" + DATE + "/commonswiki-" + DATE + "-" + table + ".sql.gz";
      assertArrayEquals(Files.readAllBytes(site.resolve(relative)),
          Files.readAllBytes(to.resolve(relative)), relative);
    }
    assertFalse(Files.exists(to.resolve("commonswiki/" + DATE + "/commonswiki-" + DATE
        + "-imagelinks.sql.gz")));
    assertTrue(Files.isRegularFile(to.resolve("commonswiki/" + DATE + "/dumpstatus.json")));
    assertTrue(Files.isRegularFile(to.resolve("sitematrix.json")));
    assertTrue(Files.isRegularFile(to.resolve(DumpLayout.monthlyPageviews(MONTH))));
    assertTrue(progress.toString(StandardCharsets.UTF_8).contains("MB/s, done"),
        progress.toString(StandardCharsets.UTF_8));

    int pageRequests = requests.get("commonswiki/" + DATE + "/commonswiki-" + DATE
        + "-page.sql.gz");
    assertEquals(0, fetchAll(to, new ByteArrayOutputStream()));
    assertEquals(pageRequests, requests.get("commonswiki/" + DATE + "/commonswiki-" + DATE
        + "-page.sql.gz"));
  }

  @Test
  void aDownloadCutOffHalfWayContinuesOnTheNextRun() throws IOException {
    writeSite(null, null);
    String relative = "commonswiki/" + DATE + "/commonswiki-" + DATE + "-categorylinks.sql.gz";
    cutOnce.add(relative);
    Path to = temp.resolve("dumps");
    IOException cut = assertThrows(IOException.class,
        () -> fetchAll(to, new ByteArrayOutputStream()));
    assertTrue(cut.getMessage().contains("commonswiki-" + DATE + "-categorylinks.sql.gz"),
        cut.getMessage());
    Path part = to.resolve(relative + ".part");
    long partial = Files.size(part);
    assertTrue(partial > 0 && partial < Files.size(site.resolve(relative)), "" + partial);
    assertFalse(Files.exists(to.resolve(relative)));

    fetchAll(to, new ByteArrayOutputStream());
    assertEquals(List.of(relative + " bytes=" + partial + "-"), ranges);
    assertArrayEquals(Files.readAllBytes(site.resolve(relative)),
        Files.readAllBytes(to.resolve(relative)));
    assertFalse(Files.exists(part));
  }

  @Test
  void aWrongChecksumFailsAndDeletesThePartialFile() throws IOException {
    writeSite(null, "image");
    Path to = temp.resolve("dumps");
    IOException e = assertThrows(IOException.class,
        () -> fetchAll(to, new ByteArrayOutputStream()));
    String relative = "commonswiki/" + DATE + "/commonswiki-" + DATE + "-image.sql.gz";
    assertTrue(e.getMessage().startsWith(to.resolve(relative) + ": sha1 "), e.getMessage());
    assertFalse(Files.exists(to.resolve(relative)));
    assertFalse(Files.exists(to.resolve(relative + ".part")));
  }

  @Test
  void aJobNotDoneIsRefusedBeforeAnyDownload() throws IOException {
    writeSite("categorylinkstable", null);
    Path to = temp.resolve("dumps");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> fetchAll(to, new ByteArrayOutputStream()));
    assertEquals(base + "commonswiki/" + DATE + "/dumpstatus.json: job categorylinkstable is "
        + "'in-progress', not 'done'; choose an earlier --dump-date or wait for the run to "
        + "finish", e.getMessage());
    assertFalse(Files.exists(to.resolve("commonswiki/" + DATE + "/commonswiki-" + DATE
        + "-page.sql.gz")));
  }

  @Test
  void dryRunPrintsTheUrlsAndDownloadsNothing() throws IOException {
    writeSite(null, null);
    Path to = temp.resolve("dumps");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int status;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      status = new CommandLine(new FetchDumpsCommand()).execute("--month", "2024-02",
          "--dump-date", DATE, "--to", to.toString(), "--base-url", base, "--sitematrix-url",
          base + "w/api.php", "--usage", "imagelinks", "--pageviews", "hourly", "--dry-run");
    } finally {
      System.setOut(saved);
    }
    assertEquals(0, status);
    List<String> urls = List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
    assertEquals(1 + 4 + 1 + 1 + 29 * 24, urls.size());
    assertEquals(base + "w/api.php", urls.get(0));
    assertTrue(urls.contains(base + "commonswiki/" + DATE + "/commonswiki-" + DATE
        + "-imagelinks.sql.gz"));
    assertTrue(urls.contains(base + "other/pageviews/2024/2024-02/pageviews-20240229-230000.gz"));
    assertTrue(urls.stream().allMatch(u -> u.startsWith("http://127.0.0.1:")));
    assertFalse(Files.exists(to));
  }
}
