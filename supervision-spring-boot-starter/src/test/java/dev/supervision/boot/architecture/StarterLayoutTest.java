package dev.supervision.boot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * The starter's layering, Spring Boot's own: runtime classes never reach into an auto-configuration
 * package (theirs or Spring Boot's), auto-configurations are final, and no package cycle exists.
 */
class StarterLayoutTest {

    private static JavaClasses starter;

    @BeforeAll
    static void importStarter() {
        starter = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.supervision.boot");
    }

    @Test
    void nothingOutsideAutoconfigureDependsOnAutoconfigure() {
        noClasses().that().resideOutsideOfPackage("..autoconfigure..")
                .should().dependOnClassesThat().resideInAPackage("..autoconfigure..")
                .check(starter);
    }

    @Test
    void autoConfigurationsAreFinalAndLiveInAutoconfigure() {
        classes().that().areAnnotatedWith(AutoConfiguration.class)
                .should().haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
                .andShould().resideInAPackage("dev.supervision.boot.autoconfigure..")
                .check(starter);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.supervision.(**)").should().beFreeOfCycles().check(starter);
    }
}
