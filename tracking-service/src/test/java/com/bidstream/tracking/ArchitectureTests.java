package com.bidstream.tracking;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import com.bidstream.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "com.bidstream", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule dependsOnlyOnItselfContractsAndPlatform = ArchitectureRules.serviceIsolation("tracking");

	@ArchTest
	static final ArchRule theFunnelIsPlainJava = ArchitectureRules.freeOfSpring("com.bidstream.tracking.funnel..");

	@ArchTest
	static final ArchRule readsTheTimeFromTheOneClock = ArchitectureRules.oneClock("com.bidstream.tracking..",
			"com.bidstream.platform..");

}
