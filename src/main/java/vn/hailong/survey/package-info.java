/** The citizen's survey: the page a survey link opens, rendered from the questionnaire, submitting once. */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen survey")
@org.jspecify.annotations.NullMarked
package vn.hailong.survey;
