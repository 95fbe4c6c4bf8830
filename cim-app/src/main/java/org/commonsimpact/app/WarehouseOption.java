package org.commonsimpact.app;

import picocli.CommandLine.Option;

/** The {@code --warehouse} option shared by every command that opens the catalog. */
final class WarehouseOption {
  @Option(
      names = "--warehouse",
      required = true,
      paramLabel = "DIR",
      description = "Root of the Iceberg warehouse (catalog `cim`): a local folder, or an hdfs:// "
          + "or object-store URI.")
  String warehouse;
}
