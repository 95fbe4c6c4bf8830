package org.commonsimpact.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real headless Chromium (Debian's {@code chromium} package) driven over the Chrome DevTools
 * protocol on a WebSocket, with nothing but the JDK and Jackson: navigate, evaluate scripts, type,
 * take PNG screenshots, and record every request the page makes and every console error.
 *
 * <p>The browser resolves no host name but 127.0.0.1 ({@code --host-resolver-rules}), so a page
 * that tried to reach the internet would fail and show it in {@link #requests} and {@link
 * #consoleErrors}.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** URLs of the requests the page sent, in order. */
  final List<String> requests = new CopyOnWriteArrayList<>();
  /** Console errors, uncaught exceptions and failed loads, as one line each. */
  final List<String> consoleErrors = new CopyOnWriteArrayList<>();

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, String webSocketUrl) {
    this.process = process;
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(webSocketUrl), new Listener()).join();
  }

  /** The browser's executable: {@code CIM_CHROMIUM}, else chromium on the PATH. */
  static String executable() {
    String configured = System.getenv("CIM_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv("PATH").split(":")) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    throw new IllegalStateException("no chromium on the PATH: install Debian's chromium package "
        + "(.ci/run does) or set CIM_CHROMIUM");
  }

  static HeadlessChromium start(Path profile) {
    try {
      Files.createDirectories(profile);
      Path portFile = profile.resolve("DevToolsActivePort");
      Files.deleteIfExists(portFile);
      ProcessBuilder pb = new ProcessBuilder(executable(), "--headless=new", "--no-sandbox",
          "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
          "--no-default-browser-check", "--disable-extensions", "--disable-sync",
          "--disable-background-networking", "--disable-component-update",
          "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
          "--remote-debugging-port=0", "--remote-allow-origins=*",
          "--user-data-dir=" + profile, "--window-size=1280,1000", "about:blank");
      pb.redirectErrorStream(true);
      pb.redirectOutput(profile.resolve("chromium.log").toFile());
      Process process = pb.start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-chromium"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException("chromium did not open its DevTools port; its log: "
              + Files.readString(profile.resolve("chromium.log")));
        }
        Thread.sleep(50);
      }
      String port = Files.readAllLines(portFile).get(0).trim();
      HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString());
      for (JsonNode target : JSON.readTree(list.body())) {
        if (target.get("type").asText().equals("page")) {
          HeadlessChromium browser =
              new HeadlessChromium(process, target.get("webSocketDebuggerUrl").asText());
          for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
            browser.send(domain + ".enable", Map.of());
          }
          return browser;
        }
      }
      process.destroyForcibly();
      throw new IllegalStateException("chromium has no page target: " + list.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends one protocol command and waits for its result. */
  JsonNode send(String method, Map<String, ?> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", JSON.valueToTree(params));
    try {
      socket.sendText(JSON.writeValueAsString(message), true).join();
      JsonNode reply = answer.get(60, TimeUnit.SECONDS);
      if (reply.has("error")) {
        throw new IllegalStateException(method + " failed: " + reply.get("error"));
      }
      return reply.get("result");
    } catch (Exception e) {
      throw e instanceof IllegalStateException ? (IllegalStateException) e
          : new IllegalStateException(method + " failed", e);
    } finally {
      pending.remove(id);
    }
  }

  /** The value of a script expression (promises awaited), as JSON. */
  JsonNode evaluate(String expression) {
    JsonNode result = send("Runtime.evaluate", Map.of("expression", expression,
        "returnByValue", true, "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + expression + ": "
          + result.get("exceptionDetails"));
    }
    JsonNode value = result.get("result").get("value");
    return value == null ? JSON.nullNode() : value;
  }

  /**
   * Loads {@code url} (or runs {@code action}, a script that navigates) and waits until the page
   * says it is done ({@code document.body.dataset.state} is {@code ready} or {@code failed}).
   * Returns that state.
   */
  String open(String url) {
    return navigate(() -> send("Page.navigate", Map.of("url", url)));
  }

  String follow(String script) {
    return navigate(() -> evaluate(script));
  }

  private String navigate(Runnable action) {
    evaluate("document.body && (document.body.dataset.state = 'left')");
    action.run();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      JsonNode state = evaluate("document.body ? document.body.dataset.state : null");
      if (state.asText().equals("ready") || state.asText().equals("failed")) {
        return state.asText();
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("the page did not get ready: "
        + evaluate("document.documentElement.outerHTML").asText());
  }

  /** Waits until {@code condition} (a script) is true. */
  void waitFor(String condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!evaluate("!!(" + condition + ")").asBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + condition);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Types {@code text} into the element {@code selector} as a user would. */
  void type(String selector, String text) {
    evaluate("document.querySelector(" + quote(selector) + ").focus()");
    send("Input.insertText", Map.of("text", text));
  }

  /** A PNG of the whole page at 1280 px wide. */
  void screenshot(Path png) {
    int height = Math.min(6000, evaluate("document.documentElement.scrollHeight").asInt());
    send("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", height,
        "deviceScaleFactor", 1, "mobile", false));
    try {
      String data = send("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
      Files.createDirectories(png.getParent());
      Files.write(png, Base64.getDecoder().decode(data));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      send("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void event(JsonNode message) {
    String method = message.get("method").asText();
    JsonNode params = message.get("params");
    switch (method) {
      case "Network.requestWillBeSent":
        requests.add(params.get("request").get("url").asText());
        break;
      case "Runtime.exceptionThrown":
        consoleErrors.add("exception: " + params.get("exceptionDetails"));
        break;
      case "Runtime.consoleAPICalled":
        if (List.of("error", "assert").contains(params.get("type").asText())) {
          consoleErrors.add("console." + params.get("type").asText() + ": "
              + params.get("args"));
        }
        break;
      case "Log.entryAdded":
        JsonNode entry = params.get("entry");
        if (entry.get("level").asText().equals("error")) {
          consoleErrors.add("log " + entry.get("source").asText() + ": "
              + entry.get("text").asText() + " " + entry.path("url").asText());
        }
        break;
      default:
        break;
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(text.toString());
          if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
            if (answer != null) {
              answer.complete(message);
            }
          } else if (message.has("method")) {
            event(message);
          }
        } catch (IOException e) {
          consoleErrors.add("unreadable DevTools message: " + e.getMessage());
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser is stopped below anyway
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
