package vn.hailong.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo province's size and randomness ({@code hailong.demo.*}); read only when
 * {@code hailong.demo.enabled} is true (the demo profile). The same seed, number of dossiers and day
 * always give the same data ({@link DemoPlan}).
 *
 * @param seed the seed of every random choice of the demo data
 * @param dossiers how many dossiers the demo year holds (0 to 1,000,000)
 */
@ConfigurationProperties("hailong.demo")
record DemoProperties(
        @DefaultValue("20261122") long seed,
        @DefaultValue("20000") int dossiers) {}
