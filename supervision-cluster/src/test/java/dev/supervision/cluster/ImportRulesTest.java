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
 *
 * <p>One exception, and only one package: {@code dev.supervision.cluster.singleton} makes a child spec
 * for the core's supervisors, so it uses the supervisor package (child specs, shutdowns) and the
 * genserver package (the start results a child start returns). The benchmark drivers
 * ({@code dev.supervision.cluster.bench}, not used by the module) run one under a supervisor for
 * {@code dist_singleton_failover}. The distribution itself still knows neither.
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
        noClasses().that().resideOutsideOfPackages("dev.supervision.cluster.singleton..", "dev.supervision.cluster.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.supervision.genserver..", "dev.supervision.supervisor..")
                .check(cluster);
    }

    @Test
    void neverSpringNorTheStarter() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.supervision.boot..", "org.springframework..")
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
