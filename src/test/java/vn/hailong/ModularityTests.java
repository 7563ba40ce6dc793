package vn.hailong;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.importer.ImportOption;

/** Each capability is a module; dependencies between them form no cycle and use only their APIs. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(
            HaiLongApplication.class,
            // Production code only; matches any build directory (builds may use -DbuildDir=...).
            (ImportOption) location -> !location.contains("/test-classes/"));

    @Test
    void modules_depend_only_on_each_others_published_api_and_form_no_cycle() {
        MODULES.verify();
    }
}
