package vn.hailong.platform.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a jar started without a database as a configuration error naming the variables, not a stack trace. */
class NoDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseConfiguredCheck.NoDatabaseConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DatabaseConfiguredCheck.NoDatabaseConfiguredException cause) {
        return new FailureAnalysis(
                "DATABASE_URL (spring.datasource.url) is not set, and this jar carries no embedded MariaDB: "
                        + "it is built to talk to an external MariaDB server (docs/operations.md).",
                "Set DATABASE_URL, DATABASE_USER and DATABASE_PASSWORD, e.g. "
                        + "DATABASE_URL=jdbc:mariadb://db.example:3306/hailong (with SPRING_PROFILES_ACTIVE=prod for "
                        + "a production node), or run the demo on its embedded database with ./mvnw spring-boot:run",
                cause);
    }
}
