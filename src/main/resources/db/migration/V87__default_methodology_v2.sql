-- The default methodology, version 2: version 1 (V10) with the rules that were implicit made
-- explicit, each at the behaviour version 1 had, and one new rule, the minimum sample: a unit
-- with fewer than 30 counted ratings in the period is listed "chưa đủ số đánh giá" and not ranked
-- (issue 19). Version 1 stays as it was: periods published with it keep explaining and
-- recomputing to their figures, and reading it gives no minimum (the rule it was published with).
INSERT INTO index_methodology (id, scheme, version, province, year, name, definition, created_at, created_by)
SELECT '018f0000-0000-7000-8000-00000000a002', 'default', 2, NULL, NULL,
       'Phương pháp mặc định, có cỡ mẫu tối thiểu (Thông tư 01/2018, Quyết định 766/QĐ-TTg, CCHC)',
       JSON_SET(definition,
                '$.ranking.minimumRatings', 30,
                '$.par.bandBasis', 'POINTS_PERCENT',
                '$.dossiers', JSON_OBJECT('onTimeBy', 'DUE_INSTANT', 'withoutDossiers', 'CLASSIFIED'),
                '$.unitEntries', JSON_OBJECT('fallback', 'PER_INDICATOR')),
       UTC_TIMESTAMP(6), 'migration V87'
FROM index_methodology WHERE scheme = 'default' AND version = 1;
