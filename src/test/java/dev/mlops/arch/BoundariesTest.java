package dev.mlops.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package boundaries that each package-info.java states, checked on the compiled classes. */
class BoundariesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.mlops");

    @Test
    void layersDependOnlyDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("main").definedBy("dev.mlops")
                .layer("cli").definedBy("dev.mlops.cli..")
                .layer("report").definedBy("dev.mlops.report..")
                .layer("release").definedBy("dev.mlops.release..")
                .layer("playground").definedBy("dev.mlops.playground..")
                .layer("selection").definedBy("dev.mlops.selection..")
                .layer("experiment").definedBy("dev.mlops.experiment..")
                .layer("preference").definedBy("dev.mlops.preference..")
                .layer("analysis").definedBy("dev.mlops.analysis..")
                .layer("registry").definedBy("dev.mlops.registry..")
                .layer("schema").definedBy("dev.mlops.schema..")
                .layer("logs").definedBy("dev.mlops.logs..")
                .layer("io").definedBy("dev.mlops.io..")
                .layer("stats").definedBy("dev.mlops.stats..")
                .layer("text").definedBy("dev.mlops.text..")
                .whereLayer("main").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("main")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("release").mayOnlyBeAccessedByLayers("cli", "report")
                .whereLayer("playground").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("selection").mayOnlyBeAccessedByLayers("cli", "report", "preference", "playground")
                .whereLayer("experiment").mayOnlyBeAccessedByLayers("cli", "report")
                .whereLayer("preference").mayOnlyBeAccessedByLayers("cli", "report", "playground")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("cli", "report", "selection", "experiment", "preference")
                .whereLayer("registry").mayOnlyBeAccessedByLayers("cli", "report", "release", "analysis", "selection",
                        "experiment", "playground")
                .whereLayer("schema").mayOnlyBeAccessedByLayers("cli", "report", "release")
                .whereLayer("logs").mayOnlyBeAccessedByLayers("cli", "report", "selection", "analysis", "experiment",
                        "preference")
                .whereLayer("io").mayOnlyBeAccessedByLayers("cli", "report", "release", "selection", "analysis",
                        "experiment", "preference", "registry", "logs", "playground")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("cli", "report", "selection", "analysis", "experiment",
                        "preference")
                .whereLayer("text").mayOnlyBeAccessedByLayers("cli", "report", "release", "selection", "analysis",
                        "experiment", "registry", "logs", "playground")
                .check(CLASSES);
    }

    @Test
    void statisticsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.mlops.stats..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.mlops.analysis..", "dev.mlops.cli..", "dev.mlops.io..", "dev.mlops.logs..",
                        "dev.mlops.registry..", "dev.mlops.release..", "dev.mlops.report..", "dev.mlops.schema..",
                        "dev.mlops.selection..", "dev.mlops.experiment..", "dev.mlops.preference..", "dev.mlops.text..")
                .check(CLASSES);
    }

    @Test
    void onlyCommandsUsePicocli() {
        noClasses().that().resideOutsideOfPackage("dev.mlops.cli..").should().dependOnClassesThat()
                .resideInAPackage("picocli..").check(CLASSES);
    }

    @Test
    void documentsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.mlops.schema..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.mlops.analysis..", "dev.mlops.cli..", "dev.mlops.io..", "dev.mlops.logs..",
                        "dev.mlops.registry..", "dev.mlops.release..", "dev.mlops.report..", "dev.mlops.selection..",
                        "dev.mlops.stats..", "dev.mlops.text..")
                .check(CLASSES);
    }
}
