package vn.hailong.feed;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import vn.hailong.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;

class ContactDetailsTest {

    @Test
    void phone_numbers_and_email_addresses_leave_the_comment_and_the_words_stay() {
        assertThat(ContactDetails.removedFrom(
                        "Chờ lâu quá, gọi tôi 0912 345 678 hoặc +84 912.345.678, mail an.nguyen@example.vn"))
                .isEqualTo("Chờ lâu quá, gọi tôi […] hoặc […], mail […]");
    }

    @Test
    void short_numbers_such_as_days_and_amounts_stay() {
        assertThat(ContactDetails.removedFrom("Đợi 3 ngày, nộp 50.000 đồng, quầy số 12"))
                .isEqualTo("Đợi 3 ngày, nộp 50.000 đồng, quầy số 12");
    }

    @Test
    void a_cursor_reads_back_and_anything_else_is_refused_naming_the_field() {
        assertThat(FeedCursor.parse(new FeedCursor(42).token(), "after").seq()).isEqualTo(42);
        assertThat(FeedCursor.parse("", "after")).isEqualTo(FeedCursor.START);
        Assertions.assertThatThrownBy(() -> FeedCursor.parse("42", "after"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("after"));
    }
}
