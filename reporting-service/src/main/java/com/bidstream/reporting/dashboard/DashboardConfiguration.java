package com.bidstream.reporting.dashboard;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.bidstream.platform.web.PrivateResponseHeaders;

/**
 * Binds where the dashboard finds scoring and tracking, and resolves the signed-in person
 * of the dashboard's own API ({@link SignedInResolver}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UpstreamProperties.class)
class DashboardConfiguration implements WebMvcConfigurer {

	/**
	 * The dashboard's own API answers with agency data as {@code /api/} does: not to be
	 * kept by a cache, read only as its type.
	 */
	@Bean
	FilterRegistrationBean<PrivateResponseHeaders> dashboardApiResponseHeaders() {
		FilterRegistrationBean<PrivateResponseHeaders> registration = new FilterRegistrationBean<>(
				new PrivateResponseHeaders());
		registration.addUrlPatterns("/dashboard/api/*");
		// before the platform's body bound (+110), so its 413 carries them too
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 90);
		return registration;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new SignedInResolver());
	}

}
