package vn.hailong.rating;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One answered question of a rating, with the points it earned under the rating's template revision. */
@Embeddable
public class RatingAnswer {

    @Column(name = "criterion_key", nullable = false, length = 40)
    private String criterionKey;

    @Column(name = "option_key", nullable = false, length = 40)
    private String optionKey;

    @Column(nullable = false)
    private int points;

    protected RatingAnswer() {}

    RatingAnswer(String criterionKey, String optionKey, int points) {
        this.criterionKey = criterionKey;
        this.optionKey = optionKey;
        this.points = points;
    }

    public String getCriterionKey() {
        return criterionKey;
    }

    public String getOptionKey() {
        return optionKey;
    }

    public int getPoints() {
        return points;
    }
}
