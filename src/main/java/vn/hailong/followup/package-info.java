/** Follow-up of "not satisfied" ratings: a case per rating for the responsible unit, with the citizen's optional contact. */
@org.springframework.modulith.ApplicationModule(displayName = "Follow-up cases")
@org.jspecify.annotations.NullMarked
package vn.hailong.followup;
