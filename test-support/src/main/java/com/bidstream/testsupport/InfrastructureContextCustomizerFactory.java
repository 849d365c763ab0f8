package com.bidstream.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points the context of a {@link ServiceIntegrationTest} at its broker and database
 * (registered in {@code META-INF/spring.factories}). The infrastructure starts only when
 * a context is built, so a containers test skipped without Docker starts nothing.
 */
class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		ServiceIntegrationTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				ServiceIntegrationTest.class);
		return (test != null) ? new Customizer(test.infrastructure(), test.database()) : null;
	}

	private record Customizer(ServiceIntegrationTest.Infrastructure infrastructure,
			String database) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, Object> properties = this.infrastructure.get().properties(this.database);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("bidstreamTestInfrastructure", properties));
		}

	}

}
