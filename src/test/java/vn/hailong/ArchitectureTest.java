package vn.hailong;

import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Views stay thin: they call application services, never repositories or the database. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("vn.hailong");

    @Test
    void views_never_touch_repositories() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .check(CLASSES);
    }

    @Test
    void views_never_touch_jdbc_or_the_entity_manager() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "jakarta.persistence..", "java.sql..")
                .check(CLASSES);
    }

    /**
     * The application's JSON is Jackson 3 ({@code tools.jackson}, Spring Boot 4's). Jackson 2 is in
     * the jar only because swagger-core (springdoc's OpenAPI document) still needs it; nothing of ours
     * may start using it, or two generations would serialize our types differently. Its annotations
     * ({@code com.fasterxml.jackson.annotation}) are shared by both generations and allowed.
     */
    @Test
    void the_application_uses_one_generation_of_jackson() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.fasterxml.jackson.databind..",
                        "com.fasterxml.jackson.core..",
                        "com.fasterxml.jackson.datatype..")
                .check(CLASSES);
    }

    @Test
    void rest_controllers_never_touch_repositories() {
        noClasses()
                .that()
                .resideInAPackage("vn.hailong.api..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .check(CLASSES);
    }
}
