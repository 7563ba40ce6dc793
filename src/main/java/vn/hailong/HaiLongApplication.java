package vn.hailong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import vn.hailong.platform.MigrateOnly;

/** Hài Lòng: citizen satisfaction at one-stop counters, feeding the administrative reform index. */
@SpringBootApplication
public class HaiLongApplication {

    public static void main(String[] args) {
        if (MigrateOnly.requested(args)) {
            // The cluster's migration step (ADR 085): migrate, print what ran, exit without serving.
            // "Hài Lòng" here is the product's name in an operator's console line, not a word to translate.
            System.out.println("Hài Lòng: " + MigrateOnly.run(args) + " migration(s) applied");
            return;
        }
        SpringApplication.run(HaiLongApplication.class, args);
    }
}
