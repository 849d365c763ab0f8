package com.bidstream.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import com.bidstream.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "com.bidstream", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule dependsOnlyOnItselfContractsAndPlatform = ArchitectureRules.serviceIsolation("reporting");

	@ArchTest
	static final ArchRule funnelRulesAreFreeOfSpring = ArchitectureRules
		.freeOfSpring("com.bidstream.reporting.funnel..");

	@ArchTest
	static final ArchRule readsTheTimeFromTheOneClock = ArchitectureRules.oneClock("com.bidstream.reporting..",
			"com.bidstream.platform..");

}
