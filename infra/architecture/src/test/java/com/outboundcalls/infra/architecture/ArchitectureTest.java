package com.outboundcalls.infra.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape of the project, kept by the build: a core without AWS and without cycles, layered from money, time,
 * phone numbers, files and JSON up to invoicing and reports; adapters apart; functions that never reach into each
 * other; and nothing deployed that leans on the local cloud, the launcher or the tools of {@code infra/}.
 */
class ArchitectureTest {

    /** The domain core's packages, in module {@code core/}: plain Java. */
    static final String[] CORE = {"com.outboundcalls.money..", "com.outboundcalls.time..", "com.outboundcalls.phone..",
            "com.outboundcalls.files..", "com.outboundcalls.mail..", "com.outboundcalls.json..", "com.outboundcalls.contact..",
            "com.outboundcalls.account..",
            "com.outboundcalls.ingest..", "com.outboundcalls.dial..", "com.outboundcalls.rate..",
            "com.outboundcalls.invoice..", "com.outboundcalls.report..", "com.outboundcalls.erasure.."};
    /** Module {@code adapters/}: the AWS adapters, the Lambda plumbing and the one wiring place. */
    static final String[] ADAPTERS = {"com.outboundcalls.aws..", "com.outboundcalls.lambda..", "com.outboundcalls.glue.."};
    static final String FUNCTIONS = "com.outboundcalls.functions..";
    static final String INFRA = "com.outboundcalls.infra..";

    private static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.outboundcalls");
        assertTrue(main.size() > 300, "the project's classes were found: " + main.size());
    }

    @Test
    void everyClassLivesInTheCoreTheAdaptersAFunctionOrInfra() {
        String[] known = new String[CORE.length + ADAPTERS.length + 2];
        System.arraycopy(CORE, 0, known, 0, CORE.length);
        System.arraycopy(ADAPTERS, 0, known, CORE.length, ADAPTERS.length);
        known[known.length - 2] = FUNCTIONS;
        known[known.length - 1] = INFRA;
        classes().should().resideInAnyPackage(known)
                .because("a new package says here which part of the house it belongs to").check(main);
    }

    @Test
    void theCoreImportsNoAwsTypes() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .because("the domain is plain Java; the adapters speak AWS").check(main);
    }

    @Test
    void theCoreDependsOnNothingOfTheAdaptersTheFunctionsOrInfra() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage("com.outboundcalls.aws..", "com.outboundcalls.lambda..", "com.outboundcalls.glue..",
                        FUNCTIONS, INFRA).check(main);
    }

    @Test
    void theCorePackagesFormNoCycle() {
        slices().matching("com.outboundcalls.(*)..").should().beFreeOfCycles()
                .check(main.that(JavaClass.Predicates.resideInAnyPackage(CORE)));
    }

    @Test
    void theCoreIsLayeredFromMoneyTimePhonesAndFilesUpToInvoicesAndReports() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Base").definedBy("com.outboundcalls.money..", "com.outboundcalls.time..",
                        "com.outboundcalls.phone..", "com.outboundcalls.files..", "com.outboundcalls.mail..",
                        "com.outboundcalls.json..")
                .layer("Contact").definedBy("com.outboundcalls.contact..")
                .layer("Account").definedBy("com.outboundcalls.account..")
                .layer("Ingest").definedBy("com.outboundcalls.ingest..")
                .layer("Dial").definedBy("com.outboundcalls.dial..")
                .layer("Rate").definedBy("com.outboundcalls.rate..")
                .layer("Invoice").definedBy("com.outboundcalls.invoice..")
                .layer("Report").definedBy("com.outboundcalls.report..")
                .layer("Erasure").definedBy("com.outboundcalls.erasure..")
                .layer("Adapters").definedBy(ADAPTERS)
                .layer("Functions").definedBy(FUNCTIONS)
                .layer("Infra").definedBy(INFRA)
                .whereLayer("Infra").mayNotBeAccessedByAnyLayer()
                .whereLayer("Functions").mayOnlyBeAccessedByLayers("Infra")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Functions", "Infra")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Adapters", "Functions", "Infra")
                .whereLayer("Erasure").mayOnlyBeAccessedByLayers("Adapters", "Functions", "Infra")
                .whereLayer("Invoice").mayOnlyBeAccessedByLayers("Adapters", "Functions", "Infra")
                .whereLayer("Rate").mayOnlyBeAccessedByLayers("Invoice", "Report", "Adapters", "Functions", "Infra")
                .whereLayer("Dial").mayOnlyBeAccessedByLayers("Rate", "Report", "Erasure", "Invoice", "Adapters", "Functions",
                        "Infra")
                .whereLayer("Ingest").mayOnlyBeAccessedByLayers("Rate", "Report", "Erasure", "Invoice", "Adapters", "Functions",
                        "Infra")
                .whereLayer("Account").mayOnlyBeAccessedByLayers("Ingest", "Dial", "Rate", "Invoice", "Report", "Erasure",
                        "Adapters", "Functions", "Infra")
                .whereLayer("Contact").mayOnlyBeAccessedByLayers("Account", "Ingest", "Dial", "Rate", "Invoice", "Erasure",
                        "Report", "Adapters", "Functions", "Infra");
        layers.check(main);
    }

    @Test
    void noFunctionModuleImportsAnother() {
        slices().matching("com.outboundcalls.functions.(*)..").should().notDependOnEachOther()
                .because("each function is a deployment jar of its own").check(main);
    }

    @Test
    void nothingOutsideInfraImportsInfra() {
        noClasses().that().resideOutsideOfPackage(INFRA).should().dependOnClassesThat().resideInAPackage(INFRA)
                .because("the local cloud, the launcher and the tools stand beside the product, never in it")
                .check(main);
    }

    @Test
    void moneyIsRoundedOnlyInMoney() {
        noClasses().that().resideOutsideOfPackage("com.outboundcalls.money..")
                .should().callMethod(BigDecimal.class, "setScale", int.class)
                .because("Money says how each amount is rounded").check(main);
    }
}
