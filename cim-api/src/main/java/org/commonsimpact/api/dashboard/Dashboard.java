package org.commonsimpact.api.dashboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's routes on the API's server: the page ({@code /}, {@code /category/<title>},
 * {@code /file/<name>}: one HTML page whose script reads the path and the query string), its
 * script, style sheet and Chart.js under {@code /ui/assets/}, and two JSON endpoints outside the
 * API's paths:
 *
 * <ul>
 *   <li>{@code GET /ui/months}: {@code {"items":[{"month":"2024-02","categories":12},...]}},
 *       newest first;
 *   <li>{@code GET /ui/categories?prefix=Mus&month=2024-02[&limit=10]}: {@code
 *       {"month":"2024-02","items":["Museum_A",...]}} (month: the newest loaded when absent;
 *       spaces in the prefix are read as underscores).
 * </ul>
 *
 * Everything else the page shows comes from the API itself, requested by the browser.
 */
public final class Dashboard {
  static final String ASSETS = "/ui/assets/";
  static final String MONTHS_PATH = "/ui/months";
  static final String CATEGORIES_PATH = "/ui/categories";
  private static final int MAX_LIMIT = 50;
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final JsonFactory JSON = new JsonFactory();

  private final CategoryDirectory directory;
  private final StaticAsset page;
  private final Map<String, StaticAsset> assets = new LinkedHashMap<>();

  public Dashboard(CategoryDirectory directory) {
    this.directory = directory;
    this.page = StaticAsset.load("dashboard/index.html", "text/html; charset=utf-8");
    assets.put("app.js", StaticAsset.load("dashboard/app.js", "text/javascript; charset=utf-8"));
    assets.put("app.css", StaticAsset.load("dashboard/app.css", "text/css; charset=utf-8"));
    assets.put("chart.umd.js",
        StaticAsset.load(StaticAsset.CHART_JS, "text/javascript; charset=utf-8"));
  }

  /** Registers the routes on {@code app}. */
  public void mount(Javalin app) {
    for (String path : List.of("/", "/category/<title>", "/file/<name>")) {
      app.get(path, ctx -> send(ctx, page, "no-cache"));
    }
    app.get(ASSETS + "{name}", this::asset);
    app.get(MONTHS_PATH, this::months);
    app.get(CATEGORIES_PATH, this::categories);
  }

  private void asset(Context ctx) {
    StaticAsset asset = assets.get(ctx.pathParam("name"));
    if (asset == null) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("no such file\n");
      return;
    }
    send(ctx, asset, "public, max-age=3600");
  }

  private void months(Context ctx) {
    byte[] body = json(json -> {
      json.writeArrayFieldStart("items");
      for (CategoryDirectory.LoadedMonth month : directory.months()) {
        json.writeStartObject();
        json.writeStringField("month", String.format("%04d-%02d", month.year(), month.month()));
        json.writeNumberField("categories", month.categories());
        json.writeEndObject();
      }
      json.writeEndArray();
    });
    sendJson(ctx, 200, body);
  }

  private void categories(Context ctx) {
    String prefix = ctx.queryParamAsClass("prefix", String.class).getOrDefault("").trim()
        .replace(' ', '_');
    String monthText = ctx.queryParam("month");
    int limit;
    try {
      limit = Integer.parseInt(ctx.queryParamAsClass("limit", String.class).getOrDefault("10"));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      sendJson(ctx, 400, error("limit", "limit must be a number from 1 to " + MAX_LIMIT));
      return;
    }
    String month;
    if (monthText == null || monthText.isEmpty()) {
      List<CategoryDirectory.LoadedMonth> months = directory.months();
      if (months.isEmpty()) {
        sendJson(ctx, 200, json(json -> {
          json.writeNullField("month");
          json.writeArrayFieldStart("items");
          json.writeEndArray();
        }));
        return;
      }
      month = String.format("%04d-%02d", months.get(0).year(), months.get(0).month());
    } else {
      month = monthText;
    }
    Matcher m = MONTH.matcher(month);
    int number = m.matches() ? Integer.parseInt(m.group(2)) : 0;
    if (number < 1 || number > 12) {
      sendJson(ctx, 400, error("month", "month must look like 2024-02"));
      return;
    }
    List<String> titles = prefix.isEmpty() ? List.of()
        : directory.titles(Integer.parseInt(m.group(1)), number, prefix, limit);
    sendJson(ctx, 200, json(json -> {
      json.writeStringField("month", month);
      json.writeArrayFieldStart("items");
      for (String title : titles) {
        json.writeString(title);
      }
      json.writeEndArray();
    }));
  }

  private static byte[] error(String parameter, String detail) {
    return json(json -> {
      json.writeStringField("parameter", parameter);
      json.writeStringField("detail", detail);
    });
  }

  private static void sendJson(Context ctx, int status, byte[] body) {
    ctx.header("Cache-Control", "no-cache");
    ctx.status(status).contentType("application/json").result(body);
  }

  private static void send(Context ctx, StaticAsset asset, String cacheControl) {
    ctx.header("Cache-Control", cacheControl);
    ctx.header("ETag", asset.etag());
    if (asset.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.status(200).contentType(asset.contentType()).result(asset.body());
  }

  private interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private static byte[] json(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      body.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
