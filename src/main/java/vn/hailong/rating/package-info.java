/** Ratings: the questionnaire (versioned survey templates) and the citizens' ratings, one counted per dossier. */
@org.springframework.modulith.ApplicationModule(displayName = "Ratings")
@org.jspecify.annotations.NullMarked
package vn.hailong.rating;
