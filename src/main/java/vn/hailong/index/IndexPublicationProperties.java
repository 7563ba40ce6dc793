package vn.hailong.index;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hailong.index.publication.*}: who may publish the index (docs/index-rules.md, "Review
 * before publication").
 *
 * @param reviewsRequired reviews of the draft, by people other than the one who publishes it,
 *     before it may be published or published as a correction. Default 1 (four eyes): the
 *     figures by which departments are ranked in public are never published by one person alone.
 *     0 lets a single province manager publish (a deployment with one official; not advised).
 */
@ConfigurationProperties("hailong.index.publication")
public record IndexPublicationProperties(Integer reviewsRequired) {

    public IndexPublicationProperties {
        reviewsRequired = reviewsRequired == null ? 1 : reviewsRequired;
        if (reviewsRequired < 0) {
            throw new IllegalArgumentException(
                    "hailong.index.publication.reviews-required must be 0 or more, not " + reviewsRequired);
        }
    }
}
