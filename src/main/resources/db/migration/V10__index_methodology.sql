-- Index methodologies: versioned, stored configuration (domain.md: every threshold, weight and band
-- is configuration per province and year, never a constant in code). Rows are insert-only: a change
-- is a new version; snapshots name the version they were computed with, so published results never
-- move when a methodology changes.
CREATE TABLE index_methodology (
    id          UUID         NOT NULL PRIMARY KEY,
    scheme      VARCHAR(40)  NOT NULL,
    version     INT          NOT NULL,
    -- The province (e.g. 'H56') or NULL for any; the year it applies to, or NULL for any year.
    province    VARCHAR(40)  NULL,
    year        INT          NULL,
    name        VARCHAR(200) NOT NULL,
    definition  LONGTEXT     NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    CONSTRAINT uk_index_methodology_version UNIQUE (scheme, version),
    CONSTRAINT ck_index_methodology_json CHECK (JSON_VALID(definition)),
    CONSTRAINT ck_index_methodology_version CHECK (version >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The default methodology from domain.md §2–§4. Items marked [U] there (766 targets and curve,
-- PAR weight and groups, indicator 2 from the dossier's own timeliness) are choices to review.
INSERT INTO index_methodology (id, scheme, version, province, year, name, definition, created_at, created_by)
VALUES ('018f0000-0000-7000-8000-00000000a001', 'default', 1, NULL, NULL,
'Phương pháp mặc định (Thông tư 01/2018, Quyết định 766/QĐ-TTg, CCHC)', '{
  "indicators": [
    {"number": 1, "source": "DOSSIER_TIMELINESS", "criterion": null},
    {"number": 2, "source": "DOSSIER_TIMELINESS", "criterion": null},
    {"number": 3, "source": "CITIZEN_ANSWER", "criterion": "contacts"},
    {"number": 4, "source": "CITIZEN_ANSWER", "criterion": "agencies"},
    {"number": 5, "source": "UNIT_ENTRY", "criterion": null},
    {"number": 6, "source": "UNIT_ENTRY", "criterion": null},
    {"number": 7, "source": "CITIZEN_ANSWER", "criterion": "attitude"},
    {"number": 8, "source": "COMPLAINTS_ON_TIME", "criterion": null},
    {"number": 9, "source": "UNIT_ENTRY", "criterion": null}
  ],
  "complaintsIndicator": {"fullPercent": 100, "partialPercent": 90},
  "circular01": {
    "indicatorMax": 2,
    "averageRounding": {"scale": 2, "mode": "HALF_UP"},
    "totalRounding": {"scale": 2, "mode": "HALF_UP"},
    "bands": {"excellentAbove": 15, "goodFrom": 12, "fairFrom": 9, "averageFrom": 6}
  },
  "satisfaction": {"criterion": "overall", "satisfiedMinPoints": 1, "rateRounding": {"scale": 2, "mode": "HALF_UP"}},
  "decision766": {
    "dossierSatisfaction": {"maxPoints": 6, "targetPercent": 100},
    "complaintsOnTime": {"maxPoints": 6, "targetPercent": 100},
    "complaintSatisfaction": {"maxPoints": 6, "targetPercent": 100},
    "curve": "LINEAR",
    "rateRounding": {"scale": 2, "mode": "HALF_UP"},
    "pointsRounding": {"scale": 2, "mode": "HALF_UP"}
  },
  "par": {
    "component": {"weight": 36.5, "maxPoints": 36.5, "rounding": {"scale": 2, "mode": "HALF_UP"}},
    "bands": [
      {"name": "Nhóm I", "fromPercent": 90},
      {"name": "Nhóm II", "fromPercent": 80},
      {"name": "Nhóm III", "fromPercent": 70},
      {"name": "Nhóm IV", "fromPercent": 0}
    ]
  },
  "ranking": {"rankBy": "PAR_SURVEY_POINTS", "withinPeerGroups": true}
}', UTC_TIMESTAMP(6), 'migration V10');
