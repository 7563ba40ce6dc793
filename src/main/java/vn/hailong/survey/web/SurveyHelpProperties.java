package vn.hailong.survey.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whom a citizen can turn to when a survey link leads nowhere (unknown, expired, already rated):
 * the hotline of the service centre or province, shown on those pages as a {@code tel:} link. The
 * directory holds no contact data of units or centres, so this is a setting of the site. Empty
 * (the default): the pages only send the citizen to the counter where the dossier was handed in.
 *
 * @param name who answers the hotline, e.g. "Trung tâm Phục vụ hành chính công tỉnh"
 * @param phone the number as it is printed, e.g. "0274 3822 222"
 */
@ConfigurationProperties("hailong.survey-page.help")
record SurveyHelpProperties(String name, String phone) {

    SurveyHelpProperties {
        name = name == null ? "" : name.strip();
        phone = phone == null ? "" : phone.strip();
        if (!phone.isEmpty() && !phone.matches("\\+?[0-9][0-9 .()-]{1,30}")) {
            throw new IllegalArgumentException(
                    "hailong.survey-page.help.phone must be a phone number (digits, spaces, dots, dashes), not: "
                            + phone);
        }
    }

    boolean hasPhone() {
        return !phone.isEmpty();
    }

    /** The number for a {@code tel:} link: digits only, with a leading + kept. */
    String dial() {
        return (phone.startsWith("+") ? "+" : "") + phone.replaceAll("[^0-9]", "");
    }
}
