package vn.hailong.notification;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.HaiLongTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of mail another module may queue is one the outbox's table takes: two branches that
 * each widened the table's check constraint once left one module's mails refused (V91, V95).
 */
@HaiLongTest
class MailKindsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_table_takes_every_kind_of_the_outbox() {
        String clause = jdbc.queryForObject("""
                SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS
                WHERE CONSTRAINT_SCHEMA = DATABASE() AND CONSTRAINT_NAME = 'ck_mail_outbox_kind'""", String.class);
        Arrays.stream(MailOutbox.Kind.values())
                .forEach(kind -> assertThat(clause).as("kind %s", kind).contains("'" + kind.name() + "'"));
    }
}
