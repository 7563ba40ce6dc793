package vn.hailong.rating;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyTemplates extends JpaRepository<SurveyTemplate, UUID> {

    Optional<SurveyTemplate> findFirstByTemplateKeyAndActiveTrueOrderByRevisionDesc(String templateKey);
}
