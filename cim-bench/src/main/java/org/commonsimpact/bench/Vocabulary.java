package org.commonsimpact.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fixed vocabulary of generated worlds: words that titles are built from (many of them
 * non-ASCII, one outside the Basic Multilingual Plane) and the wikis that use Commons files.
 *
 * <p>Every word is a valid MediaWiki title fragment: no {@code # < > [ ] | { } %}, no spaces, no
 * leading, trailing or doubled underscores. Words that can start a title start with an upper-case
 * or caseless letter, so generated titles are already in MediaWiki's normal form.
 */
final class Vocabulary {
  private Vocabulary() {}

  /** Subjects; each can start a category title. */
  static final List<String> SUBJECTS =
      List.of("Paintings", "Photographs", "Maps", "Manuscripts", "Sculptures", "Posters", "Coins",
          "Letters", "Portraits", "Drawings", "Postcards", "Herbarium_specimens", "Négatifs",
          "Gemälde", "Fotografías", "Картины", "Έργα_τέχνης", "絵画", "Mapas", "Arts_&_Crafts",
          "Ceramics", "Textiles", "Insects", "Birds", "Ships", "Buildings", "Bridges", "Churches",
          "Ölgemälde", "Żaglowce", "Ηλιοβασιλέματα", "Фотографии", "写真", "Édifices",
          "Œuvres", "Çini", "Łodzie", "Ångbåtar");

  /** Joining words. */
  static final List<String> CONNECTORS =
      List.of("of", "in", "from", "by", "du", "der", "de", "из", "στο", "und", "i");

  /** Places and institutions; can appear anywhere after the first word. */
  static final List<String> PLACES =
      List.of("Köln", "Zürich", "São_Paulo", "Łódź", "Ærø", "Москва", "Αθήνα", "東京",
          "القاهرة", "Đà_Nẵng", "İstanbul", "Reykjavík", "Paris", "Amsterdam", "the_Rijksmuseum",
          "the_British_Library", "Nationaal_Archief", "Musée_d'Orsay", "Kraków", "Malmö",
          "Québec", "Ålesund", "Mumbai", "New_York", "Lagos", "Lima", "Ushuaia", "𠮷野家",
          "Tromsø", "Škofja_Loka", "Ñuñoa", "Chișinău", "Hà_Nội", "München", "Bergen");

  /** Words that start a file title. */
  static final List<String> FILE_WORDS =
      List.of("Photograph", "Portrait", "Map", "Scan", "Négatif", "Plakat", "Фотография",
          "Φωτογραφία", "写真", "Herbarium_sheet", "Letter", "Gemälde", "Ansichtkaart", "Øresund",
          "Ex_libris", "Stereograph");

  /** Words that start an article title. */
  static final List<String> ARTICLE_WORDS =
      List.of("History", "Geography", "Culture", "Architecture", "List_of_works", "Économie",
          "Geschichte", "История", "Ιστορία", "歴史", "Historia", "Kultur", "Музеи",
          "Transport", "Religion", "Flora");

  /** Given names of registered users (actor names use spaces, as MediaWiki stores them). */
  static final List<String> USER_NAMES =
      List.of("Alice", "Bob", "Jürgen", "Мария", "李雷", "Zoë", "Ævar Arnfjörð", "Søren",
          "Ιωάννης", "Fatma", "Nguyễn", "GLAM bot", "Upload bot", "Łukasz", "María José");

  /** A wiki: MediaWiki database code and domain. */
  record Wiki(String db, String domain) {
    /** The wiki name used in pageviews and outputs: the domain without {@code .org}. */
    String project() {
      return domain.endsWith(".org") ? domain.substring(0, domain.length() - 4) : domain;
    }
  }

  private static final List<String> LANGUAGES =
      List.of("en", "de", "fr", "ja", "es", "ru", "it", "zh", "pt", "pl", "ar", "nl", "fa", "uk",
          "he", "id", "tr", "cs", "sv", "ko", "vi", "fi", "hu", "ca", "no", "ro", "sr", "el", "th",
          "da", "bg", "hi", "ms", "et", "sk", "lt", "sl", "eu", "hr", "gl", "hy", "az", "ka", "uz",
          "ur", "bn", "ta", "ml", "te", "kk", "be", "la", "eo", "af", "sq", "mk", "lv", "cy", "is",
          "ga", "sw", "simple", "zh-min-nan", "be-tarask", "nds");

  private static final List<String> SISTER_PROJECTS =
      List.of("wiktionary", "wikisource", "wikivoyage", "wikiquote", "wikibooks");

  /** Commons itself: its usage never counts (SPEC §4.1). */
  static final Wiki COMMONS = new Wiki("commonswiki", "commons.wikimedia.org");
  /** Wikidata: its usage never counts (SPEC §4.1). */
  static final Wiki WIKIDATA = new Wiki("wikidatawiki", "www.wikidata.org");
  /** A closed wiki that has pages and usage but no row in {@code wikis}: its usage is dropped. */
  static final Wiki UNLISTED = new Wiki("tlhwiki", "tlh.wikipedia.org");

  /**
   * Wikis that host pages, most active first: page counts, usage and pageviews are drawn from this
   * list by Zipf rank. Commons, Wikidata and the unlisted wiki sit at ranks 6, 3 and 30.
   */
  static final List<Wiki> HOSTS = hosts();

  /** {@link #HOSTS} whose usage counts: without Commons, Wikidata and the unlisted wiki. */
  static final List<Wiki> COUNTED_HOSTS = counted();

  /** Rows of the {@code wikis} table: every host but the unlisted one, plus a few without pages. */
  static final List<Wiki> WIKIS_TABLE = wikisTable();

  private static List<Wiki> hosts() {
    List<Wiki> wikipedias = new ArrayList<>();
    for (String lang : LANGUAGES) {
      wikipedias.add(new Wiki(dbCode(lang, "wiki"), lang + ".wikipedia.org"));
    }
    List<Wiki> sisters = new ArrayList<>();
    for (String lang : LANGUAGES.subList(0, 40)) {
      for (String project : SISTER_PROJECTS) {
        sisters.add(new Wiki(dbCode(lang, project), lang + "." + project + ".org"));
      }
    }
    List<Wiki> hosts = new ArrayList<>();
    // Big Wikipedias first, then the rest interleaved with the sister projects.
    hosts.addAll(wikipedias.subList(0, 12));
    int w = 12;
    int s = 0;
    while (w < wikipedias.size() || s < sisters.size()) {
      if (w < wikipedias.size()) {
        hosts.add(wikipedias.get(w++));
      }
      for (int i = 0; i < 4 && s < sisters.size(); i++) {
        hosts.add(sisters.get(s++));
      }
    }
    hosts.add(3, WIKIDATA);
    hosts.add(6, COMMONS);
    hosts.add(20, new Wiki("specieswiki", "species.wikimedia.org"));
    hosts.add(30, UNLISTED);
    hosts.add(60, new Wiki("mediawikiwiki", "www.mediawiki.org"));
    return Collections.unmodifiableList(hosts);
  }

  private static List<Wiki> counted() {
    List<Wiki> counted = new ArrayList<>(HOSTS);
    counted.remove(COMMONS);
    counted.remove(WIKIDATA);
    counted.remove(UNLISTED);
    return Collections.unmodifiableList(counted);
  }

  private static List<Wiki> wikisTable() {
    List<Wiki> rows = new ArrayList<>(HOSTS);
    rows.remove(UNLISTED);
    rows.add(new Wiki("metawiki", "meta.wikimedia.org"));
    rows.add(new Wiki("testwiki", "test.wikipedia.org"));
    return Collections.unmodifiableList(rows);
  }

  /** MediaWiki database codes: hyphens become underscores; be-tarask keeps its historic code. */
  private static String dbCode(String lang, String suffix) {
    if (lang.equals("be-tarask") && suffix.equals("wiki")) {
      return "be_x_oldwiki";
    }
    return lang.replace('-', '_') + suffix;
  }

  static int indexOf(List<Wiki> wikis, Wiki wiki) {
    return wikis.indexOf(wiki);
  }

  static List<String> dbs(List<Wiki> wikis) {
    return wikis.stream().map(Wiki::db).toList();
  }

  static List<String> projects(List<Wiki> wikis) {
    return wikis.stream().map(Wiki::project).toList();
  }
}
