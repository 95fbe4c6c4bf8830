package org.commonsimpact.it.yarn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * An HDFS (one name node, one data node) and a YARN (one resource manager, one node manager)
 * cluster inside the test JVM, from Hadoop's {@code hadoop-client-minicluster}, sized for a 2-core
 * machine: one node offering 4 vcores and 6 GiB to containers, no memory checks on containers.
 *
 * <p>{@link #confDir()} holds the cluster's {@code core-site.xml} and {@code yarn-site.xml}, as
 * {@code HADOOP_CONF_DIR} would on a gateway host; a driver started with that folder on its class
 * path submits to this cluster.
 */
final class MiniHadoopCluster implements AutoCloseable {
  private final MiniDFSCluster hdfs;
  private final MiniYARNCluster yarn;
  private final Path confDir;

  private MiniHadoopCluster(MiniDFSCluster hdfs, MiniYARNCluster yarn, Path confDir) {
    this.hdfs = hdfs;
    this.yarn = yarn;
    this.confDir = confDir;
  }

  /** Starts both clusters with their data under {@code base} and writes the client configuration. */
  static MiniHadoopCluster start(Path base) throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("hdfs").toString());
    conf.setBoolean("dfs.permissions.enabled", false);
    MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).format(true).build();
    hdfs.waitActive();

    YarnConfiguration yarnConf = new YarnConfiguration(hdfs.getConfiguration(0));
    yarnConf.setInt(YarnConfiguration.NM_PMEM_MB, 6144);
    yarnConf.setInt(YarnConfiguration.NM_VCORES, 4);
    yarnConf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
    yarnConf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, 6144);
    yarnConf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    yarnConf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    yarnConf.setFloat(
        YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.5f);
    // One capacity-scheduler queue holding the whole node, application masters included.
    yarnConf.set("yarn.scheduler.capacity.root.queues", "default");
    yarnConf.set("yarn.scheduler.capacity.root.default.capacity", "100");
    yarnConf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
    yarnConf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 1.0f);
    MiniYARNCluster yarn = new MiniYARNCluster("cim-yarn", 1, 1, 1);
    try {
      yarn.init(yarnConf);
      yarn.start();
    } catch (RuntimeException e) {
      hdfs.shutdown();
      throw e;
    }
    Path confDir = Files.createDirectories(base.resolve("conf"));
    // What a gateway host's configuration holds: where HDFS and the resource manager are. (The
    // clusters' own configuration names test-only classes, such as a static rack mapping.)
    Configuration client = new Configuration(false);
    client.set("fs.defaultFS", hdfs.getURI().toString());
    for (String key : new String[] {YarnConfiguration.RM_ADDRESS,
        YarnConfiguration.RM_SCHEDULER_ADDRESS, YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS,
        YarnConfiguration.RM_WEBAPP_ADDRESS}) {
      client.set(key, yarn.getConfig().get(key));
    }
    for (String file : new String[] {"core-site.xml", "yarn-site.xml"}) {
      try (OutputStream out = Files.newOutputStream(confDir.resolve(file))) {
        client.writeXml(out);
      }
    }
    return new MiniHadoopCluster(hdfs, yarn, confDir);
  }

  /** {@code hdfs://host:port}, the cluster's default file system. */
  String hdfsUri() {
    return hdfs.getURI().toString();
  }

  FileSystem fileSystem() throws IOException {
    return hdfs.getFileSystem();
  }

  Path confDir() {
    return confDir;
  }

  /** Where the node manager keeps container logs (MiniYARNCluster's work folder). */
  static Path workDir() {
    return Path.of("target", "cim-yarn").toAbsolutePath();
  }

  @Override
  public void close() {
    yarn.stop();
    hdfs.shutdown();
  }
}
