package dev.supervision.cluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster module's import rules: the codec, global names and process groups know neither JGroups
 * nor the node's machinery (the names reach other nodes through their own port), the
 * module uses the core's process package only (not GenServers or supervisors), never Spring, never
 * Java serialization, and has no package cycle.
 */
class ImportRulesTest {

    private static JavaClasses cluster;

    @BeforeAll
    static void importCluster() {
        cluster = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.supervision.cluster");
    }

    @Test
    void theCodecKnowsNoTransportAndNoNode() {
        noClasses().that().resideInAPackage("dev.supervision.cluster.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jgroups..", "dev.supervision.cluster")
                .check(cluster);
    }

    @Test
    void namesAndGroupsKnowNoTransportAndNoNode() {
        noClasses().that().resideInAPackage("dev.supervision.cluster.naming..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jgroups..", "dev.supervision.cluster")
                .check(cluster);
    }

    @Test
    void theModuleUsesOnlyTheProcessPackageOfTheCore() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "dev.supervision.genserver..", "dev.supervision.supervisor..", "dev.supervision.boot..", "org.springframework..")
                .check(cluster);
    }

    @Test
    void noJavaSerialization() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectOutputStream")
                .check(cluster);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.supervision.cluster.(**)").should().beFreeOfCycles().check(cluster);
    }
}
