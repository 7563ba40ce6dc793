package vn.hailong;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

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

    /**
     * One security style (issue 21, item 5): services are guarded by {@code @PreAuthorize} with a
     * constant of {@code vn.hailong.platform.Roles}; {@code @RolesAllowed} is the views' (Vaadin's
     * view access checker reads it), {@code @Secured} nobody's.
     */
    @Test
    void services_are_guarded_by_pre_authorize_only() {
        noClasses()
                .that()
                .areAnnotatedWith(Service.class)
                .should()
                .beAnnotatedWith(Secured.class)
                .orShould()
                .beAnnotatedWith(RolesAllowed.class)
                .check(CLASSES);
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Service.class)
                .should()
                .beAnnotatedWith(Secured.class)
                .orShould()
                .beAnnotatedWith(RolesAllowed.class)
                .check(CLASSES);
        noClasses().should().beAnnotatedWith(Secured.class).check(CLASSES);
        noMethods().should().beAnnotatedWith(Secured.class).check(CLASSES);
    }

    /**
     * Where a service's methods share one rule it is written once, on the class; a method carries
     * a {@code @PreAuthorize} of its own only when its rule differs (the method's annotation then
     * takes precedence over the class's).
     */
    @Test
    void a_method_never_repeats_the_rule_of_its_class() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(PreAuthorize.class)
                .should(new ArchCondition<JavaMethod>("not repeat the @PreAuthorize of its class") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        Optional<PreAuthorize> own = method.tryGetAnnotationOfType(PreAuthorize.class);
                        String ofClass = method.getOwner()
                                .getAnnotationOfType(PreAuthorize.class)
                                .value();
                        if (own.isPresent() && own.get().value().equals(ofClass)) {
                            events.add(SimpleConditionEvent.violated(
                                    method, method.getFullName() + " repeats its class's rule " + ofClass));
                        }
                    }
                })
                .check(CLASSES);
    }
}
