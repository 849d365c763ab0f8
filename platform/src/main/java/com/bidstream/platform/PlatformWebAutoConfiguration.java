package com.bidstream.platform;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.core.StreamReadFeature;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;

import com.bidstream.platform.security.ApiKeyFilter;
import com.bidstream.platform.security.ApiKeyProperties;
import com.bidstream.platform.security.ApiKeys;
import com.bidstream.platform.security.Caller;
import com.bidstream.platform.security.CallerArgumentResolver;
import com.bidstream.platform.web.BodyLimits;
import com.bidstream.platform.web.DuplicateNames;
import com.bidstream.platform.web.ProblemAdvice;
import com.bidstream.platform.web.ProblemErrorController;
import com.bidstream.platform.web.ProblemErrorReportValve;
import com.bidstream.platform.web.PrivateResponseHeaders;
import com.bidstream.platform.web.ProblemWriter;
import com.bidstream.platform.web.RequestBodyLimitFilter;
import com.bidstream.platform.web.SingleValuedParameters;
import com.bidstream.platform.web.StorableBodyAdvice;

/**
 * API keys on {@code /api/**}, the {@code Caller} parameter, and problem+json for every
 * error. Runs before Spring MVC's own configuration so that its problem handler steps
 * aside for ours.
 */
@AutoConfiguration(before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class })
@EnableConfigurationProperties({ ApiKeyProperties.class, BodyLimits.class })
public class PlatformWebAutoConfiguration {

	@Bean
	ApiKeys apiKeys(ApiKeyProperties properties) {
		return new ApiKeys(properties);
	}

	@Bean
	ProblemWriter problemWriter() {
		return new ProblemWriter();
	}

	@Bean
	ProblemAdvice problemAdvice() {
		return new ProblemAdvice();
	}

	/**
	 * In place of Spring Boot's {@code BasicErrorController}, which steps aside for it.
	 */
	@Bean
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	/**
	 * Request bodies naming a field twice are refused ({@link DuplicateNames}).
	 */
	@Bean
	JsonMapperBuilderCustomizer strictDuplicateDetection() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	@Bean
	StorableBodyAdvice storableBodyAdvice() {
		return new StorableBodyAdvice();
	}

	@Bean
	FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys apiKeys, ProblemWriter problemWriter,
			@Value("${bidstream.security.public-paths:}") List<String> publicPaths) {
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
				new ApiKeyFilter(apiKeys, problemWriter, publicPaths));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	/**
	 * {@code no-store} and {@code nosniff} on every API answer
	 * ({@link PrivateResponseHeaders}), errors the filters write included: on
	 * {@code /api/*} and the paths {@code bidstream.web.private-paths} adds (the
	 * dashboard's own API).
	 */
	@Bean
	FilterRegistrationBean<PrivateResponseHeaders> privateResponseHeaders(
			@Value("${bidstream.web.private-paths:}") List<String> morePaths) {
		FilterRegistrationBean<PrivateResponseHeaders> registration = new FilterRegistrationBean<>(
				new PrivateResponseHeaders());
		registration.addUrlPatterns("/api/*");
		morePaths.stream().filter((path) -> !path.isBlank()).forEach(registration::addUrlPatterns);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 90);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(BodyLimits limits,
			ProblemWriter problemWriter) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(limits, problemWriter));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 110);
		return registration;
	}

	/**
	 * Tomcat's error body as problem+json ({@link ProblemErrorReportValve}). Runs after
	 * Spring Boot's own customizer, which adds Tomcat's HTML valve; naming the class as
	 * the host's error report valve keeps Tomcat from adding its default one at start.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (!(context.getParent() instanceof StandardHost host)) {
				return;
			}
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new ProblemErrorReportValve());
			host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
		});
	}

	@Bean
	WebMvcConfigurer callerArgument() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new SingleValuedParameters());
			}
		};
	}

	/**
	 * Bodies are JSON (the contract's only format). Spring registers a converter for
	 * every Jackson data format on the class path, and springdoc brings Jackson 2's YAML:
	 * a YAML body skipped the rules our JSON reading keeps (a field named twice was
	 * taken), and one read into a Jackson 3 tree answered 500. Those converters are left
	 * out, so such a body answers 415 naming application/json.
	 */
	@Bean
	WebMvcConfigurer jsonBodiesOnly() {
		return new WebMvcConfigurer() {
			@Override
			public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
				builder.configureMessageConvertersList(
						(converters) -> converters.removeIf(PlatformWebAutoConfiguration::readsAnotherDataFormat));
			}
		};
	}

	static boolean readsAnotherDataFormat(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes()
			.stream()
			.map((type) -> type.getSubtype().toLowerCase(java.util.Locale.ROOT))
			.anyMatch((subtype) -> subtype.contains("yaml") || subtype.contains("cbor") || subtype.contains("smile"));
	}

	@Bean
	@ConditionalOnClass(OpenAPI.class)
	OpenAPI bidstreamOpenApi() {
		// the Caller comes from the X-Api-Key header, not from request parameters
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
		return new OpenAPI().components(new Components().addSecuritySchemes("apiKey",
				new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER)
					.name(ApiKeyFilter.HEADER)))
			.addSecurityItem(new SecurityRequirement().addList("apiKey"));
	}

}
