package com.bidstream.scoring;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import com.bidstream.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "com.bidstream", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule dependsOnlyOnItselfContractsAndPlatform = ArchitectureRules.serviceIsolation("scoring");

	@ArchTest
	static final ArchRule theModelIsPlainJava = ArchitectureRules.freeOfSpring("com.bidstream.scoring.model..");

	@ArchTest
	static final ArchRule readsTheTimeFromTheOneClock = ArchitectureRules.oneClock("com.bidstream.scoring..",
			"com.bidstream.platform..");

}
