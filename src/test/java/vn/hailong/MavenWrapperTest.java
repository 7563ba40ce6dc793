package vn.hailong;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mvnw} is the stock Maven Wrapper plus one line that sources {@code .mvn/jdk.sh}
 * (ADR 102). A wrapper upgrade ({@code ./mvnw wrapper:wrapper -Dtype=only-script}) rewrites the file
 * and drops that line; on these machines, whose default java is 17, the build would then stop at
 * once. This test says so before anyone is surprised, and keeps our own logic out of the wrapper.
 */
class MavenWrapperTest {

    /** SHA-256 of {@code mvnw} in maven-wrapper-distribution 3.3.4, classifier only-script. */
    private static final String STOCK_MVNW_3_3_4 = "cae96cef89ebea3531221f4ae17c23cf8edf67d00eae8306d4186ae1bbed4d02";

    private static final String HOOK = ". \"$(dirname \"$0\")/.mvn/jdk.sh\"";

    @Test
    void mvnw_is_the_stock_wrapper_plus_the_jdk_hook() throws IOException {
        String mvnw = Files.readString(Path.of("mvnw"), StandardCharsets.UTF_8);
        List<String> hooks = mvnw.lines().filter(line -> line.startsWith(HOOK)).toList();
        assertThat(hooks)
                .as(
                        "mvnw sources .mvn/jdk.sh exactly once; after a wrapper upgrade add the line back:\n%s",
                        HOOK + " # Hai Long: a JDK 21+ for Maven (ADR 102)")
                .hasSize(1);

        // The hook and the blank line after it are all we add to the stock script.
        String stock = mvnw.replace(hooks.getFirst() + "\n\n", "");
        assertThat(sha256(stock))
                .as("mvnw minus its hook is the stock Maven Wrapper 3.3.4 script: machine-specific logic belongs"
                        + " in .mvn/ (after an upgrade, update the wrapper version and this checksum)")
                .isEqualTo(STOCK_MVNW_3_3_4);
    }

    @Test
    void the_wrapper_properties_name_the_same_wrapper_version() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of(".mvn/wrapper/maven-wrapper.properties"))) {
            properties.load(in);
        }
        assertThat(properties.getProperty("wrapperVersion")).isEqualTo("3.3.4");
        assertThat(properties.getProperty("distributionType")).isEqualTo("only-script");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
