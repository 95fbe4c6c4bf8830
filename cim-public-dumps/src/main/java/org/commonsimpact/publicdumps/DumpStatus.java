package org.commonsimpact.publicdumps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonsimpact.common.InvalidInputException;

/**
 * A wiki's {@code dumpstatus.json} of one dumps run: per job its status and files (size, url,
 * sha1). Only files of jobs whose status is {@code done} are handed out.
 */
final class DumpStatus {
  /** One file a job produced. */
  static final class DumpFile {
    final String name;
    final String relativeUrl;
    final long size;
    final String sha1;

    DumpFile(String name, String relativeUrl, long size, String sha1) {
      this.name = name;
      this.relativeUrl = relativeUrl;
      this.size = size;
      this.sha1 = sha1;
    }
  }

  private final String source;
  private final JsonNode jobs;

  private DumpStatus(String source, JsonNode jobs) {
    this.source = source;
    this.jobs = jobs;
  }

  static DumpStatus parse(String source, byte[] json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new InvalidInputException(source + ": not a dumpstatus.json file: "
          + String.valueOf(e.getMessage()).split("\n")[0]);
    }
    JsonNode jobs = root == null ? null : root.get("jobs");
    if (jobs == null || !jobs.isObject()) {
      throw new InvalidInputException(source + ": no \"jobs\" object");
    }
    return new DumpStatus(source, jobs);
  }

  boolean hasJob(String job) {
    return jobs.has(job);
  }

  /**
   * The job's files whose names match {@code name}; the job must exist and be {@code done}, and
   * at least one file must match.
   */
  List<DumpFile> files(String job, Pattern name) {
    JsonNode node = jobs.get(job);
    if (node == null) {
      throw new InvalidInputException(source + ": no job " + job);
    }
    String status = node.path("status").asText("");
    if (!status.equals("done")) {
      throw new InvalidInputException(source + ": job " + job + " is '" + status
          + "', not 'done'; choose an earlier --dump-date or wait for the run to finish");
    }
    List<DumpFile> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("files").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> file = it.next();
      if (!name.matcher(file.getKey()).matches()) {
        continue;
      }
      JsonNode info = file.getValue();
      String url = info.path("url").asText(null);
      String sha1 = info.path("sha1").asText(null);
      if (url == null || sha1 == null || !info.has("size")) {
        throw new InvalidInputException(source + ": job " + job + " file " + file.getKey()
            + " lacks url, size or sha1");
      }
      out.add(new DumpFile(file.getKey(), url, info.path("size").asLong(), sha1));
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(source + ": job " + job + " lists no file matching "
          + name.pattern());
    }
    out.sort((a, b) -> a.name.compareTo(b.name));
    return out;
  }
}
