package com.bidstream.localstack;

import com.bidstream.localstack.services.Service;

/**
 * What the person at the terminal needs once the stack is up: where everything is, the
 * dev keys, and how to stop it.
 */
final class Banner {

	private Banner() {
	}

	static void print(LocalStack stack, Console console) {
		console.line("");
		console.line("  Dashboard    %s/", stack.url(Service.REPORTING));
		for (Service service : Service.values()) {
			console.line("  %-12s %s%s   (OpenAPI: %s/v3/api-docs)", service.id(), stack.url(service), service.api(),
					stack.url(service));
		}
		console.line("  %-12s localhost:%d", "Kafka", stack.options().kafkaPort());
		console.line("  %-12s jdbc:postgresql://localhost:%d/{ingest,scoring,tracking,reporting}"
				+ " (user postgres, password postgres)", "PostgreSQL", stack.postgresPort());
		console.line("");
		console.line("  Dev keys (header X-Api-Key): dev-operator-key (OPERATOR, all agencies),"
				+ " dev-demo-key (agency demo), dev-acme-key (agency acme)");
		console.line("  Try: curl -H 'X-Api-Key: dev-demo-key' '%s/api/v1/reports/funnel?groupBy=segment'",
				stack.url(Service.REPORTING));
		console.line("  Data: %s   Logs: %s", stack.dataRoot(), stack.dataRoot().resolve("logs"));
		if (stack.options().demo()) {
			console.line("  Demo: streaming synthetic listings for agencies demo and acme, and advancing pursuits");
		}
		console.line("");
		console.line("Bidstream is ready in %.1f s. Press Ctrl-C to stop everything.", console.elapsedSeconds());
	}

}
