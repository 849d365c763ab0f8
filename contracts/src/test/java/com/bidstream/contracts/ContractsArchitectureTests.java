package com.bidstream.contracts;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.bidstream.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTests {

	@ArchTest
	static final ArchRule contractsAreFreeOfSpringAndOfServices = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "com.bidstream.ingest..", "com.bidstream.scoring..",
				"com.bidstream.tracking..", "com.bidstream.reporting..", "com.bidstream.platform..");

}
