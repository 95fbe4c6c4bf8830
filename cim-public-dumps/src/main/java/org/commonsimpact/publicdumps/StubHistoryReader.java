package org.commonsimpact.publicdumps;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.commonsimpact.common.InvalidInputException;

/**
 * Streaming reader of a {@code stub-meta-history} XML dump (export schema 0.10/0.11): one revision
 * at a time, of pages in namespace 6 (File) only, since the stages read no other revisions.
 *
 * <p>What a revision gives: {@code rev_deleted} from the {@code deleted="deleted"} markers (text 1,
 * comment 2, contributor 4; bit 8, "restricted", is never in public dumps), {@code rev_parent_id} 0
 * when {@code <parentid>} is absent (a first revision), the timestamp as {@code yyyyMMddHHmmss},
 * and the contributor's name (user name or IP; null when deleted) with the user id when &gt; 0.
 */
final class StubHistoryReader implements Closeable {
  private final InputStream in;
  private final String name;
  private final XMLStreamReader xml;

  private long pageId;
  private int namespace;

  // The current revision.
  long revId;
  long revPage;
  String timestamp;
  long parentId;
  int deleted;
  String actorName;
  Long actorUser;

  StubHistoryReader(InputStream in, String name) {
    this.in = in;
    this.name = name;
    try {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      factory.setProperty(XMLInputFactory.IS_COALESCING, true);
      this.xml = factory.createXMLStreamReader(in, "UTF-8");
    } catch (XMLStreamException e) {
      throw error(e);
    }
  }

  /** Moves to the next revision of a namespace-6 page; false at the end of the file. */
  boolean next() {
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (xml.getLocalName()) {
          case "page":
            pageId = -1;
            namespace = Integer.MIN_VALUE;
            break;
          case "ns":
            namespace = Integer.parseInt(text());
            break;
          case "id":
            // A page's own <id> (revision and contributor ids are read inside revision()).
            pageId = Long.parseLong(text());
            break;
          case "revision":
            if (namespace == Integer.MIN_VALUE || pageId < 0) {
              throw new InvalidInputException(where() + "<revision> before its page's <ns> and <id>");
            }
            revision();
            if (namespace == 6) {
              return true;
            }
            break;
          default:
            break;
        }
      }
      return false;
    } catch (XMLStreamException e) {
      throw error(e);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(where() + "not a number: " + e.getMessage());
    }
  }

  private void revision() throws XMLStreamException {
    revId = -1;
    revPage = pageId;
    timestamp = null;
    parentId = 0;
    deleted = 0;
    actorName = null;
    actorUser = null;
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String element = xml.getLocalName();
      boolean isDeleted = "deleted".equals(xml.getAttributeValue(null, "deleted"));
      switch (element) {
        case "id":
          revId = Long.parseLong(text());
          break;
        case "parentid":
          parentId = Long.parseLong(text());
          break;
        case "timestamp":
          timestamp = compact(text());
          break;
        case "contributor":
          if (isDeleted) {
            deleted |= 4;
          }
          contributor();
          break;
        case "comment":
          if (isDeleted) {
            deleted |= 2;
          }
          skip();
          break;
        case "text":
          if (isDeleted) {
            deleted |= 1;
          }
          skip();
          break;
        default:
          skip();
          break;
      }
    }
    if (revId < 0 || timestamp == null) {
      throw new InvalidInputException(where() + "a revision without <id> or <timestamp>");
    }
  }

  private void contributor() throws XMLStreamException {
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (xml.getLocalName()) {
        case "username":
        case "ip":
          actorName = text();
          break;
        case "id":
          long user = Long.parseLong(text());
          actorUser = user > 0 ? user : null;
          break;
        default:
          skip();
      }
    }
  }

  /** The element's text; leaves the reader on its end tag. */
  private String text() throws XMLStreamException {
    return xml.getElementText().trim();
  }

  private void skip() throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** {@code 2024-01-03T09:15:40Z} as {@code 20240103091540}. */
  private String compact(String iso) {
    if (iso.length() != 20 || iso.charAt(4) != '-' || iso.charAt(10) != 'T'
        || iso.charAt(19) != 'Z') {
      throw new InvalidInputException(where() + "timestamp not in yyyy-MM-ddTHH:mm:ssZ form: '"
          + iso + "'");
    }
    return iso.substring(0, 4) + iso.substring(5, 7) + iso.substring(8, 10)
        + iso.substring(11, 13) + iso.substring(14, 16) + iso.substring(17, 19);
  }

  private String where() {
    return name + ": line " + xml.getLocation().getLineNumber() + ": ";
  }

  private InvalidInputException error(XMLStreamException e) {
    int line = e.getLocation() != null ? e.getLocation().getLineNumber() : -1;
    Throwable cause = e.getNestedException() != null ? e.getNestedException() : e;
    String message = cause instanceof IOException
        ? "truncated or corrupt compressed data (" + cause.getMessage() + ")"
        : "malformed XML: " + String.valueOf(e.getMessage()).split("\n")[0].trim();
    return new InvalidInputException(name + ": line " + line + ": " + message, e);
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // closing only
    }
    in.close();
  }
}
