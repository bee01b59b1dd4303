package io.flowlake.cluster;

import io.flowlake.ProjectFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on 127.0.0.1: one master and one worker, started with {@code
 * spark-class} from the Spark distribution inside the project venv's pyspark package, with
 * throwaway work and log folders. {@link #close} stops both and everything they started.
 */
final class StandaloneCluster implements AutoCloseable {

  private final Path sparkHome;
  private final Path home;
  private final List<Process> daemons = new ArrayList<>();
  private int masterPort;

  private StandaloneCluster(Path sparkHome, Path home) {
    this.sparkHome = sparkHome;
    this.home = home;
  }

  static StandaloneCluster start(Path home) throws Exception {
    StandaloneCluster cluster = new StandaloneCluster(findSparkHome(), home);
    try {
      cluster.masterPort = freePort();
      cluster.daemon(
          "master",
          "I have been elected leader",
          "org.apache.spark.deploy.master.Master",
          "--host",
          "127.0.0.1",
          "--port",
          Integer.toString(cluster.masterPort),
          "--webui-port",
          Integer.toString(freePort()));
      cluster.daemon(
          "worker",
          "Successfully registered with master",
          "org.apache.spark.deploy.worker.Worker",
          "--host",
          "127.0.0.1",
          "--cores",
          "2",
          "--memory",
          "2g",
          "--work-dir",
          Files.createDirectories(home.resolve("worker-work")).toString(),
          "--webui-port",
          Integer.toString(freePort()),
          cluster.masterUrl());
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The applications the worker has run executors for (one folder each in its work dir). */
  List<String> applications() throws IOException {
    try (var apps = Files.list(home.resolve("worker-work"))) {
      return apps.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("app-")).toList();
    }
  }

  Path sparkHome() {
    return sparkHome;
  }

  /** The environment every Spark process of this cluster gets: loopback only, its own folders. */
  Map<String, String> environment() {
    return Map.of(
        "SPARK_HOME", sparkHome.toString(),
        "JAVA_HOME", System.getProperty("java.home"),
        "SPARK_LOCAL_IP", "127.0.0.1",
        "SPARK_LOG_DIR", home.resolve("logs").toString(),
        "SPARK_CONF_DIR", home.resolve("conf").toString());
  }

  private void daemon(String name, String readyLine, String mainClass, String... args)
      throws Exception {
    Files.createDirectories(home.resolve("conf"));
    List<String> command = new ArrayList<>();
    command.add(sparkHome.resolve("bin/spark-class").toString());
    command.add(mainClass);
    command.addAll(List.of(args));
    Path log = home.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment());
    Process process = builder.start();
    daemons.add(process);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!Files.readString(log, StandardCharsets.UTF_8).contains(readyLine)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the Spark " + name + " did not start; its log:\n" + Files.readString(log));
      }
      Thread.sleep(200);
    }
  }

  /** SPARK_HOME of the pyspark package in the venv that bin/venv makes (or FLOWLAKE_VENV). */
  private static Path findSparkHome() throws Exception {
    String python = output(List.of(ProjectFiles.root().resolve("bin/venv").toString()));
    String pyspark =
        output(
            List.of(
                python,
                "-c",
                "import os, pyspark; print(os.path.dirname(os.path.abspath(pyspark.__file__)))"));
    Path home = Path.of(pyspark);
    if (!Files.isExecutable(home.resolve("bin/spark-submit"))) {
      throw new IllegalStateException("no bin/spark-submit in the pyspark package at " + home);
    }
    return home;
  }

  private static String output(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command + " failed with exit " + p.exitValue());
    }
    String[] lines = out.split("\n");
    return lines[lines.length - 1].strip();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops the worker (and its executors), then the master; whatever ignores SIGTERM is killed. */
  @Override
  public void close() throws InterruptedException {
    for (int i = daemons.size() - 1; i >= 0; i--) {
      stop(daemons.get(i).toHandle());
    }
  }

  static void stop(ProcessHandle process) throws InterruptedException {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (ProcessHandle p : tree) {
      while (p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }
}
