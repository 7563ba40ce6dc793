package vn.hailong.platform.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MariaDB of the default run and the tests ({@code hailong.embedded-db.*}). The folders
 * and the port come from {@code EMBEDDED_DB_BASE_DIR}, {@code EMBEDDED_DB_DATA_DIR} and
 * {@code EMBEDDED_DB_PORT} (application.yaml, where their defaults are).
 *
 * @param baseDir where the server binaries are unpacked (shared by every copy of the app, 350 MB)
 * @param dataDir where the data lives; emptied at every start when under the temporary directory
 * @param port the server's port on loopback; 0: a free one
 * @param schema the database the application uses
 */
@ConfigurationProperties("hailong.embedded-db")
record EmbeddedDatabaseProperties(
        String baseDir,
        String dataDir,
        int port,
        @DefaultValue("hailong") String schema) {

    EmbeddedDatabaseProperties {
        if (baseDir == null || dataDir == null) {
            throw new IllegalArgumentException(
                    "hailong.embedded-db.base-dir and hailong.embedded-db.data-dir (EMBEDDED_DB_BASE_DIR, "
                            + "EMBEDDED_DB_DATA_DIR) must be set");
        }
    }

    Path basePath() {
        return Path.of(baseDir);
    }

    Path dataPath() {
        return Path.of(dataDir);
    }
}
