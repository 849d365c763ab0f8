package com.bidstream.ingest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import com.bidstream.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "com.bidstream", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule dependsOnlyOnItselfContractsAndPlatform = ArchitectureRules.serviceIsolation("ingest");

	@ArchTest
	static final ArchRule listingRulesAreFreeOfSpring = ArchitectureRules
		.freeOfSpring("com.bidstream.ingest.listing..");

	@ArchTest
	static final ArchRule readsTheTimeFromTheOneClock = ArchitectureRules.oneClock("com.bidstream.ingest..",
			"com.bidstream.platform..");

}
