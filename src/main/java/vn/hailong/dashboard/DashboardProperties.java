package vn.hailong.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailong.dashboard.*}: {@code officerMinRatings} hides an officer's figures below that many
 * ratings in the period (too few to be fair to a person); {@code outlierMinReturned} is the number
 * of returned dossiers from which an officer's low coverage is reported on the integrity panel.
 */
@ConfigurationProperties("hailong.dashboard")
public record DashboardProperties(
        @DefaultValue("12") int defaultMonths,
        @DefaultValue("5") int officerMinRatings,
        @DefaultValue("10") int outlierMinReturned) {}
