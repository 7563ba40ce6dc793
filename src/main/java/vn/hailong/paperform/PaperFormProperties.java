package vn.hailong.paperform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How paper forms are keyed.
 *
 * @param secondKeyingShare the share of keyed forms drawn at random for a blind second keying by
 *        another person, 0 (none) to 1 (every form); default 0.10. Double keying is how data-entry
 *        shops catch typing errors; a tenth is a common audit sample.
 */
@ConfigurationProperties("hailong.paper-forms")
public record PaperFormProperties(@DefaultValue("0.10") double secondKeyingShare) {

    public PaperFormProperties {
        if (secondKeyingShare < 0 || secondKeyingShare > 1) {
            throw new IllegalArgumentException(
                    "hailong.paper-forms.second-keying-share must be between 0 and 1, was " + secondKeyingShare);
        }
    }
}
