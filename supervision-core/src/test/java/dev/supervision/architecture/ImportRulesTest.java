package dev.supervision.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's import rules: the packages form a tower (event, then process, then genserver, then
 * supervisor), the core knows nothing of Spring, and no package cycle exists.
 */
class ImportRulesTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.supervision");
    }

    @Test
    void processDoesNotKnowGenServersOrSupervisors() {
        noClasses().that().resideInAPackage("dev.supervision.process..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.supervision.genserver..", "dev.supervision.supervisor..")
                .check(core);
    }

    @Test
    void genServerDoesNotKnowSupervisors() {
        noClasses().that().resideInAPackage("dev.supervision.genserver..")
                .should().dependOnClassesThat().resideInAPackage("dev.supervision.supervisor..")
                .check(core);
    }

    @Test
    void eventIsTheBottomOfTheTower() {
        noClasses().that().resideInAPackage("dev.supervision.event..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.supervision.process..", "dev.supervision.genserver..", "dev.supervision.supervisor..")
                .check(core);
    }

    @Test
    void coreImportsNoSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(core);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("dev.supervision.(*)..").should().beFreeOfCycles().check(core);
    }
}
