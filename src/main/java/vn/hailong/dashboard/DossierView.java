package vn.hailong.dashboard;

import java.util.List;

import vn.hailong.intake.DossierDetails;
import vn.hailong.rating.RatingFacts;

/** A dossier and every rating of it (counted or not), for the managers' dossier page. */
public record DossierView(DossierDetails dossier, List<RatingFacts> ratings) {}
