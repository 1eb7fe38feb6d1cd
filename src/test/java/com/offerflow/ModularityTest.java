package com.offerflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The application's modules keep their boundaries: no cycles, no use of another module's internals, and each
 * module depends only on the modules its {@code package-info.java} allows (so a step never reaches into another
 * step). The shared modules below know neither Spring nor Camunda and no other module.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(OfferflowApplication.class);

    /** Plain Java, shared by the modules that read images, call registries or name the process's variables. */
    static final String[] PLAIN_MODULES = {"image", "network", "process", "scanner"};

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void sharedModulesKnowNeitherSpringNorCamundaNorOtherModulesButPlainOnes() {
        java.util.List<String> plain = java.util.Arrays.stream(PLAIN_MODULES).map(m -> "com.offerflow." + m).toList();
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.offerflow");
        for (String module : PLAIN_MODULES) {
            String own = "com.offerflow." + module + "..";
            noClasses().that().resideInAPackage(own).and().doNotHaveSimpleName("package-info")
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..")
                    .orShould().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "are in a module of com.offerflow that is not plain Java", type -> type.getPackageName()
                                    .startsWith("com.offerflow.") && plain.stream().noneMatch(p ->
                                    type.getPackageName().equals(p) || type.getPackageName().startsWith(p + "."))))
                    .because(module + " is plain Java shared by other modules, and uses only other plain modules")
                    .check(classes);
        }
    }
}
