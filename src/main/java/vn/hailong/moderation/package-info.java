/**
 * Moderation that cannot bury ratings: a manager disputes a rating with a reason, a second person
 * decides; an upheld dispute only marks the rating excluded (or counted again), never deletes or
 * edits it, and every dispute and decision is kept.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation")
@org.jspecify.annotations.NullMarked
package vn.hailong.moderation;
