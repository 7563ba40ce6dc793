-- The default questionnaire (revision 1). Criteria keys are stable API; labels may change only
-- in a new revision. Points follow Circular 01/2018: 2 best, 1 middle, 0 worst.
INSERT INTO survey_template (id, version, template_key, revision, active, definition, created_at)
VALUES ('018f0000-0000-7000-8000-000000000001', 0, 'default', 1, TRUE, '{
  "criteria": [
    {"key": "overall", "required": true, "indicator": null,
     "label": {"vi": "Ông/bà hài lòng thế nào với việc giải quyết hồ sơ?", "en": "How satisfied are you with how your dossier was handled?"},
     "options": [
       {"key": "VERY_SATISFIED", "points": 2, "label": {"vi": "Rất hài lòng", "en": "Very satisfied"}},
       {"key": "SATISFIED", "points": 1, "label": {"vi": "Hài lòng", "en": "Satisfied"}},
       {"key": "DISSATISFIED", "points": 0, "label": {"vi": "Không hài lòng", "en": "Not satisfied"}}]},
    {"key": "convenience", "required": false, "indicator": null,
     "label": {"vi": "Mức độ thuận tiện", "en": "Convenience"},
     "options": [
       {"key": "VERY_SATISFIED", "points": 2, "label": {"vi": "Rất hài lòng", "en": "Very satisfied"}},
       {"key": "SATISFIED", "points": 1, "label": {"vi": "Hài lòng", "en": "Satisfied"}},
       {"key": "DISSATISFIED", "points": 0, "label": {"vi": "Không hài lòng", "en": "Not satisfied"}}]},
    {"key": "attitude", "required": false, "indicator": 7,
     "label": {"vi": "Thái độ của cán bộ, công chức", "en": "Attitude of the officers"},
     "options": [
       {"key": "VERY_SATISFIED", "points": 2, "label": {"vi": "Rất hài lòng", "en": "Very satisfied"}},
       {"key": "SATISFIED", "points": 1, "label": {"vi": "Hài lòng", "en": "Satisfied"}},
       {"key": "DISSATISFIED", "points": 0, "label": {"vi": "Không hài lòng", "en": "Not satisfied"}}]},
    {"key": "contacts", "required": false, "indicator": 3,
     "label": {"vi": "Số lần phải liên hệ để hoàn thiện hồ sơ", "en": "Times you had to come back to complete the dossier"},
     "options": [
       {"key": "NONE", "points": 2, "label": {"vi": "Không lần nào", "en": "None"}},
       {"key": "ONCE", "points": 1, "label": {"vi": "Một lần", "en": "Once"}},
       {"key": "MORE", "points": 0, "label": {"vi": "Nhiều hơn một lần", "en": "More than once"}}]},
    {"key": "agencies", "required": false, "indicator": 4,
     "label": {"vi": "Số cơ quan phải liên hệ", "en": "Agencies you had to contact"},
     "options": [
       {"key": "NONE", "points": 2, "label": {"vi": "Không phải liên hệ thêm", "en": "None"}},
       {"key": "COUNTER_ONLY", "points": 1, "label": {"vi": "Chỉ Bộ phận Một cửa", "en": "Only the one-stop counter"}},
       {"key": "MORE", "points": 0, "label": {"vi": "Nhiều cơ quan", "en": "Several agencies"}}]}
  ],
  "reasonRule": {"criterion": "overall", "options": ["DISSATISFIED"]},
  "reasons": [
    {"code": "SLOW", "label": {"vi": "Giải quyết chậm, trễ hẹn", "en": "Slow or late"}},
    {"code": "ATTITUDE", "label": {"vi": "Thái độ cán bộ chưa tốt", "en": "Officer attitude"}},
    {"code": "EXTRA_DOCUMENTS", "label": {"vi": "Yêu cầu bổ sung giấy tờ nhiều lần", "en": "Asked for documents again and again"}},
    {"code": "UNCLEAR_GUIDANCE", "label": {"vi": "Hướng dẫn không rõ ràng", "en": "Unclear guidance"}},
    {"code": "EXTRA_FEES", "label": {"vi": "Phát sinh chi phí ngoài quy định", "en": "Unofficial fees"}},
    {"code": "OTHER", "label": {"vi": "Lý do khác", "en": "Other reason"}}
  ]
}', UTC_TIMESTAMP(6));
