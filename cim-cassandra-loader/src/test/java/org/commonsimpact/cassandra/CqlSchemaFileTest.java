package org.commonsimpact.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.commonsimpact.tables.ServingTable;
import org.junit.jupiter.api.Test;

/**
 * The repository's schema file {@code src/main/resources/cql/serving-schema.cql} is what {@link
 * ServingTable} generates (keyspace {@code commons}, default replication). Run with {@code
 * -Dcim.cql.regenerate=true} to rewrite it after changing a table's declaration.
 */
class CqlSchemaFileTest {
  private static final Path FILE = Path.of("src/main/resources/cql/serving-schema.cql");

  @Test
  void schemaFileIsGeneratedFromTheDeclaration() throws IOException {
    String generated = ServingTable.cqlScript(CassandraLoadOptions.DEFAULT_KEYSPACE,
        CassandraLoadOptions.DEFAULT_REPLICATION);
    if (Boolean.getBoolean("cim.cql.regenerate")) {
      Files.writeString(FILE, generated, StandardCharsets.UTF_8);
    }
    assertEquals(generated, Files.readString(FILE, StandardCharsets.UTF_8),
        FILE + " differs from ServingTable; regenerate it with -Dcim.cql.regenerate=true");
  }
}
