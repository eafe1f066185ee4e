package org.venula.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Venula as its users run it: the packaged {@code target/venula.jar} in a process of its own, on a data directory
 * that outlives the process, so a test can kill it ({@code kill -9}) and start it again on the same data. Output goes
 * to a log file beside the data directory.
 */
public final class VenulaProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "process-admin-password";

    private final Process process;
    private final int port;
    private final Path log;

    private VenulaProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Venula on {@code dataDir} with the embedded H2 default, or on {@code jdbcUrl} when it is not null, and
     * waits until it answers its health check.
     */
    public static VenulaProcess start(Path dataDir, String jdbcUrl, List<String> extraArgs) {
        Path jar = Path.of("target", "venula.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("target/venula.jar is missing: run ./mvnw verify (it packages first)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString(), "--server.port=" + port,
                "--logging.level.root=WARN", "--logging.level.org.venula=INFO"));
        if (jdbcUrl != null) {
            command.add("--spring.datasource.url=" + jdbcUrl);
            command.add("--spring.datasource.username=postgres");
            command.add("--spring.datasource.password=");
        }
        command.addAll(extraArgs);
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("VENULA_DATA_DIR", dataDir.toString());
        env.put("VENULA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("VENULA_DEMO", "false");
        env.remove("SPRING_DATASOURCE_URL");
        try {
            VenulaProcess venula = new VenulaProcess(builder.start(), port, log);
            venula.awaitHealthy(Duration.ofSeconds(180));
            return venula;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Venula", e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public Api admin() {
        return Api.as(port, "admin", ADMIN_PASSWORD);
    }

    /** The resident memory of the process in MiB (Linux), or -1 where it cannot be read. */
    public long residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** {@code kill -9}: the process ends at once, with no shutdown of any kind. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** An orderly stop (SIGTERM), as a service manager does. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Venula exited with " + process.exitValue() + " before it was ready; see "
                        + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleepQuietly(200);
        }
        kill();
        throw new IllegalStateException("Venula was not healthy within " + timeout + "; see " + log + ":\n" + tail());
    }

    /** The last lines Venula logged, for a failure message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms); // polling a process we do not control; never used to wait for our own state
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
